import Medusa from "@medusajs/js-sdk"
import { cookies } from "next/headers"
import { cache } from "react"
import { LOCALE_META, type Locale } from "../i18n"
import { serverPublicConfig } from "../public-config"
import { BACKEND_URL, PRODUCT_FIELDS, type Product, type ProductListQuery, type Region, type StoreMerchant } from "../sdk"
import { REGION_COOKIE, regionFor } from "../region"

// Server components talk to Medusa directly (MEDUSA_BACKEND_URL: the address the storefront's
// server reaches, which may differ from the browser's NEXT_PUBLIC_ one behind a proxy). No token
// storage: these reads are public, never a buyer's.
let serverClient: Medusa | null = null
function serverSdkClient(): Medusa {
  serverClient ??= new Medusa({
    baseUrl: process.env.MEDUSA_BACKEND_URL || BACKEND_URL,
    publishableKey: serverPublicConfig().publishableKey,
    auth: { jwtTokenStorageMethod: "nostore" },
  })
  return serverClient
}
/** Made on first use, when the run-time settings are read (not at build time). */
const serverSdk = new Proxy({} as Medusa, { get: (_, key) => (serverSdkClient() as any)[key] })

export function hasStoreConfig(): boolean {
  return !!serverPublicConfig().publishableKey
}

/** Regions change rarely: once per request (React cache), shared by layout, page and metadata. */
export const listRegions = cache(async (): Promise<Region[]> => (await serverSdk.store.region.list({ limit: 100 })).regions)

/** The buyer's region: the cookie the region picker writes, else the one whose currency fits the language. */
export const currentRegion = cache(async (locale: Locale): Promise<Region | null> => {
  const chosen = (await cookies()).get(REGION_COOKIE)?.value ?? null
  return regionFor(await listRegions(), chosen, locale)
})

/**
 * With `locale`, Medusa's translation module answers product, variant and option names in that
 * language (`?locale=`, the storefront's BCP 47 tag: ru-RU, ar-AE); untranslated fields stay as written.
 */
export async function listProducts(query: ProductListQuery, locale?: Locale): Promise<{ products: Product[]; count: number }> {
  const localized = locale ? { ...query, locale: LOCALE_META[locale].intl } : query
  return (await serverSdk.store.product.list(localized as never)) as unknown as { products: Product[]; count: number }
}

export const productByHandle = cache(async (handle: string, regionId: string | undefined, locale?: Locale): Promise<Product | null> => {
  const { products } = await listProducts({ handle, ...(regionId ? { region_id: regionId } : {}), fields: `${PRODUCT_FIELDS},*images,*categories`, limit: 1 }, locale)
  return products[0] ?? null
})

export const merchantByHandle = cache(async (handle: string): Promise<StoreMerchant | null> => {
  try {
    return (await serverSdk.client.fetch<{ merchant: StoreMerchant }>(`/store/merchants/${encodeURIComponent(handle)}`)).merchant
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null
    throw err
  }
})

/** Raw GET on our own store routes (search), with the publishable key. */
export function storeFetch<T>(path: string, query?: Record<string, unknown>): Promise<T> {
  return serverSdk.client.fetch<T>(path, { query })
}
