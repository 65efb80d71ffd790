import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, StatusBadge, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { MerchantName } from "../../components/merchant-name"
import { formatDate, formatMinor, moneyApi, moneyKeys, STATUS_COLOR, type Dispute } from "../../lib/money"

const FILTERS = ["ALL", "OPEN", "RESOLVED_REFUND", "REJECTED"] as const

// The disputes queue (open first, oldest first) and one dispute's thread: reply, resolve.
const DisputesPage = () => {
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>("OPEN")
  const [selected, setSelected] = useState<string | null>(null)
  const list = useQuery({ queryKey: moneyKeys.disputes(filter), queryFn: () => moneyApi.disputes(filter === "ALL" ? undefined : filter) })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="disputes-page">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h1">Disputes</Heading>
            <Text size="small" className="text-ui-fg-subtle">An open dispute freezes its line's funds until it is resolved.</Text>
          </div>
          <div className="w-48">
            <Select value={filter} onValueChange={(v) => setFilter(v as (typeof FILTERS)[number])}>
              <Select.Trigger data-testid="disputes-filter"><Select.Value /></Select.Trigger>
              <Select.Content>
                {FILTERS.map((f) => <Select.Item key={f} value={f}>{f === "ALL" ? "All" : f}</Select.Item>)}
              </Select.Content>
            </Select>
          </div>
        </div>
        {list.isLoading && <Text className="px-6 py-4">Loading…</Text>}
        {list.error && <Text className="px-6 py-4 text-ui-fg-error">{(list.error as Error).message}</Text>}
        {list.data?.disputes.length === 0 && <Text className="px-6 py-4" data-testid="disputes-empty">No disputes.</Text>}
        {list.data && list.data.disputes.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Opened</Table.HeaderCell>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Merchant</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list.data.disputes.map((d) => (
                <Table.Row key={d.id} className="cursor-pointer" onClick={() => setSelected(d.id)} data-testid="dispute-row" data-dispute-id={d.id}>
                  <Table.Cell data-testid="dispute-open">{formatDate(d.created_at)}</Table.Cell>
                  <Table.Cell><Link to={`/orders/${d.order_id}`} className="text-ui-fg-interactive" onClick={(e) => e.stopPropagation()}>{d.order_id}</Link></Table.Cell>
                  <Table.Cell><MerchantName id={d.merchant_id} /></Table.Cell>
                  <Table.Cell>{d.reason}</Table.Cell>
                  <Table.Cell><StatusBadge color={STATUS_COLOR[d.status] ?? "grey"}>{d.status}</StatusBadge></Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      {selected && <DisputeDetail id={selected} />}
    </div>
  )
}

function DisputeDetail({ id }: { id: string }) {
  const qc = useQueryClient()
  const q = useQuery({ queryKey: moneyKeys.dispute(id), queryFn: () => moneyApi.dispute(id) })
  const [reply, setReply] = useState("")
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const updated = (d: { dispute: Dispute }) => {
    qc.setQueryData(moneyKeys.dispute(id), d)
    qc.invalidateQueries({ queryKey: ["snail-money", "disputes"] })
  }
  const onError = (e: Error) => toast.error(e.message)
  const send = useMutation({ mutationFn: () => moneyApi.replyDispute(id, reply.trim()), onSuccess: (d) => { setReply(""); updated(d) }, onError })
  const resolve = useMutation({
    mutationFn: (outcome: "refund" | "reject") =>
      moneyApi.resolveDispute(id, { outcome, ...(outcome === "refund" && amount.trim() ? { amount: amount.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (d) => { toast.success(`Dispute ${d.dispute.status}`); updated(d) },
    onError,
  })
  const d = q.data?.dispute
  if (q.error) return <Container><Text className="text-ui-fg-error">{(q.error as Error).message}</Text></Container>
  if (!d) return <Container><Text>Loading…</Text></Container>
  return (
    <Container className="divide-y p-0" data-testid="dispute-detail" data-dispute-id={d.id} data-status={d.status}>
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Dispute {d.id}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {d.reason} · order {d.order_id} · line {d.order_line_id} · merchant <MerchantName id={d.merchant_id} />
          </Text>
        </div>
        <StatusBadge color={STATUS_COLOR[d.status] ?? "grey"} data-testid="dispute-status">{d.status}</StatusBadge>
      </div>
      {d.status !== "OPEN" && (
        <Text size="small" className="px-6 py-3">
          {d.status === "RESOLVED_REFUND" ? `Refunded ${formatMinor(d.refund_amount, d.currency_code)}` : "Rejected"}
          {d.resolution_note ? ` — ${d.resolution_note}` : ""} ({formatDate(d.resolved_at)})
        </Text>
      )}
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="dispute-messages">
        {(d.messages ?? []).map((m) => (
          <div key={m.id} className="rounded-md bg-ui-bg-subtle px-3 py-2" data-testid="dispute-message" data-author={m.author_type}>
            <Text size="xsmall" className="text-ui-fg-subtle">{m.author_type} · {formatDate(m.created_at)}</Text>
            <Text size="small" className="whitespace-pre-wrap">{m.body}</Text>
          </div>
        ))}
      </div>
      <form className="flex flex-col gap-y-2 px-6 py-4" onSubmit={(e) => { e.preventDefault(); if (reply.trim()) send.mutate() }}>
        <Label size="small" htmlFor="dispute-reply">Reply</Label>
        <Textarea id="dispute-reply" rows={3} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="dispute-reply" />
        <div><Button size="small" type="submit" variant="secondary" disabled={!reply.trim()} isLoading={send.isPending} data-testid="dispute-send">Send</Button></div>
      </form>
      {d.status === "OPEN" && (
        <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="dispute-resolve">
          <Text weight="plus">Resolve</Text>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <Label size="small" htmlFor="dispute-amount">Refund amount ({d.currency_code.toUpperCase()}, major units; empty = full line)</Label>
              <Input id="dispute-amount" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="e.g. 5.00" data-testid="dispute-amount" />
            </div>
            <div>
              <Label size="small" htmlFor="dispute-note">Note</Label>
              <Input id="dispute-note" value={note} onChange={(e) => setNote(e.target.value)} data-testid="dispute-note" />
            </div>
          </div>
          <div className="flex gap-x-2">
            <Button size="small" variant="danger" disabled={resolve.isPending} isLoading={resolve.isPending && resolve.variables === "refund"} onClick={() => resolve.mutate("refund")} data-testid="dispute-refund">
              {amount.trim() ? "Refund partially" : "Refund in full"}
            </Button>
            <Button size="small" variant="secondary" disabled={resolve.isPending} isLoading={resolve.isPending && resolve.variables === "reject"} onClick={() => resolve.mutate("reject")} data-testid="dispute-reject">
              Reject
            </Button>
          </div>
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Disputes", icon: ChatBubbleLeftRight })

export const handle = { breadcrumb: () => "Disputes" }

export default DisputesPage
