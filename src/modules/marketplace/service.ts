import { MedusaService } from "@medusajs/framework/utils"
import { Merchant } from "./models/merchant"
import { MerchantInvite } from "./models/merchant-invite"
import { MerchantUser } from "./models/merchant-user"

export default class MarketplaceModuleService extends MedusaService({ Merchant, MerchantUser, MerchantInvite }) {}
