import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import MarketplaceModule from "../modules/marketplace"

// A merchant has many products; each product belongs to at most one merchant (one link row).
export default defineLink(MarketplaceModule.linkable.merchant, {
  linkable: ProductModule.linkable.product,
  isList: true,
})
