import { model } from "@medusajs/framework/utils"
import { OrderLine } from "./order-line"

// Append-only history: who moved the line, from where to where, when and why.
export const OrderLineTransition = model.define("order_line_transition", {
  id: model.id({ prefix: "olt" }).primaryKey(),
  transition: model.text(),
  from_state: model.text(),
  to_state: model.text(),
  actor_type: model.enum(["buyer", "merchant", "operator", "system"]),
  actor_id: model.text().nullable(),
  reason: model.text().nullable(),
  data: model.json().nullable(),
  line: model.belongsTo(() => OrderLine, { mappedBy: "transitions" }),
})
