import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { toMajorString } from "../lib/money"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import { PRODUCT_KIND_MODULE } from "../modules/product-kind"
import { reindexProducts, searchService } from "../workflows/search/indexer"
import { CoalescingAggregator } from "./catalog/quiet-events"
import { CATEGORIES, productSpec } from "./catalog/words"

type Container = ExecArgs["container"]
const BATCH = 250
const MERCHANTS = 20

/**
 * `npm run seed:catalog -- N` (default 10 000): a large catalogue for measuring. Products
 * `catalog-1…N` across 20 merchants (18 approved, one pending, one suspended), three kinds,
 * 16 categories, EN/RU/AR titles, prices in EUR, RUB and AED, stock at one location.
 *
 * Fast because it writes through the module services in batches (one call per module per batch)
 * instead of a workflow per product, and indexes each batch for search itself. It emits no
 * per-product workflow events, and the modules' own per-row events are coalesced into one per
 * event name at the end (catalog/quiet-events.ts), so nothing queues up on the event bus. Idempotent: products whose
 * handle exists are skipped, so a rerun (or a larger N) only adds what is missing.
 */
export default async function seedCatalog({ container, args }: ExecArgs) {
  const total = Number(args?.[0] ?? 10_000)
  if (!Number.isInteger(total) || total < 1 || total > 1_000_000) throw new Error(`seed:catalog needs a product count between 1 and 1000000 (got ${args?.[0]})`)
  const started = Date.now()
  const ctx = await ensureSetup(container)
  const products = container.resolve(Modules.PRODUCT)
  let created = 0
  for (let from = 1; from <= total; from += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, total - from + 1) }, (_, k) => from + k)
    const existing = new Set((await products.listProducts({ handle: numbers.map((i) => `catalog-${i}`) }, { select: ["handle"], take: BATCH })).map((p) => p.handle))
    const missing = numbers.filter((i) => !existing.has(`catalog-${i}`))
    if (missing.length) created += await createBatch(container, ctx, missing)
    if ((from - 1) % 2500 === 0 || from + BATCH > total) {
      const s = (Date.now() - started) / 1000
      console.log(`seed:catalog ${Math.min(from + BATCH - 1, total)}/${total} (${created} new) in ${s.toFixed(0)} s`)
    }
  }
  if (created) await searchService(container).afterBulkLoad()
  const coalesced = [...events.counts.values()].reduce((a, b) => a + b, 0)
  const published = await events.flush(container)
  console.log(`seed:catalog events: ${published} published for ${coalesced} module events (one per event name)`)
  console.log(`seed:catalog done: ${created} products created, ${total - created} already there, ${((Date.now() - started) / 1000).toFixed(1)} s`)
  console.log(`  seconds per phase: ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`)
}

// Seconds spent per phase, printed at the end: where a bulk load's time goes.
const phases: Record<string, number> = {}
async function timed<T>(phase: string, fn: () => Promise<T>): Promise<T> {
  const t = Date.now()
  try {
    return await fn()
  } finally {
    phases[phase] = (phases[phase] ?? 0) + (Date.now() - t) / 1000
  }
}

// One for the whole run: every module event of the bulk writes lands here (see quiet-events.ts).
const events = new CoalescingAggregator()

type Setup = { salesChannelId: string; locationId: string; merchantIds: string[]; categoryIds: Map<string, string> }

async function createBatch(container: Container, ctx: Setup, numbers: number[]): Promise<number> {
  const productModule = container.resolve(Modules.PRODUCT)
  const pricing = container.resolve(Modules.PRICING)
  const inventory = container.resolve(Modules.INVENTORY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const kinds: any = container.resolve(PRODUCT_KIND_MODULE)
  const specs = numbers.map((i) => ({ i, ...productSpec(i) }))

  const created = await timed("products", () => productModule.createProducts(
    specs.map((s) => ({
      title: s.title, handle: s.handle, description: s.description, status: "published" as const,
      category_ids: [ctx.categoryIds.get(s.categoryHandle)!],
      options: [{ title: "Size", values: s.variants }],
      variants: s.variants.map((v) => ({
        title: v, sku: `${s.handle}-${v}`.toUpperCase(), options: { Size: v }, manage_inventory: s.kind === "PHYSICAL",
      })),
    })),
    events.context()
  ))
  const byHandle = new Map(created.map((p: any) => [p.handle, p]))
  const variants = specs.flatMap((s) => (byHandle.get(s.handle)!.variants as any[]).map((v, k) => ({ spec: s, variant: v, k })))

  // Prices: variant k of a product costs the base price plus 10 % per size step (integer minor units).
  const priceSets = await timed("prices", () => pricing.createPriceSets(
    variants.map(({ spec, k }) => ({
      prices: Object.entries(spec.prices).map(([currency_code, minor]) => ({
        currency_code, amount: toMajorString(minor + Math.floor((minor * k) / 10), currency_code) as any,
      })),
    })),
    events.context()
  ))
  const physical = variants.filter((v) => v.spec.kind === "PHYSICAL")
  const items: any[] = await timed("inventory", async () => {
    if (!physical.length) return []
    const created = await inventory.createInventoryItems(physical.map(({ variant }) => ({ sku: variant.sku, title: variant.title, requires_shipping: true })), events.context())
    await inventory.createInventoryLevels(created.map((item: any, n: number) => ({ inventory_item_id: item.id, location_id: ctx.locationId, stocked_quantity: physical[n].spec.stock })), events.context())
    return created
  })
  const productKinds: any[] = await timed("kinds", () => kinds.createProductKinds(specs.map((s) => ({ kind: s.kind })), events.context()))

  await timed("links", () => link.create([
    ...variants.map(({ variant }, n) => ({ [Modules.PRODUCT]: { variant_id: variant.id }, [Modules.PRICING]: { price_set_id: priceSets[n].id } })),
    ...items.map((item: any, n: number) => ({ [Modules.PRODUCT]: { variant_id: physical[n].variant.id }, [Modules.INVENTORY]: { inventory_item_id: item.id }, data: { required_quantity: 1 } })),
    ...specs.map((s) => ({ [Modules.PRODUCT]: { product_id: byHandle.get(s.handle)!.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: ctx.salesChannelId } })),
    ...specs.map((s, n) => ({ [Modules.PRODUCT]: { product_id: byHandle.get(s.handle)!.id }, [PRODUCT_KIND_MODULE]: { product_kind_id: productKinds[n].id } })),
    ...specs.map((s) => ({ [MARKETPLACE_MODULE]: { merchant_id: ctx.merchantIds[s.merchantIndex] }, [Modules.PRODUCT]: { product_id: byHandle.get(s.handle)!.id } })),
  ]))
  await timed("search index", () => reindexProducts(container, created.map((p: any) => p.id)))
  return created.length
}

async function ensureSetup(container: Container): Promise<Setup> {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const productModule = container.resolve(Modules.PRODUCT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const marketplace: any = container.resolve(MARKETPLACE_MODULE)

  const [store] = await storeModule.listStores({}, { take: 1 })
  let salesChannelId = store?.default_sales_channel_id ?? undefined
  if (!salesChannelId) salesChannelId = (await salesChannels.listSalesChannels({}, { take: 1 }))[0]?.id
  if (!salesChannelId) salesChannelId = (await salesChannels.createSalesChannels({ name: "Default Sales Channel" })).id

  let [location] = await stockLocations.listStockLocations({ name: "Catalogue warehouse" })
  if (!location) {
    location = await stockLocations.createStockLocations({ name: "Catalogue warehouse" })
    await link.create({ [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId }, [Modules.STOCK_LOCATION]: { stock_location_id: location.id } })
  }

  const merchantIds: string[] = []
  for (let m = 0; m < MERCHANTS; m++) {
    const handle = `catalog-merchant-${m}`
    let [merchant] = await marketplace.listMerchants({ handle })
    if (!merchant) {
      const status = m === MERCHANTS - 2 ? "PENDING" : m === MERCHANTS - 1 ? "SUSPENDED" : "APPROVED"
      merchant = await marketplace.createMerchants({
        handle, legal_name: `Catalogue Merchant ${m} LLC`, display_name: `Catalogue Merchant ${m}`, country_code: ["de", "ru", "ae"][m % 3],
        tax_regime: "NOT_VAT_REGISTERED", kyc_status: status, contact_email: `owner@${handle}.local`,
      })
    }
    merchantIds.push(merchant.id)
  }

  const categoryIds = new Map<string, string>()
  for (const parent of CATEGORIES) {
    let [p] = await productModule.listProductCategories({ handle: parent.handle })
    if (!p) p = await productModule.createProductCategories({ name: parent.name, handle: parent.handle, is_active: true })
    categoryIds.set(parent.handle, p.id)
    for (const child of parent.children) {
      const handle = `${parent.handle}-${child.toLowerCase().replace(/[^a-z]+/g, "-")}`
      let [c] = await productModule.listProductCategories({ handle })
      if (!c) c = await productModule.createProductCategories({ name: child, handle, is_active: true, parent_category_id: p.id })
      categoryIds.set(handle, c.id)
    }
  }
  return { salesChannelId, locationId: location.id, merchantIds, categoryIds }
}
