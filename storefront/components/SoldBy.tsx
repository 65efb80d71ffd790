"use client"

import Link from "next/link"
import { useI18n } from "@/lib/i18n-context"
import { localePath } from "@/lib/locale-path"
import type { ProductMerchant } from "@/lib/sdk"

const SLOT = "\u0000"

/** "Sold by <link to the merchant's page>"; nothing for platform-owned products. */
export function SoldBy({ merchant, testId = "sold-by" }: { merchant: ProductMerchant | null | undefined; testId?: string }) {
  const { t, locale } = useI18n()
  if (!merchant) return null
  // The translation decides where the name goes (word order differs per language).
  const [before, after = ""] = t("merchant.soldBy", { name: SLOT }).split(SLOT)
  return (
    <p className="sold-by muted" data-testid={testId} data-merchant-handle={merchant.handle}>
      {before}
      <Link href={localePath(locale, `/merchants/${encodeURIComponent(merchant.handle)}`)} data-testid={`${testId}-link`} dir="auto">
        {merchant.display_name}
      </Link>
      {after}
    </p>
  )
}
