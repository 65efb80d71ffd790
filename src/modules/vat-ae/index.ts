import { Module } from "@medusajs/framework/utils"
import VatAeModuleService from "./service"

export const VAT_AE_MODULE = "vat_ae"

export default Module(VAT_AE_MODULE, { service: VatAeModuleService })
