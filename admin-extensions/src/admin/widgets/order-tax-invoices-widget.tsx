import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { creditNoteUrl, invoiceUrl, listOrderInvoices, major, orderInvoicesKey } from "../lib/vat-ae"

// The order's UAE tax invoices (one per VAT-registered supplier) and their credit notes, with downloads.
const OrderTaxInvoicesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useQuery({ queryKey: orderInvoicesKey(order.id), queryFn: () => listOrderInvoices(order.id) })
  if (!isLoading && !error && !data?.tax_invoices.length) return null
  return (
    <Container className="divide-y p-0" data-testid="tax-invoices-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Tax invoices (UAE VAT)</Heading>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data?.tax_invoices.map((inv) => (
        <div key={inv.id} className="flex flex-col gap-y-1 px-6 py-4" data-testid={`tax-invoice-${inv.number}`}>
          <div className="flex items-center justify-between">
            <Text weight="plus">{inv.number}</Text>
            <Badge size="2xsmall">{inv.kind === "FULL" ? "Full" : "Simplified"}</Badge>
          </div>
          <Text size="small">{inv.supplier.name} · TRN {inv.supplier.trn}</Text>
          <Text size="small">
            Taxable {major(inv.taxable_minor, inv.currency_code)} · VAT {major(inv.vat_minor, inv.currency_code)} · Total {major(inv.total_minor, inv.currency_code)}
            {inv.exchange_rate ? ` · VAT ${major(inv.vat_aed_minor, "aed")} at ${inv.exchange_rate}` : ""}
          </Text>
          <Text size="small" className="flex gap-x-3">
            <a className="text-ui-fg-interactive" href={invoiceUrl(inv.id, "pdf")}>PDF</a>
            <a className="text-ui-fg-interactive" href={invoiceUrl(inv.id, "xml")}>UBL XML</a>
            <a className="text-ui-fg-interactive" href={invoiceUrl(inv.id, "json")}>JSON</a>
          </Text>
          {inv.credit_notes.map((cn) => (
            <Text key={cn.id} size="xsmall" className="text-ui-fg-subtle">
              Credit note {cn.number}: −{major(cn.total_minor, cn.currency_code)} (VAT −{major(cn.vat_minor, cn.currency_code)}) ·{" "}
              <a className="text-ui-fg-interactive" href={creditNoteUrl(cn.id, "pdf")}>PDF</a>
            </Text>
          ))}
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderTaxInvoicesWidget
