import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Button, Container, Heading, Select, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { Link, useSearchParams } from "react-router-dom"
import { fiscalKeys, listReceipts } from "../../lib/fiscal"
import { ReceiptRow } from "../../widgets/fiscal-receipts-widget"

const PAGE_SIZE = 20
const ALL = "all"

// Every fiscal receipt, failures first; filters by status and operation live in the URL.
const FiscalReceiptsPage = () => {
  const [params, setParams] = useSearchParams()
  const status = params.get("status") ?? ""
  const operation = params.get("operation") ?? ""
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0)
  const set = (k: string, v: string | number) => {
    const next = new URLSearchParams(params)
    if (v === "" || v === ALL || v === 0) next.delete(k)
    else next.set(k, String(v))
    if (k !== "offset") next.delete("offset")
    setParams(next, { replace: true })
  }
  const query = { status, operation, limit: PAGE_SIZE, offset }
  const { data, isLoading, error } = useQuery({ queryKey: fiscalKeys.list(query), queryFn: () => listReceipts(query), placeholderData: keepPreviousData })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Fiscal receipts</Heading>
          <Text size="small" className="text-ui-fg-subtle">Failures first, then newest.</Text>
        </div>
        <div className="flex gap-x-2">
          <Select value={status || ALL} onValueChange={(v) => set("status", v)}>
            <Select.Trigger><Select.Value placeholder="Status" /></Select.Trigger>
            <Select.Content>
              {[ALL, "FAILED", "PENDING", "SENT", "DONE"].map((s) => <Select.Item key={s} value={s}>{s === ALL ? "All statuses" : s}</Select.Item>)}
            </Select.Content>
          </Select>
          <Select value={operation || ALL} onValueChange={(v) => set("operation", v)}>
            <Select.Trigger><Select.Value placeholder="Operation" /></Select.Trigger>
            <Select.Content>
              {[ALL, "sell", "sell_refund", "sell_correction"].map((s) => <Select.Item key={s} value={s}>{s === ALL ? "All operations" : s}</Select.Item>)}
            </Select.Content>
          </Select>
        </div>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data?.receipts.length === 0 && <Text className="px-6 py-4">No receipts.</Text>}
      {data?.receipts.map((r) => (
        <div key={r.id}>
          <Text size="xsmall" className="px-6 pt-3 text-ui-fg-subtle">
            Order <Link className="text-ui-fg-interactive" to={`/orders/${r.order_id}`}>{r.order_id}</Link> · {new Date(r.created_at).toLocaleString()}
          </Text>
          <ReceiptRow receipt={r} />
        </div>
      ))}
      {data && data.count > PAGE_SIZE && (
        <div className="flex items-center justify-between px-6 py-4">
          <Text size="small">{offset + 1}–{Math.min(offset + PAGE_SIZE, data.count)} of {data.count}</Text>
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => set("offset", Math.max(0, offset - PAGE_SIZE))}>Previous</Button>
            <Button size="small" variant="secondary" disabled={offset + PAGE_SIZE >= data.count} onClick={() => set("offset", offset + PAGE_SIZE)}>Next</Button>
          </div>
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Receipts", icon: ReceiptPercent })

export default FiscalReceiptsPage
