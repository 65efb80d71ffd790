import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import MarketplaceModule from "../modules/marketplace"

// An order involves one or more merchants (one checkout, one order; DESIGN.md §4).
export default defineLink(
  { linkable: MarketplaceModule.linkable.merchant, isList: true },
  { linkable: OrderModule.linkable.order, isList: true }
)
