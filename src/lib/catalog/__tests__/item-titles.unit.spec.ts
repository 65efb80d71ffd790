import { languageOf, merchantTranslation, readItemNames } from "../item-titles"

// As Medusa stores a line bought from the merchant's base text: title = product, subtitle = variant.
const asBought = { title: "Snail shell mug", subtitle: "Moss", product_title: "Snail shell mug", variant_title: "Moss" }
const catalogue = {
  product: { base: "Snail shell mug (renamed)", translated: "كوب صدفة الحلزون" },
  variant: { base: "Moss", translated: "طحلبي" },
}

describe("readItemNames: an order item in the reader's language", () => {
  it("uses the catalogue's translation for another language", () => {
    expect(readItemNames(asBought, catalogue, "ar-AE", null)).toEqual({
      title: "كوب صدفة الحلزون", subtitle: "طحلبي", product_title: "كوب صدفة الحلزون", variant_title: "طحلبي",
    })
  })

  it("keeps the names as bought when the catalogue has no translation (and never shows the renamed base)", () => {
    expect(readItemNames(asBought, { product: { base: "Snail shell mug (renamed)" }, variant: { base: "Moss" } }, "ru-RU", null)).toEqual(asBought)
    expect(readItemNames(asBought, {}, "ru-RU", null)).toEqual(asBought)
    expect(readItemNames(asBought, { product: { base: "x", translated: "   " } }, "ru", null)).toEqual(asBought)
  })

  it("keeps the names as bought for a reader in the language they were bought in without a translation, or without a language", () => {
    const base = { product: { base: "Snail shell mug (renamed)" }, variant: { base: "Moss" } }
    expect(readItemNames(asBought, base, "en-GB", "en-US")).toBe(asBought)
    expect(readItemNames(asBought, catalogue, null, null)).toBe(asBought)
    const arabic = { ...asBought, title: "كوب قديم", product_title: "كوب قديم" }
    expect(readItemNames(arabic, base, "ar", "ar-AE")).toBe(arabic)
    // A translation the catalogue has (e.g. the merchant's own, which Medusa's snapshot does not see) wins.
    expect(readItemNames(arabic, catalogue, "ar", "ar-AE").product_title).toBe("كوب صدفة الحلزون")
  })

  it("a line stored in the cart's language reads in the catalogue's base text for a base-language reader", () => {
    const storedInArabic = { title: "كوب صدفة الحلزون", subtitle: "طحلبي", product_title: "كوب صدفة الحلزون", variant_title: "طحلبي" }
    expect(readItemNames(storedInArabic, { product: { base: "Snail shell mug" }, variant: { base: "Moss" } }, "en-GB", "ar-AE")).toEqual({
      title: "Snail shell mug", subtitle: "Moss", product_title: "Snail shell mug", variant_title: "Moss",
    })
    // Product gone from the catalogue: still the names as bought.
    expect(readItemNames(storedInArabic, {}, "en", "ar-AE")).toEqual(storedInArabic)
  })

  it("returns only the fields the item carries and keeps a client's own title", () => {
    expect(readItemNames({ product_title: "Mug" }, catalogue, "ar", null)).toEqual({ product_title: "كوب صدفة الحلزون" })
    expect(readItemNames({ title: "Gift: mug", product_title: "Mug" }, catalogue, "ar", null)).toEqual({ title: "Gift: mug", product_title: "كوب صدفة الحلزون" })
  })
})

describe("languageOf and merchantTranslation", () => {
  it("reads the language of a BCP 47 tag", () => {
    expect([languageOf("ar-AE"), languageOf("RU_ru"), languageOf("en"), languageOf(""), languageOf(undefined), languageOf("??")]).toEqual(["ar", "ru", "en", null, null, null])
  })
  it("reads the merchant's own translation, empty meaning none", () => {
    const metadata = { translations: { ar: { title: "كوب" }, ru: { title: " " } } }
    expect([merchantTranslation(metadata, "ar"), merchantTranslation(metadata, "ru"), merchantTranslation(metadata, null), merchantTranslation(null, "ar")]).toEqual(["كوب", null, null, null])
  })
})
