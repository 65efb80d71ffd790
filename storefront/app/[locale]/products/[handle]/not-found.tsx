import Link from "next/link"
import { headers } from "next/headers"
import { DEFAULT_LOCALE, isLocale, translate } from "@/lib/i18n"
import { LOCALE_HEADER, localePath } from "@/lib/locale-path"

export default async function ProductNotFound() {
  const h = (await headers()).get(LOCALE_HEADER)
  const locale = isLocale(h) ? h : DEFAULT_LOCALE
  return (
    <section className="not-found" data-testid="product-not-found">
      <h1>{translate(locale, "product.notFound")}</h1>
      <p>
        <Link href={localePath(locale, "/")}>{translate(locale, "product.back")}</Link>
      </p>
    </section>
  )
}
