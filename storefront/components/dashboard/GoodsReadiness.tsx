"use client"

import { CheckCircleSolid, ExclamationCircle } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import Link from "next/link"
import type { GoodsDetail } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { useGeoWords } from "./shipping/words"

/**
 * What a goods shop still lacks before its products can be bought and shipped, in words, each with
 * where it is fixed: stock in Products, delivery on the Delivery page; the warehouse, its shops and
 * shipping profiles by the platform's team.
 */
export function GoodsReadinessList({ detail, testId = "goods-readiness" }: { detail: GoodsDetail; testId?: string }) {
  const { t } = useDashboardI18n()
  const geo = useGeoWords()
  const rows: { key: string; ok: boolean; words: string; href?: string; fix?: DashboardKey }[] = [
    { key: "location", ok: detail.location, words: t(detail.location ? "goods.location.ok" : "goods.location.missing") },
    { key: "channels", ok: detail.channels_missing === 0, words: detail.channels_missing === 0 ? t("goods.channels.ok") : t("goods.channels.missing", { count: detail.channels_missing }) },
    {
      key: "shipping", href: "/merchant/shipping", fix: "ship.openDelivery",
      ok: detail.regions_without_shipping.length === 0 && detail.ships_somewhere,
      words: detail.regions_without_shipping.length
        // Regions by what their buyers pay in, in the viewer's words (a region's name is the platform's English data).
        ? t("goods.shipping.missing", { regions: detail.regions_without_shipping.map((r) => geo.currency(r.currency_code)).join(", ") })
        : t(detail.ships_somewhere ? "goods.shipping.ok" : "goods.shipping.none"),
    },
    {
      key: "profile", ok: detail.products_without_profile === 0,
      words: detail.products_without_profile === 0 ? t("goods.profile.ok") : t("goods.profile.missing", { count: detail.products_without_profile }),
    },
    {
      key: "stock", ok: detail.products_without_stock === 0, href: "/merchant/products",
      words: detail.products_without_stock === 0 ? t("goods.stock.ok") : t("goods.stock.missing", { count: detail.products_without_stock }),
    },
  ]
  const platform = rows.some((r) => !r.ok && !r.href)
  return (
    <div className="flex flex-col gap-1" data-testid={testId}>
      <ul className="flex flex-col gap-1">
        {rows.map((r) => (
          <li key={r.key} className="flex items-start gap-2" data-testid={`goods-${r.key}`} data-ok={r.ok}>
            {r.ok ? <CheckCircleSolid className="text-ui-tag-green-icon mt-0.5 shrink-0" /> : <ExclamationCircle className="text-ui-tag-orange-icon mt-0.5 shrink-0" />}
            <Text size="small" className={r.ok ? "text-ui-fg-subtle" : ""}>
              {r.words}
              {!r.ok && r.href && <> · <Link href={r.href} className="text-ui-fg-interactive" data-testid={`goods-${r.key}-fix`}>{t(r.fix ?? "goods.fix")}</Link></>}
            </Text>
          </li>
        ))}
      </ul>
      {platform && <Text size="xsmall" className="text-ui-fg-muted">{t("goods.platformHint")}</Text>}
    </div>
  )
}
