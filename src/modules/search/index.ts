import { Module } from "@medusajs/framework/utils"
import SearchModuleService from "./service"

// Not "search": Medusa reserves that key for its own (experimental) search module.
export const SEARCH_MODULE = "product_search"

export default Module(SEARCH_MODULE, { service: SearchModuleService })
