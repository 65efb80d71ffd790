import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import AeVatTaxProvider from "./service"

export default ModuleProvider(Modules.TAX, { services: [AeVatTaxProvider] })
