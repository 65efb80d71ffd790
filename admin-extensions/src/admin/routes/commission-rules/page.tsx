import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { formatBps, formatDate, formatMinor, moneyApi, moneyKeys, MoneyApiError } from "../../lib/money"

const KINDS = ["ANY", "PHYSICAL", "SERVICE", "COURSE"] as const

const EMPTY = { merchant_id: "", product_kind: "ANY", category_id: "", rate_percent: "", fixed_fee: "", fixed_fee_currency: "", valid_from: "", valid_to: "", note: "" }

/** "12.5" % → 1250 bps, exactly (string digits, no float math). Null if not a number with ≤ 2 decimals. */
function percentToBps(s: string): number | null {
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s.trim())
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"))
}

/** "0.50" in a currency of exponent `exp` → 50 minor units. */
function majorToMinor(s: string, exp: number): number | null {
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(s.trim())
  if (!m || (m[2] ?? "").length > exp) return null
  return Number(m[1] + (m[2] ?? "").padEnd(exp, "0"))
}

const exponentOf = (currency: string) => {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

// Commission rules: the most specific valid rule wins (merchant > kind > category); the platform
// default applies otherwise. The server refuses rates outside 0–100 % and overlapping rules.
const CommissionRulesPage = () => {
  const qc = useQueryClient()
  const rules = useQuery({ queryKey: moneyKeys.rules, queryFn: () => moneyApi.rules() })
  const [form, setForm] = useState(EMPTY)
  const [error, setError] = useState<MoneyApiError | Error | null>(null)
  const set = (k: keyof typeof EMPTY) => (v: string) => setForm((f) => ({ ...f, [k]: v }))
  const create = useMutation({
    mutationFn: () => {
      const rate = percentToBps(form.rate_percent)
      if (rate === null) throw new MoneyApiError("Rate must be a percentage like 10 or 12.5", 400, "INVALID_COMMISSION_RATE", "rate_bps")
      const body: Record<string, unknown> = { rate_bps: rate }
      if (form.merchant_id.trim()) body.merchant_id = form.merchant_id.trim()
      if (form.product_kind !== "ANY") body.product_kind = form.product_kind
      if (form.category_id.trim()) body.category_id = form.category_id.trim()
      if (form.fixed_fee.trim()) {
        const currency = form.fixed_fee_currency.trim().toLowerCase()
        const fee = majorToMinor(form.fixed_fee, exponentOf(currency || "eur"))
        if (fee === null) throw new MoneyApiError("Fixed fee must be an amount like 0.50", 400, "INVALID_COMMISSION_RATE", "fixed_fee_minor")
        body.fixed_fee_minor = fee
        if (currency) body.fixed_fee_currency = currency
      }
      if (form.valid_from) body.valid_from = form.valid_from
      if (form.valid_to) body.valid_to = form.valid_to
      if (form.note.trim()) body.note = form.note.trim()
      return moneyApi.createRule(body)
    },
    onMutate: () => setError(null),
    onSuccess: () => {
      toast.success("Commission rule created")
      setForm(EMPTY)
      qc.invalidateQueries({ queryKey: moneyKeys.rules })
    },
    onError: (e: Error) => setError(e),
  })
  const remove = useMutation({
    mutationFn: moneyApi.deleteRule,
    onSuccess: () => qc.invalidateQueries({ queryKey: moneyKeys.rules }),
    onError: (e: Error) => toast.error(e.message),
  })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="commission-rules-page">
        <div className="px-6 py-4">
          <Heading level="h1">Commission rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Most specific valid rule wins. Platform default: {rules.data ? formatBps(rules.data.platform_default_bps) : "…"}. Changes apply to orders placed from now on.
          </Text>
        </div>
        {rules.error && <Text className="px-6 py-4 text-ui-fg-error">{(rules.error as Error).message}</Text>}
        {rules.data?.commission_rules.length === 0 && <Text className="px-6 py-4">No rules: every order uses the platform default.</Text>}
        {rules.data && rules.data.commission_rules.length > 0 && (
          <Table data-testid="commission-rules">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Merchant</Table.HeaderCell>
                <Table.HeaderCell>Kind</Table.HeaderCell>
                <Table.HeaderCell>Category</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Rate</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Fixed fee</Table.HeaderCell>
                <Table.HeaderCell>Valid</Table.HeaderCell>
                <Table.HeaderCell>Note</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rules.data.commission_rules.map((r) => (
                <Table.Row key={r.id} data-testid="commission-rule-row" data-rule-id={r.id}>
                  <Table.Cell>{r.merchant_id ?? "all"}</Table.Cell>
                  <Table.Cell>{r.product_kind ?? "any"}</Table.Cell>
                  <Table.Cell>{r.category_id ?? "any"}</Table.Cell>
                  <Table.Cell className="text-right">{formatBps(r.rate_bps)}</Table.Cell>
                  <Table.Cell className="text-right">{r.fixed_fee_minor ? formatMinor(r.fixed_fee_minor, r.fixed_fee_currency ?? "eur") : "—"}</Table.Cell>
                  <Table.Cell><Text size="xsmall">{r.valid_from ? formatDate(r.valid_from) : "always"} → {r.valid_to ? formatDate(r.valid_to) : "open"}</Text></Table.Cell>
                  <Table.Cell><Text size="xsmall">{r.note ?? ""}</Text></Table.Cell>
                  <Table.Cell>
                    <Button size="small" variant="danger" disabled={remove.isPending} onClick={() => { if (window.confirm("Delete this rule?")) remove.mutate(r.id) }} data-testid="commission-rule-delete">
                      Delete
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      <Container className="flex flex-col gap-y-3">
        <Heading level="h2">New rule</Heading>
        <form className="grid grid-cols-2 gap-3" onSubmit={(e) => { e.preventDefault(); create.mutate() }} data-testid="commission-rule-form">
          <Field label="Merchant id (empty = all merchants)"><Input value={form.merchant_id} onChange={(e) => set("merchant_id")(e.target.value)} data-testid="rule-merchant" /></Field>
          <Field label="Product kind">
            <Select value={form.product_kind} onValueChange={set("product_kind")}>
              <Select.Trigger data-testid="rule-kind"><Select.Value /></Select.Trigger>
              <Select.Content>{KINDS.map((k) => <Select.Item key={k} value={k}>{k === "ANY" ? "Any" : k}</Select.Item>)}</Select.Content>
            </Select>
          </Field>
          <Field label="Category id (optional)"><Input value={form.category_id} onChange={(e) => set("category_id")(e.target.value)} /></Field>
          <Field label="Rate, %"><Input value={form.rate_percent} onChange={(e) => set("rate_percent")(e.target.value)} placeholder="10" data-testid="rule-rate" /></Field>
          <Field label="Fixed fee per line (major units)"><Input value={form.fixed_fee} onChange={(e) => set("fixed_fee")(e.target.value)} placeholder="0.50" /></Field>
          <Field label="Fixed fee currency"><Input value={form.fixed_fee_currency} onChange={(e) => set("fixed_fee_currency")(e.target.value)} placeholder="eur" maxLength={3} /></Field>
          <Field label="Valid from"><Input type="date" value={form.valid_from} onChange={(e) => set("valid_from")(e.target.value)} /></Field>
          <Field label="Valid to"><Input type="date" value={form.valid_to} onChange={(e) => set("valid_to")(e.target.value)} /></Field>
          <Field label="Note"><Input value={form.note} onChange={(e) => set("note")(e.target.value)} /></Field>
          <div className="col-span-2 flex items-center gap-x-3">
            <Button size="small" type="submit" isLoading={create.isPending} data-testid="rule-create">Create rule</Button>
            {error && (
              <Text size="small" className="text-ui-fg-error" data-testid="rule-error" data-code={error instanceof MoneyApiError ? error.code ?? "" : ""}>
                {error.message}
              </Text>
            )}
          </div>
        </form>
      </Container>
    </div>
  )
}

const Field = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small">{label}</Label>
    {children}
  </div>
)

export const config = defineRouteConfig({ label: "Commission rules", icon: ReceiptPercent })

export const handle = { breadcrumb: () => "Commission rules" }

export default CommissionRulesPage
