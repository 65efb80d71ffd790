import Link from "next/link"
import { translate, type Locale } from "@/lib/i18n"
import { localePath } from "@/lib/locale-path"
import { KINDS, type Kind, type ProductMerchant } from "@/lib/sdk"

// Hook-free twins of KindBadge and SoldBy: they render in server components (given the locale)
// and inside client ones alike.

export function KindLabel({ kind, locale }: { kind: Kind | string | null | undefined; locale: Locale }) {
  const known = !!kind && (KINDS as readonly string[]).includes(kind)
  return (
    <span className={`kind-badge kind-${known ? kind!.toLowerCase() : "other"}`} data-testid="kind-badge">
      {translate(locale, known ? (`kind.${kind}` as "kind.PHYSICAL") : "kind.OTHER")}
    </span>
  )
}

const SLOT = "\u0000"

export function SellerLine({ merchant, locale, testId = "sold-by" }: { merchant: ProductMerchant | null | undefined; locale: Locale; testId?: string }) {
  if (!merchant) return null
  // The translation decides where the name goes (word order differs per language).
  const [before, after = ""] = translate(locale, "merchant.soldBy", { name: SLOT }).split(SLOT)
  return (
    <p className="sold-by muted" data-testid={testId} data-merchant-handle={merchant.handle}>
      {before}
      <bdi>
        <Link href={localePath(locale, `/merchants/${encodeURIComponent(merchant.handle)}`)} data-testid={`${testId}-link`}>
          {merchant.display_name}
        </Link>
      </bdi>
      {after}
    </p>
  )
}
