import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { correctReceipt, FiscalReceipt, fiscalKeys, listOrderReceipts, retryReceipt, rub, STATUS_COLOR } from "../lib/fiscal"

// The order's fiscal receipts (54-FZ): status, fiscal attributes, retry and correction.
const FiscalReceiptsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useQuery({
    queryKey: fiscalKeys.order(order.id),
    queryFn: () => listOrderReceipts(order.id),
    // Receipts move on their own (job, provider callback): follow them while any is unfinished.
    refetchInterval: (q) => (q.state.data?.receipts.some((r) => r.status === "PENDING" || r.status === "SENT") ? 3000 : false),
  })
  if (order.currency_code?.toLowerCase() !== "rub" && !data?.receipts.length) return null
  return (
    <Container className="divide-y p-0" data-testid="fiscal-receipts-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Fiscal receipts</Heading>
        <Text size="small" className="text-ui-fg-subtle">54-FZ receipts sent to the cash-register service for this order.</Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data?.receipts.length === 0 && <Text className="px-6 py-4">No receipts yet.</Text>}
      {data?.receipts.map((r) => <ReceiptRow key={r.id} orderId={order.id} receipt={r} />)}
    </Container>
  )
}

export function ReceiptRow({ orderId, receipt: r }: { orderId?: string; receipt: FiscalReceipt }) {
  const queryClient = useQueryClient()
  const [reason, setReason] = useState("")
  const refresh = () => queryClient.invalidateQueries({ queryKey: orderId ? fiscalKeys.order(orderId) : fiscalKeys.all })
  const retry = useMutation({ mutationFn: () => retryReceipt(r.id), onSuccess: (res) => { toast.success(`Receipt ${res.receipt.status}`); refresh() }, onError: (e: Error) => toast.error(e.message) })
  const correct = useMutation({ mutationFn: () => correctReceipt(r.id, reason), onSuccess: () => { toast.success("Correction queued"); setReason(""); refresh() }, onError: (e: Error) => toast.error(e.message) })
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid={`fiscal-receipt-${r.id}`}>
      <div className="flex items-center justify-between gap-x-2">
        <Text weight="plus">{r.operation} · {r.settlement} · {rub(r.total_minor, r.currency_code)}</Text>
        <div className="flex gap-x-2">
          <Badge size="2xsmall">{r.provider_id}</Badge>
          <Badge size="2xsmall" color={STATUS_COLOR[r.status]} data-testid="fiscal-receipt-status">{r.status}</Badge>
        </div>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {r.document.items.map((i) => `${i.name} ${i.quantity} × ${(i.price / 100).toFixed(2)} (${i.payment_method}, ${i.vat.type})`).join("; ")}
      </Text>
      {r.status === "DONE" && (
        <Text size="small" data-testid="fiscal-receipt-attributes">
          FN {r.fn_number} · FD {r.fd_number} · FPD {r.fpd} · {r.registered_at}
          {r.ofd_url && <> · <a className="text-ui-fg-interactive" href={r.ofd_url} target="_blank" rel="noreferrer">OFD</a></>}
        </Text>
      )}
      {r.last_error && r.status !== "DONE" && <Text size="small" className="text-ui-fg-error">{r.last_error} (attempt {r.attempts})</Text>}
      <div className="flex flex-wrap gap-2">
        {r.status === "FAILED" && (
          <Button size="small" variant="secondary" isLoading={retry.isPending} onClick={() => retry.mutate()} data-testid="fiscal-receipt-retry">Retry</Button>
        )}
        {r.status === "DONE" && r.operation === "sell" && (
          <>
            <Input size="small" placeholder="Correction reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <Button size="small" variant="danger" disabled={reason.trim().length < 3} isLoading={correct.isPending} onClick={() => correct.mutate()}>Correct</Button>
          </>
        )}
      </div>
    </div>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default FiscalReceiptsWidget
