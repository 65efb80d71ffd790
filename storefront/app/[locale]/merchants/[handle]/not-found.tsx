import Link from "next/link"
import { headers } from "next/headers"
import { DEFAULT_LOCALE, isLocale, translate } from "@/lib/i18n"
import { LOCALE_HEADER, localePath } from "@/lib/locale-path"

export default async function MerchantNotFound() {
  const h = (await headers()).get(LOCALE_HEADER)
  const locale = isLocale(h) ? h : DEFAULT_LOCALE
  return (
    <section className="not-found" data-testid="merchant-not-found">
      <h1>{translate(locale, "merchant.notFound")}</h1>
      <p>
        <Link href={localePath(locale, "/")}>{translate(locale, "product.back")}</Link>
      </p>
    </section>
  )
}
