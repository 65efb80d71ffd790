import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Prompt, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { MerchantName } from "../../components/merchant-name"
import { downloadFile, formatDate, formatMinor, moneyApi, moneyKeys, STATUS_COLOR, type Payout, type PayoutBatch } from "../../lib/money"

// Payout batches with their payouts; run a batch, download its bank-transfer file, settle payouts.
// Below: the reconciliation mismatches between the PSP's report and our books.
const PayoutsPage = () => {
  const qc = useQueryClient()
  const batches = useQuery({ queryKey: moneyKeys.batches, queryFn: moneyApi.batches })
  const refresh = () => qc.invalidateQueries({ queryKey: ["snail-money"] })
  const run = useMutation({
    mutationFn: moneyApi.runBatch,
    onSuccess: (res) => {
      const n = res.payout_batch.payouts.length
      toast.success(res.created ? `Payout batch ${res.payout_batch.run_key}: ${n} payout${n === 1 ? "" : "s"}` : `Batch ${res.payout_batch.run_key} already ran this minute`)
      refresh()
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const release = useMutation({
    mutationFn: moneyApi.releaseEscrow,
    onSuccess: () => {
      toast.success("Escrow release ran")
      refresh()
    },
    onError: (e: Error) => toast.error(e.message),
  })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="payouts-page">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h1">Payouts</Heading>
            <Text size="small" className="text-ui-fg-subtle">A batch pays every merchant's available balance once; running the same batch again pays nothing twice.</Text>
          </div>
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" onClick={() => release.mutate()} isLoading={release.isPending} data-testid="escrow-release">
              Release due escrow
            </Button>
            <Button size="small" onClick={() => run.mutate()} isLoading={run.isPending} data-testid="run-payout-batch">
              Run payout batch
            </Button>
          </div>
        </div>
        {batches.isLoading && <Text className="px-6 py-4">Loading…</Text>}
        {batches.error && <Text className="px-6 py-4 text-ui-fg-error">{(batches.error as Error).message}</Text>}
        {batches.data?.payout_batches.length === 0 && <Text className="px-6 py-4" data-testid="batches-empty">No payout batches yet.</Text>}
        {batches.data?.payout_batches.map((b) => <BatchBlock key={b.id} batch={b} />)}
      </Container>
      <Reconciliation />
    </div>
  )
}

function BatchBlock({ batch }: { batch: PayoutBatch }) {
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      const name = await downloadFile(`/admin/payout-batches/${encodeURIComponent(batch.id)}/export`, `payouts-${batch.run_key}.csv`)
      toast.success(`Downloaded ${name}`)
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="payout-batch" data-batch-id={batch.id} data-run-key={batch.run_key}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <Text weight="plus">{batch.run_key}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {batch.id} · {batch.trigger} · {formatDate(batch.created_at)}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={download} isLoading={busy} disabled={!batch.payouts.length} data-testid="batch-export">
          Bank-transfer file (CSV)
        </Button>
      </div>
      {batch.payouts.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle" data-testid="batch-no-payouts">Nothing was due.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Merchant</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Provider</Table.HeaderCell>
              <Table.HeaderCell>Actions</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {batch.payouts.map((p) => <PayoutRow key={p.id} payout={p} />)}
          </Table.Body>
        </Table>
      )}
    </div>
  )
}

function PayoutRow({ payout }: { payout: Payout }) {
  const qc = useQueryClient()
  const [failing, setFailing] = useState(false)
  const [reason, setReason] = useState("")
  const done = (msg: string) => {
    toast.success(msg)
    setFailing(false)
    setReason("")
    qc.invalidateQueries({ queryKey: ["snail-money"] })
  }
  const onError = (e: Error) => toast.error(e.message)
  const paid = useMutation({ mutationFn: () => moneyApi.markPaid(payout.id), onSuccess: () => done("Payout marked paid"), onError })
  const failed = useMutation({ mutationFn: () => moneyApi.markFailed(payout.id, reason.trim()), onSuccess: () => done("Payout marked failed"), onError })
  const retry = useMutation({
    mutationFn: () => moneyApi.retry(payout.id),
    onSuccess: (res) => done(res.created ? `Retry batch ${res.payout_batch.run_key} created` : "Already retried"),
    onError,
  })
  // An automatic transfer (Stripe Connect) left PENDING is sent again with its key, never marked failed and
  // retried: the first transfer may have gone through.
  const resend = useMutation({ mutationFn: () => moneyApi.resend(payout.id), onSuccess: (res) => done(`Payout ${res.payout.status}`), onError })
  const manual = payout.provider === "manual_bank_transfer"
  const busy = paid.isPending || failed.isPending || retry.isPending || resend.isPending
  return (
    <Table.Row data-testid="payout-row" data-payout-id={payout.id} data-status={payout.status}>
      <Table.Cell>
        <MerchantName id={payout.merchant_id} />
      </Table.Cell>
      <Table.Cell className="text-right" data-testid="payout-amount">{formatMinor(payout.amount, payout.currency_code)}</Table.Cell>
      <Table.Cell>
        <StatusBadge color={STATUS_COLOR[payout.status] ?? "grey"} data-testid="payout-status">{payout.status}</StatusBadge>
        {payout.failure_reason && <Text size="xsmall" className="text-ui-fg-subtle">{payout.failure_reason}</Text>}
      </Table.Cell>
      <Table.Cell>
        <Text size="xsmall">{payout.provider}{payout.provider_reference ? ` · ${payout.provider_reference}` : ""}</Text>
      </Table.Cell>
      <Table.Cell>
        <div className="flex gap-x-1">
          {payout.status === "PENDING" && !manual && (
            <Button size="small" variant="secondary" disabled={busy} isLoading={resend.isPending} onClick={() => resend.mutate()} data-testid="payout-resend">Resend</Button>
          )}
          {payout.status === "PENDING" && manual && (
            <>
              <Button size="small" variant="secondary" disabled={busy} isLoading={paid.isPending} onClick={() => paid.mutate()} data-testid="payout-mark-paid">Mark paid</Button>
              <Button size="small" variant="danger" disabled={busy} onClick={() => setFailing(true)} data-testid="payout-mark-failed">Mark failed</Button>
            </>
          )}
          {payout.status === "FAILED" && (
            <Button size="small" variant="secondary" disabled={busy} isLoading={retry.isPending} onClick={() => retry.mutate()} data-testid="payout-retry">Retry</Button>
          )}
        </div>
        <Prompt open={failing} onOpenChange={(o) => !o && !busy && setFailing(false)}>
          <Prompt.Content>
            <form onSubmit={(e) => { e.preventDefault(); if (reason.trim().length >= 3) failed.mutate() }}>
              <Prompt.Header>
                <Prompt.Title>Mark payout failed</Prompt.Title>
                <Prompt.Description>The amount returns to the merchant's available balance; you can retry it later.</Prompt.Description>
              </Prompt.Header>
              <div className="flex flex-col gap-y-2 px-6 py-4">
                <Label htmlFor={`fail-${payout.id}`} size="small">Reason</Label>
                <Input id={`fail-${payout.id}`} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. IBAN closed" data-testid="payout-fail-reason" autoFocus />
              </div>
              <Prompt.Footer>
                <Button type="button" size="small" variant="secondary" onClick={() => setFailing(false)} disabled={busy}>Cancel</Button>
                <Button type="submit" size="small" variant="danger" disabled={reason.trim().length < 3 || busy} isLoading={failed.isPending} data-testid="payout-fail-confirm">
                  Mark failed
                </Button>
              </Prompt.Footer>
            </form>
          </Prompt.Content>
        </Prompt>
      </Table.Cell>
    </Table.Row>
  )
}

function Reconciliation() {
  const qc = useQueryClient()
  const list = useQuery({ queryKey: moneyKeys.mismatches, queryFn: moneyApi.mismatches })
  const refresh = () => qc.invalidateQueries({ queryKey: moneyKeys.mismatches })
  const run = useMutation({
    mutationFn: moneyApi.runReconciliation,
    onSuccess: (res) => {
      toast.success(`Reconciliation ran: ${res.mismatches?.length ?? 0} mismatch(es)`)
      refresh()
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const ack = useMutation({ mutationFn: moneyApi.acknowledge, onSuccess: refresh, onError: (e: Error) => toast.error(e.message) })
  return (
    <Container className="divide-y p-0" data-testid="reconciliation">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Reconciliation</Heading>
          <Text size="small" className="text-ui-fg-subtle">Differences between the payment provider's report and our ledger (last 24 hours per run).</Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => run.mutate()} isLoading={run.isPending} data-testid="reconciliation-run">Run now</Button>
      </div>
      {list.error && <Text className="px-6 py-4 text-ui-fg-error">{(list.error as Error).message}</Text>}
      {list.data?.mismatches.length === 0 && <Text className="px-6 py-4" data-testid="reconciliation-empty">No mismatches.</Text>}
      {list.data && list.data.mismatches.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Run</Table.HeaderCell>
              <Table.HeaderCell>Kind</Table.HeaderCell>
              <Table.HeaderCell>Reference</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Ours</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Theirs</Table.HeaderCell>
              <Table.HeaderCell>Detail</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.data.mismatches.map((m) => (
              <Table.Row key={m.id} data-testid="mismatch-row" data-status={m.status}>
                <Table.Cell>{m.run_date}</Table.Cell>
                <Table.Cell>{m.kind}</Table.Cell>
                <Table.Cell><Text size="xsmall">{m.provider_reference ?? m.payment_id ?? "—"}</Text></Table.Cell>
                <Table.Cell className="text-right">{formatMinor(m.ours, m.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">{formatMinor(m.theirs, m.currency_code)}</Table.Cell>
                <Table.Cell><Text size="xsmall">{m.detail}</Text></Table.Cell>
                <Table.Cell>
                  {m.status === "OPEN" ? (
                    <Button size="small" variant="secondary" onClick={() => ack.mutate(m.id)} disabled={ack.isPending} data-testid="mismatch-ack">Acknowledge</Button>
                  ) : (
                    <StatusBadge color="grey">{m.status}</StatusBadge>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Payouts", icon: CurrencyDollar })

export const handle = { breadcrumb: () => "Payouts" }

export default PayoutsPage
