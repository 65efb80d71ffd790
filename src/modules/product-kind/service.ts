import { MedusaService } from "@medusajs/framework/utils"
import { ProductKind } from "./models/product-kind"

export default class ProductKindModuleService extends MedusaService({ ProductKind }) {}
