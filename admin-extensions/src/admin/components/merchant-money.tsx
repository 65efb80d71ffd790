import { Button, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { downloadFile, formatMinor, moneyApi, moneyKeys } from "../lib/money"

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** A merchant's balances per currency and a statement download (CSV) for a period. */
export function MerchantMoney({ merchantId, handle }: { merchantId: string; handle: string }) {
  const balance = useQuery({ queryKey: moneyKeys.balance(merchantId), queryFn: () => moneyApi.balance(merchantId) })
  const now = new Date()
  const [from, setFrom] = useState(isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))))
  const [to, setTo] = useState(isoDay(new Date(now.getTime() + 24 * 60 * 60 * 1000)))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const download = async () => {
    setBusy(true)
    setError(null)
    try {
      const qs = new URLSearchParams({ format: "csv", from, to })
      const name = await downloadFile(`/admin/merchants/${encodeURIComponent(merchantId)}/statement?${qs}`, `statement-${handle}-${from}-${to}.csv`)
      toast.success(`Downloaded ${name}`)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Container className="divide-y p-0" data-testid="merchant-money">
      <div className="px-6 py-4">
        <Heading level="h2">Balance</Heading>
        <Text size="small" className="text-ui-fg-subtle">From the ledger: escrow (held until delivery + hold), available (due in the next payout), in transit, paid out.</Text>
      </div>
      {balance.error && <Text className="px-6 py-4 text-ui-fg-error">{(balance.error as Error).message}</Text>}
      {balance.data?.balances.length === 0 && <Text className="px-6 py-4" data-testid="merchant-balance-empty">No money booked yet.</Text>}
      {balance.data && balance.data.balances.length > 0 && (
        <Table data-testid="merchant-balance">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Currency</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Escrow</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
              <Table.HeaderCell className="text-right">In transit</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Paid out</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {balance.data.balances.map((b) => (
              <Table.Row key={b.currency_code} data-testid="merchant-balance-row" data-currency={b.currency_code}>
                <Table.Cell>{b.currency_code.toUpperCase()}</Table.Cell>
                <Table.Cell className="text-right" data-testid="balance-escrow">{formatMinor(b.escrow, b.currency_code)}</Table.Cell>
                <Table.Cell className="text-right" data-testid="balance-available">{formatMinor(b.available, b.currency_code)}</Table.Cell>
                <Table.Cell className="text-right" data-testid="balance-in-transit">{formatMinor(b.in_transit, b.currency_code)}</Table.Cell>
                <Table.Cell className="text-right" data-testid="balance-paid-out">{formatMinor(b.paid_out, b.currency_code)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="flex flex-wrap items-end gap-3 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="statement-from">Statement from</Label>
          <Input id="statement-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="statement-from" />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="statement-to">to (exclusive)</Label>
          <Input id="statement-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="statement-to" />
        </div>
        <Button size="small" variant="secondary" onClick={download} isLoading={busy} disabled={!from || !to} data-testid="statement-download">
          Download statement (CSV)
        </Button>
        {error && <Text size="small" className="text-ui-fg-error" data-testid="statement-error">{error}</Text>}
      </div>
    </Container>
  )
}
