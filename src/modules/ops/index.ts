import { Module } from "@medusajs/framework/utils"
import OpsModuleService from "./service"

/** Operational records (scheduled job runs) that observability and the scale tests read. */
export const OPS_MODULE = "ops"

export default Module(OPS_MODULE, { service: OpsModuleService })
