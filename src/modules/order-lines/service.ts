import { MedusaService } from "@medusajs/framework/utils"
import { OrderLine } from "./models/order-line"
import { OrderLineTransition } from "./models/order-line-transition"

export default class OrderLinesModuleService extends MedusaService({ OrderLine, OrderLineTransition }) {}
