import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import MarketplaceModule from "../modules/marketplace"

// Each merchant keeps stock at its own location; reservations for its lines happen there.
export default defineLink(MarketplaceModule.linkable.merchant, StockLocationModule.linkable.stockLocation)
