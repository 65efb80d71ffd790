import Medusa from "@medusajs/js-sdk"
import { LOCALE_META, type Locale } from "./i18n"
import { publicConfig } from "./public-config"

// NEXT_PUBLIC_* values are inlined at build time, so they must be referenced
// literally (not via process.env[name]). The publishable key is read at run time (public-config.ts).
export const BACKEND_URL =
  process.env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000"

/** The store's publishable API key, as configured where the storefront runs. */
export function publishableKey(): string {
  return publicConfig().publishableKey
}

/**
 * The js-sdk's FetchError keeps only the body's `message` and the HTTP status, but people must
 * read words for our stable `code` (never a server sentence). In the browser, error answers from
 * our backend carry their code on to the FetchError as its `statusText` (lib/errors.ts reads it).
 */
function keepErrorCodes() {
  const w = window as Window & { __snailFetchWrapped?: boolean }
  if (w.__snailFetchWrapped) return
  w.__snailFetchWrapped = true
  const backendOrigin = new URL(BACKEND_URL).origin
  const original = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const res = await original(input, init)
    if (res.status < 300) return res
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url
    if (!url.startsWith(backendOrigin)) return res
    const text = await res.text()
    let code: unknown
    try {
      code = JSON.parse(text)?.code
    } catch {
      code = undefined
    }
    return new Response(text, {
      status: res.status,
      statusText: typeof code === "string" && /^[A-Z][A-Z0-9_]+$/.test(code) ? code : res.statusText,
      headers: res.headers,
    })
  }
}
if (typeof window !== "undefined") keepErrorCodes()

let client: Medusa | null = null

/**
 * The js-sdk client, made on first use (the key is read from the page, which is there by then);
 * null when the publishable key is missing: the UI then shows a config error.
 */
export function getSdk(): Medusa | null {
  if (client) return client
  const key = publishableKey()
  if (key) client = new Medusa({ baseUrl: BACKEND_URL, publishableKey: key })
  return client
}

/**
 * The reader's language on a request, explicitly: order and course reads answer item names in it
 * (issue 21), and a query keyed by the locale must not race the provider's `setLocale` effect.
 */
export function localeHeaders(locale: Locale): Record<string, string> {
  return { "x-medusa-locale": LOCALE_META[locale].intl }
}

/** For code paths that only render once the config check has passed. */
export function requireSdk(): Medusa {
  const sdk = getSdk()
  if (!sdk) throw new Error("MEDUSA_PUBLISHABLE_KEY is not set")
  return sdk
}

// Types derived from the SDK itself, so the storefront needs no extra
// dependency on @medusajs/types.
type Store = Medusa["store"]
export type Region = Awaited<ReturnType<Store["region"]["list"]>>["regions"][number]
export type Cart = Awaited<ReturnType<Store["cart"]["retrieve"]>>["cart"]
export type LineItem = NonNullable<Cart["items"]>[number]

/**
 * Fields every cart answer carries: Medusa's default cart answer has no per-line totals (the
 * checkout showed 0.00 for every line) and only the delivery total with its VAT, so the line and
 * delivery figures before tax are asked for by name (lib/money.ts `summarize`, `lineMoney`).
 */
export const CART_FIELDS = [
  "+shipping_subtotal",
  "+shipping_tax_total",
  "+discount_subtotal",
  "+items.subtotal",
  "+items.total",
  "+items.tax_total",
  "+items.discount_subtotal",
  "+items.discount_total",
].join(",")
export const CART_QUERY = { fields: CART_FIELDS }
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

/** Fields every product query asks for: prices for the region, the kind, and metadata (the merchant's translations). */
export const PRODUCT_FIELDS = "*variants.calculated_price,+kind,+metadata"

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
