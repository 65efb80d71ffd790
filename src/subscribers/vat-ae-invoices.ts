import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { issueTaxInvoicesWorkflow } from "../workflows/vat-ae/issue-invoices"

// The order is placed once its payment is authorized: each VAT-registered UAE supplier invoices it.
export default async function issueVatInvoices({ event, container }: SubscriberArgs<{ id: string }>) {
  await issueTaxInvoicesWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
