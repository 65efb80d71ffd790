import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createRegionsWorkflow, linkSalesChannelsToApiKeyWorkflow, updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { toMajorString } from "../../src/lib/money"
import { CATEGORIES, productSpec } from "../../src/scripts/catalog/words"

type Container = ExecArgs["container"]
const BATCH = 250
const REGIONS = [
  { name: "Bench Europe", currency_code: "eur", countries: ["de"] },
  { name: "Bench Russia", currency_code: "rub", countries: ["ru"] },
  { name: "Bench UAE", currency_code: "aed", countries: ["ae"] },
]

/**
 * Vanilla Medusa loaded with the same catalogue as `npm run seed:catalog -- N` (products
 * `catalog-1…N` from the same deterministic specs: titles in EN/RU/AR, 16 categories, 3 sizes for
 * physical goods, prices in EUR/RUB/AED, stock at one location) — without merchants, kinds or
 * search documents, which vanilla does not have. Same write path as our loader (module services
 * in batches of 250). Idempotent: existing handles are skipped. Writes the publishable key to
 * `.data/vanilla-credentials.json`. Run by `node bench/vanilla.mjs setup N`.
 */
export default async function seedVanilla({ container, args }: ExecArgs) {
  const total = Number(args?.[0] ?? 10_000)
  if (!Number.isInteger(total) || total < 1 || total > 1_000_000) throw new Error(`seed needs a product count between 1 and 1000000 (got ${args?.[0]})`)
  const started = Date.now()
  const ctx = await ensureSetup(container)
  const products = container.resolve(Modules.PRODUCT)
  let created = 0
  for (let from = 1; from <= total; from += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, total - from + 1) }, (_, k) => from + k)
    const existing = new Set((await products.listProducts({ handle: numbers.map((i) => `catalog-${i}`) }, { select: ["handle"], take: BATCH })).map((p) => p.handle))
    const missing = numbers.filter((i) => !existing.has(`catalog-${i}`))
    if (missing.length) created += await createBatch(container, ctx, missing)
    if ((from - 1) % 2500 === 0 || from + BATCH > total) console.log(`vanilla seed ${Math.min(from + BATCH - 1, total)}/${total} (${created} new) in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  console.log(`vanilla seed done: ${created} products created, ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

type Setup = { salesChannelId: string; locationId: string; categoryIds: Map<string, string> }

async function createBatch(container: Container, ctx: Setup, numbers: number[]): Promise<number> {
  const productModule = container.resolve(Modules.PRODUCT)
  const pricing = container.resolve(Modules.PRICING)
  const inventory = container.resolve(Modules.INVENTORY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const specs = numbers.map((i) => ({ i, ...productSpec(i) }))
  const created = await productModule.createProducts(
    specs.map((s) => ({
      title: s.title, handle: s.handle, description: s.description, status: "published" as const,
      category_ids: [ctx.categoryIds.get(s.categoryHandle)!],
      options: [{ title: "Size", values: s.variants }],
      variants: s.variants.map((v) => ({ title: v, sku: `${s.handle}-${v}`.toUpperCase(), options: { Size: v }, manage_inventory: s.kind === "PHYSICAL" })),
    }))
  )
  const byHandle = new Map(created.map((p: any) => [p.handle, p]))
  const variants = specs.flatMap((s) => (byHandle.get(s.handle)!.variants as any[]).map((v, k) => ({ spec: s, variant: v, k })))
  const priceSets = await pricing.createPriceSets(
    variants.map(({ spec, k }) => ({
      prices: Object.entries(spec.prices).map(([currency_code, minor]) => ({ currency_code, amount: toMajorString(minor + Math.floor((minor * k) / 10), currency_code) as any })),
    }))
  )
  const physical = variants.filter((v) => v.spec.kind === "PHYSICAL")
  const items: any[] = physical.length
    ? await inventory.createInventoryItems(physical.map(({ variant }) => ({ sku: variant.sku, title: variant.title, requires_shipping: true })))
    : []
  if (items.length) {
    await inventory.createInventoryLevels(items.map((item: any, n: number) => ({ inventory_item_id: item.id, location_id: ctx.locationId, stocked_quantity: physical[n].spec.stock })))
  }
  await link.create([
    ...variants.map(({ variant }, n) => ({ [Modules.PRODUCT]: { variant_id: variant.id }, [Modules.PRICING]: { price_set_id: priceSets[n].id } })),
    ...items.map((item: any, n: number) => ({ [Modules.PRODUCT]: { variant_id: physical[n].variant.id }, [Modules.INVENTORY]: { inventory_item_id: item.id }, data: { required_quantity: 1 } })),
    ...specs.map((s) => ({ [Modules.PRODUCT]: { product_id: byHandle.get(s.handle)!.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: ctx.salesChannelId } })),
  ])
  return created.length
}

async function ensureSetup(container: Container): Promise<Setup> {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const productModule = container.resolve(Modules.PRODUCT)
  const regionModule = container.resolve(Modules.REGION)
  const apiKeys = container.resolve(Modules.API_KEY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const [store] = await storeModule.listStores({}, { take: 1, relations: ["supported_currencies"] })
  let salesChannelId = store?.default_sales_channel_id ?? (await salesChannels.listSalesChannels({}, { take: 1 }))[0]?.id
  if (!salesChannelId) salesChannelId = (await salesChannels.createSalesChannels({ name: "Default Sales Channel" })).id
  const have = new Set(((store as any)?.supported_currencies ?? []).map((c: any) => c.currency_code))
  if (store && REGIONS.some((r) => !have.has(r.currency_code))) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: { supported_currencies: REGIONS.map((r, n) => ({ currency_code: r.currency_code, is_default: n === 0 })), default_sales_channel_id: salesChannelId },
      },
    })
  }
  const existingRegions = new Set((await regionModule.listRegions({})).map((r) => r.currency_code))
  const newRegions = REGIONS.filter((r) => !existingRegions.has(r.currency_code))
  if (newRegions.length) await createRegionsWorkflow(container).run({ input: { regions: newRegions } })

  let [location] = await stockLocations.listStockLocations({ name: "Catalogue warehouse" })
  if (!location) {
    location = await stockLocations.createStockLocations({ name: "Catalogue warehouse" })
    await link.create({ [Modules.SALES_CHANNEL]: { sales_channel_id: salesChannelId }, [Modules.STOCK_LOCATION]: { stock_location_id: location.id } })
  }

  let [key] = await apiKeys.listApiKeys({ type: "publishable", title: "Vanilla bench" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Vanilla bench", type: "publishable", created_by: "" }] } })
    key = result[0] as any
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  const file = path.resolve(process.cwd(), "../../.data/vanilla-credentials.json")
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify({ publishable_key: key.token }, null, 2) + "\n")
  console.log(`vanilla publishable key ${key.token} (saved to ${file})`)

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
  return { salesChannelId, locationId: location.id, categoryIds }
}
