"use client"

import { useQuery } from "@tanstack/react-query"
import Link from "next/link"
import { useParams } from "next/navigation"
import { ProductResults } from "@/components/ProductResults"
import { ErrorMessage, Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { isNotFound, listProducts, PRODUCT_FIELDS, retrieveStoreMerchant } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

function countryName(code: string, intlLocale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale], { type: "region" }).of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

export default function MerchantPage() {
  const { handle } = useParams<{ handle: string }>()
  const { t, intlLocale } = useI18n()
  const { region, regionsError } = useStore()

  const merchantQuery = useQuery({
    queryKey: ["store-merchant", handle],
    enabled: !!handle,
    retry: (n, err) => !isNotFound(err) && n < 2,
    queryFn: async () => {
      try {
        return await retrieveStoreMerchant(handle)
      } catch (err) {
        // Unknown handle, or a merchant that is not APPROVED: both are a 404.
        if (isNotFound(err)) return null
        throw err
      }
    },
  })
  const merchant = merchantQuery.data

  const products = useQuery({
    queryKey: ["products", region?.id, "merchant", merchant?.id],
    enabled: !!region && !!merchant,
    queryFn: () =>
      listProducts({ merchant_id: merchant!.id, region_id: region!.id, fields: PRODUCT_FIELDS, limit: 100 }),
  })

  if (merchantQuery.error) return <ErrorMessage error={merchantQuery.error} />
  if (merchant === undefined) return <Loading />
  if (merchant === null) {
    return (
      <section className="not-found" data-testid="merchant-not-found">
        <h1>404</h1>
        <p>
          {t("merchant.notFound")} <Link href="/">{t("product.back")}</Link>
        </p>
      </section>
    )
  }

  return (
    <section data-testid="merchant-page" data-merchant-id={merchant.id} data-merchant-handle={merchant.handle}>
      <Link href="/" className="back-link">{t("product.back")}</Link>
      <h1 data-testid="merchant-name" dir="auto">{merchant.display_name}</h1>
      {merchant.country_code && <p className="muted">{countryName(merchant.country_code, intlLocale)}</p>}
      <h2>{t("merchant.products")}</h2>
      <ProductResults regionsError={regionsError} query={products} emptyText={t("merchant.empty")} />
    </section>
  )
}
