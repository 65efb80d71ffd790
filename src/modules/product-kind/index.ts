import { Module } from "@medusajs/framework/utils"
import ProductKindModuleService from "./service"

export const PRODUCT_KIND_MODULE = "product_kind"

export default Module(PRODUCT_KIND_MODULE, { service: ProductKindModuleService })
