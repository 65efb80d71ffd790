import { Module } from "@medusajs/framework/utils"
import OrderLinesModuleService from "./service"

export const ORDER_LINES_MODULE = "order_lines"

export default Module(ORDER_LINES_MODULE, { service: OrderLinesModuleService })
