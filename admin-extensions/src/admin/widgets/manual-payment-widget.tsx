import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { formatDate, formatMinor, minorToMajorString } from "../lib/money"
import { manualPaymentApi, manualPaymentKey, wordsOf } from "../lib/manual-payment"

const STATUS_TEXT = { awaiting: "Awaiting payment", partially_received: "Partly paid", received: "Payment received" } as const
const STATUS_COLOR = { awaiting: "orange", partially_received: "orange", received: "green" } as const

// Orders paid by manual payment capture nothing and credit no merchant until staff record the
// money as received here (GET/POST /admin/orders/:id/manual-payment[/received]).
const ManualPaymentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const queryClient = useQueryClient()
  const { data } = useQuery({ queryKey: manualPaymentKey(order.id), queryFn: () => manualPaymentApi.get(order.id) })
  const [amount, setAmount] = useState("")
  const [reference, setReference] = useState("")
  const record = useMutation({
    mutationFn: () => manualPaymentApi.received(order.id, { amount: amount.trim(), reference: reference.trim() }),
    onSuccess: () => {
      toast.success("Payment recorded as received")
      setAmount("")
      setReference("")
      queryClient.invalidateQueries({ queryKey: manualPaymentKey(order.id) })
    },
    onError: (e) => toast.error(wordsOf(e)),
  })
  const mp = data?.manual_payment
  if (!mp) return null
  const money = (minor: number) => formatMinor(minor, mp.currency_code)
  return (
    <Container className="divide-y p-0" data-testid="manual-payment-widget" data-status={mp.status}>
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Manual payment</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {mp.status === "received"
              ? "The money for this order was recorded as received; lines are captured as they progress."
              : "This order is awaiting payment: nothing is captured and no merchant is credited until you record the money as received."}
          </Text>
        </div>
        <Badge color={STATUS_COLOR[mp.status]} data-testid="manual-payment-status">{STATUS_TEXT[mp.status]}</Badge>
      </div>
      <div className="grid grid-cols-3 gap-x-4 px-6 py-4">
        <Text size="small">Order total <strong>{money(mp.amount)}</strong></Text>
        <Text size="small">Received <strong data-testid="manual-payment-received">{money(mp.received_amount)}</strong></Text>
        <Text size="small">Still awaited <strong data-testid="manual-payment-outstanding">{money(mp.outstanding_amount)}</strong></Text>
      </div>
      {mp.receipts.length > 0 && (
        <div className="px-6 py-4">
          {mp.receipts.map((r, i) => (
            <Text key={i} size="small" className="text-ui-fg-subtle" data-testid="manual-payment-receipt">
              {formatDate(r.received_at)}: {money(r.amount)}{r.reference ? ` (${r.reference})` : ""}
            </Text>
          ))}
        </div>
      )}
      {mp.outstanding_amount > 0 && (
        <form className="flex flex-wrap items-end gap-3 px-6 py-4" onSubmit={(e) => { e.preventDefault(); record.mutate() }}>
          <div>
            <Label size="xsmall">Amount received</Label>
            <Input size="small" inputMode="decimal" placeholder={minorToMajorString(mp.outstanding_amount, mp.currency_code)} value={amount}
              onChange={(e) => setAmount(e.target.value)} data-testid="manual-payment-amount" />
          </div>
          <div>
            <Label size="xsmall">Reference (bank transfer, receipt…)</Label>
            <Input size="small" value={reference} onChange={(e) => setReference(e.target.value)} data-testid="manual-payment-reference" />
          </div>
          <Button size="small" type="submit" isLoading={record.isPending} data-testid="manual-payment-record">Record payment received</Button>
        </form>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.before" })

export default ManualPaymentWidget
