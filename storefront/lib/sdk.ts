import Medusa from "@medusajs/js-sdk"

// NEXT_PUBLIC_* values are inlined at build time, so they must be referenced
// literally (not via process.env[name]).
export const BACKEND_URL =
  process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000"
export const PUBLISHABLE_KEY = process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || ""

/** null when the publishable key is missing: the UI then shows a config error. */
export const sdk: Medusa | null = PUBLISHABLE_KEY
  ? new Medusa({ baseUrl: BACKEND_URL, publishableKey: PUBLISHABLE_KEY })
  : null

/** For code paths that only render once the config check has passed. */
export function requireSdk(): Medusa {
  if (!sdk) throw new Error("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY is not set")
  return sdk
}

// Types derived from the SDK itself, so the storefront needs no extra
// dependency on @medusajs/types.
type Store = Medusa["store"]
export type Region = Awaited<ReturnType<Store["region"]["list"]>>["regions"][number]
export type Cart = Awaited<ReturnType<Store["cart"]["retrieve"]>>["cart"]
export type LineItem = NonNullable<Cart["items"]>[number]
type ListQuery = NonNullable<Parameters<Store["product"]["list"]>[0]>

export const KINDS = ["PHYSICAL", "SERVICE", "COURSE"] as const
export type Kind = (typeof KINDS)[number]

/** The seller of a product, as the store API embeds it (docs/merchant-api.md). */
export type ProductMerchant = { id: string; handle: string; display_name: string }

/** The marketplace's store API adds a top-level `kind` and the `merchant` to every product. */
export type Product = Awaited<ReturnType<Store["product"]["list"]>>["products"][number] & {
  kind?: Kind | null
  merchant?: ProductMerchant | null
}
export type Variant = NonNullable<Product["variants"]>[number]

/** Fields every product query asks for: prices for the region and the kind. */
export const PRODUCT_FIELDS = "*variants.calculated_price,+kind"

/** The js-sdk passes unknown query keys through; `kind` and `merchant_id` are our server's filters. */
export type ProductListQuery = ListQuery & { kind?: Kind; merchant_id?: string }

export function listProducts(query: ProductListQuery) {
  return requireSdk().store.product.list(query as ListQuery) as Promise<{
    products: Product[]
    count: number
  }>
}

/** A merchant's public profile: `GET /store/merchants/:handle` (APPROVED merchants only, else 404). */
export type StoreMerchant = { id: string; handle: string; display_name: string; country_code: string }

export async function retrieveStoreMerchant(handle: string): Promise<StoreMerchant> {
  const res = await requireSdk().client.fetch<{ merchant: StoreMerchant }>(
    `/store/merchants/${encodeURIComponent(handle)}`
  )
  return res.merchant
}

export function isNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { status?: number }).status === 404
}
