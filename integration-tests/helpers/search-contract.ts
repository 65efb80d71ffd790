import type { SearchDocument, SearchProvider, SearchQuery } from "../../src/modules/search/types"
import { priceBucket } from "../../src/modules/search/price-buckets"

/**
 * One contract every search provider passes (DESIGN.md §6): the same documents, the same
 * queries, the same expected hits and facet counts. Languages included: Russian inflection,
 * an English misspelling, Arabic words.
 */
const base = {
  sales_channel_ids: ["sc_web"], subtitle: null, description: null, handle: null, thumbnail: null, tags: [], options: null,
  next_slot_at: null, popularity: 0,
}
function doc(p: Partial<SearchDocument> & Pick<SearchDocument, "product_id" | "title" | "kind" | "merchant_id" | "price_min">, currency = "eur"): SearchDocument {
  const cats = (p as any).cats ?? []
  const d: any = {
    ...base, available: true, category_ids: cats, category_names: cats.map((c: string) => c.replace("pcat_", "")),
    merchant_name: p.merchant_id ? `Shop ${p.merchant_id}` : null, price_max: p.price_min, ...p,
    id: `${p.product_id}:${currency}`, currency_code: currency,
  }
  delete d.cats
  d.price_bucket = priceBucket(d.price_min, currency)
  return d
}

export const CONTRACT_DOCS: SearchDocument[] = [
  doc({ product_id: "prod_mug_ru", title: "Кружка керамическая", description: "Большая кружка для чая", kind: "PHYSICAL", merchant_id: "mer_a", price_min: 1200, cats: ["pcat_kitchen"], created_at: "2026-01-01T00:00:00.000Z" } as any),
  doc({ product_id: "prod_hp_wireless", title: "Wireless Headphones Pro", subtitle: "Noise cancelling", kind: "PHYSICAL", merchant_id: "mer_b", price_min: 9900, price_max: 12900, cats: ["pcat_audio"], created_at: "2026-01-02T00:00:00.000Z", popularity: 5 } as any),
  doc({ product_id: "prod_hp_studio", title: "Studio Headphones", kind: "PHYSICAL", merchant_id: "mer_b", price_min: 14900, cats: ["pcat_audio"], available: false, created_at: "2026-01-03T00:00:00.000Z" } as any),
  doc({ product_id: "prod_coffee_ar", title: "قهوة عربية فاخرة", description: "بن محمص", kind: "PHYSICAL", merchant_id: "mer_a", price_min: 3500, cats: ["pcat_kitchen"], created_at: "2026-01-04T00:00:00.000Z" } as any),
  doc({ product_id: "prod_yoga", title: "Morning yoga class", kind: "SERVICE", merchant_id: "mer_c", price_min: 2000, cats: ["pcat_sport"], next_slot_at: "2026-02-01T08:00:00.000Z", created_at: "2026-01-05T00:00:00.000Z" } as any),
  doc({ product_id: "prod_guitar", title: "Guitar course for beginners", kind: "COURSE", merchant_id: "mer_c", price_min: 4900, cats: ["pcat_music"], created_at: "2026-01-06T00:00:00.000Z" } as any),
  doc({ product_id: "prod_mug_en", title: "Coffee mug", kind: "PHYSICAL", merchant_id: "mer_a", price_min: 800, cats: ["pcat_kitchen"], created_at: "2026-01-07T00:00:00.000Z", tags: ["ceramic"] } as any),
  doc({ product_id: "prod_hp_wireless", title: "Wireless Headphones Pro", subtitle: "Noise cancelling", kind: "PHYSICAL", merchant_id: "mer_b", price_min: 10900, cats: ["pcat_audio"], created_at: "2026-01-02T00:00:00.000Z" } as any, "usd"),
  doc({ product_id: "prod_hidden_channel", title: "Headphones stand", kind: "PHYSICAL", merchant_id: "mer_b", price_min: 1500, sales_channel_ids: ["sc_other"], created_at: "2026-01-08T00:00:00.000Z" } as any),
]

const q = (over: Partial<SearchQuery>): SearchQuery => ({ currency_code: "eur", sales_channel_ids: ["sc_web"], limit: 20, offset: 0, ...over })
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id)
const sorted = (a: string[]) => [...a].sort()

/** Registers the contract's `it`s; `provider()` is called inside each test (after beforeAll set it up). */
export function searchContract(provider: () => SearchProvider) {
  it("indexes documents and replaces a product's documents as a whole", async () => {
    const p = provider()
    await p.clear()
    const productIds = [...new Set(CONTRACT_DOCS.map((d) => d.product_id))]
    await p.replaceProducts(productIds, CONTRACT_DOCS)
    const stored = await p.documentsOf(["prod_hp_wireless"])
    expect(stored.map((d) => d.id).sort()).toEqual(["prod_hp_wireless:eur", "prod_hp_wireless:usd"])
    expect(stored.find((d) => d.currency_code === "eur")).toEqual(CONTRACT_DOCS[1])
    expect([...(await p.allProductIds())].sort()).toEqual(sorted(productIds))
  })

  it("Russian: an inflected form finds the word (кружки → Кружка)", async () => {
    const r = await provider().search(q({ q: "кружки" }))
    expect(ids(r)).toEqual(["prod_mug_ru"])
    expect(r.total).toBe(1)
  })

  it("English: a misspelt word finds the product (hedphones → Headphones), only in the buyer's sales channel", async () => {
    const r = await provider().search(q({ q: "hedphones" }))
    expect(sorted(ids(r))).toEqual(["prod_hp_studio", "prod_hp_wireless"])
    expect(r.total).toBe(2)
  })

  it("Arabic: a title word finds the product, with and without diacritics", async () => {
    expect(ids(await provider().search(q({ q: "قهوة" })))).toEqual(["prod_coffee_ar"])
    expect(ids(await provider().search(q({ q: "عربية" })))).toEqual(["prod_coffee_ar"])
    expect(ids(await provider().search(q({ q: "قَهْوَة" })))).toEqual(["prod_coffee_ar"])
  })

  it("highlights the matched words, HTML-safe", async () => {
    const r = await provider().search(q({ q: "headphones", available: true }))
    expect(ids(r)).toEqual(["prod_hp_wireless"])
    expect(r.hits[0].highlights.title).toBe("Wireless <mark>Headphones</mark> Pro")
    expect(r.hits[0]).toEqual(expect.objectContaining({ currency_code: "eur", price_min: 9900, price_max: 12900, kind: "PHYSICAL", merchant_id: "mer_b", available: true }))
  })

  it("facet counts over the whole filtered result (not just the page)", async () => {
    const r = await provider().search(q({ limit: 2 }))
    expect(r.total).toBe(7)
    expect(r.hits).toHaveLength(2)
    const f = r.facets!
    expect(sortFacet(f.kind)).toEqual([{ value: "COURSE", count: 1 }, { value: "PHYSICAL", count: 5 }, { value: "SERVICE", count: 1 }])
    expect(sortFacet(f.merchant)).toEqual([{ value: "mer_a", count: 3 }, { value: "mer_b", count: 2 }, { value: "mer_c", count: 2 }])
    expect(sortFacet(f.category)).toEqual([
      { value: "pcat_audio", count: 2 }, { value: "pcat_kitchen", count: 3 }, { value: "pcat_music", count: 1 }, { value: "pcat_sport", count: 1 },
    ])
    // Buckets in EUR: 8.00, 12.00 → [0,10) and [10,25); 20, 35, 49 → [10,25), [25,50) ×2; 99 → [50,100); 149 → [100,250)
    expect([...f.price].sort((a, b) => a.bucket - b.bucket)).toEqual([
      { bucket: 0, count: 1 }, { bucket: 1, count: 2 }, { bucket: 2, count: 2 }, { bucket: 3, count: 1 }, { bucket: 4, count: 1 },
    ])
    expect([...f.available].sort((a, b) => Number(b.value) - Number(a.value))).toEqual([{ value: true, count: 6 }, { value: false, count: 1 }])
  })

  it("filters combine: kind, merchant, category, price range, availability", async () => {
    const p = provider()
    expect(sorted(ids(await p.search(q({ kind: ["SERVICE", "COURSE"] }))))).toEqual(["prod_guitar", "prod_yoga"])
    expect(sorted(ids(await p.search(q({ merchant_id: ["mer_a"], price_max: 1200 }))))).toEqual(["prod_mug_en", "prod_mug_ru"])
    expect(sorted(ids(await p.search(q({ category_id: ["pcat_audio"], available: false }))))).toEqual(["prod_hp_studio"])
    expect(sorted(ids(await p.search(q({ price_min: 2000, price_max: 4900 }))))).toEqual(["prod_coffee_ar", "prod_guitar", "prod_yoga"])
    const f = (await p.search(q({ q: "headphones" }))).facets!
    expect(f.kind).toEqual([{ value: "PHYSICAL", count: 2 }])
  })

  it("sorts by price and by newest; pages with limit/offset", async () => {
    const p = provider()
    expect(ids(await p.search(q({ sort: "price_asc" })))).toEqual([
      "prod_mug_en", "prod_mug_ru", "prod_yoga", "prod_coffee_ar", "prod_guitar", "prod_hp_wireless", "prod_hp_studio",
    ])
    expect(ids(await p.search(q({ sort: "price_desc", limit: 2 })))).toEqual(["prod_hp_studio", "prod_hp_wireless"])
    const page = await p.search(q({ sort: "newest", limit: 2, offset: 2 }))
    expect(ids(page)).toEqual(["prod_yoga", "prod_coffee_ar"])
    expect(page.total).toBe(7)
  })

  it("a currency shows only the products priced in it, at that currency's price", async () => {
    const r = await provider().search(q({ currency_code: "usd", q: "headphones" }))
    expect(ids(r)).toEqual(["prod_hp_wireless"])
    expect(r.hits[0].price_min).toBe(10900)
  })

  it("suggests titles from a word prefix and from a misspelling", async () => {
    const p = provider()
    const s = await p.suggest("headph", { currency_code: "eur", sales_channel_ids: ["sc_web"], limit: 5 })
    expect(s.map((x) => x.product_id).sort()).toEqual(["prod_hp_studio", "prod_hp_wireless"])
    expect(s.find((x) => x.product_id === "prod_hp_wireless")!.text).toBe("Wireless Headphones Pro")
    const typo = await p.suggest("hedphones", { currency_code: "eur", sales_channel_ids: ["sc_web"], limit: 5 })
    expect(typo.map((x) => x.product_id).sort()).toEqual(["prod_hp_studio", "prod_hp_wireless"])
  })

  it("a product whose documents are replaced by none disappears", async () => {
    const p = provider()
    await p.replaceProducts(["prod_hp_studio"], [])
    expect(sorted(ids(await p.search(q({ q: "headphones" }))))).toEqual(["prod_hp_wireless"])
    expect(await p.documentsOf(["prod_hp_studio"])).toEqual([])
  })
}

function sortFacet<T extends { value: string }>(f: T[]): T[] {
  return [...f].sort((a, b) => a.value.localeCompare(b.value))
}
