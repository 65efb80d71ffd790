import type { ExecArgs } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { PRODUCT_KINDS } from "../../lib/product-kinds"
import { DEMO_PRODUCTS, DemoProduct } from "./catalogue"
import type { CommerceSetup } from "./setup"

type Container = ExecArgs["container"]
const STOCK_PER_VARIANT = 100

/** Categories, the demo products of every kind (kind set through the product hook) and their stock. */
export async function seedCatalogue(container: Container, setup: CommerceSetup & { salesChannelId: string }) {
  const imageBase = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, "") + "/static/demo"
  const categoryNames = [...new Set(DEMO_PRODUCTS.map((p) => p.category))]
  const { result: categories } = await createProductCategoriesWorkflow(container).run({
    input: { product_categories: categoryNames.map((name) => ({ name, handle: slug(name), is_active: true })) },
  })
  const categoryId = Object.fromEntries(categories.map((c) => [c.name, c.id]))

  for (const kind of PRODUCT_KINDS) {
    const products = DEMO_PRODUCTS.filter((p) => p.kind === kind)
    await createProductsWorkflow(container).run({
      input: {
        products: products.map((p) => toProductInput(p, { imageBase, categoryId, ...setup })),
        additional_data: { kind },
      },
    })
  }

  // Only physical goods keep stock; services are limited by slots and courses are unlimited.
  const inventory = container.resolve(Modules.INVENTORY)
  const items = await inventory.listInventoryItems({}, { select: ["id"] })
  if (items.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: items.map((item) => ({
          inventory_item_id: item.id,
          location_id: setup.stockLocationId,
          stocked_quantity: STOCK_PER_VARIANT,
        })),
      },
    })
  }
}

function toProductInput(
  p: DemoProduct,
  ctx: { imageBase: string; categoryId: Record<string, string>; shippingProfileId: string; salesChannelId: string }
) {
  const option = p.option ?? { title: "Format", values: [p.variants[0].title] }
  const image = `${ctx.imageBase}/${p.image}.png`
  return {
    title: p.title,
    handle: p.handle,
    description: p.description,
    status: ProductStatus.PUBLISHED,
    thumbnail: image,
    images: [{ url: image }],
    category_ids: [ctx.categoryId[p.category]],
    // Only goods travel: services and courses need no shipping method at checkout.
    shipping_profile_id: p.kind === "PHYSICAL" ? ctx.shippingProfileId : undefined,
    sales_channels: [{ id: ctx.salesChannelId }],
    options: [option],
    variants: p.variants.map((v) => ({
      title: v.title,
      sku: v.sku,
      options: v.options ?? { [option.title]: v.title },
      manage_inventory: p.kind === "PHYSICAL",
      prices: [
        { currency_code: "eur", amount: v.price.eur },
        { currency_code: "rub", amount: v.price.rub },
        { currency_code: "aed", amount: v.price.aed },
      ],
    })),
  }
}

function slug(name: string) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
}
