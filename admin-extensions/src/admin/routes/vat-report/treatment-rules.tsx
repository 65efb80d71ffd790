import { Button, Heading, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { createRule, deleteRule, listRules } from "../../lib/vat-ae"

const TREATMENTS = ["STANDARD", "ZERO_RATED", "EXEMPT", "OUT_OF_SCOPE"]
const MATCH_TYPES = ["category", "product_type", "product_kind"]
const KEY = ["snail-vat-rules"]

// The category → treatment table the AE VAT provider applies (docs/vat-ae.md); the server validates.
export function TreatmentRules() {
  const qc = useQueryClient()
  const { data } = useQuery({ queryKey: KEY, queryFn: listRules })
  const [draft, setDraft] = useState({ match_type: "category", match_value: "", treatment: "ZERO_RATED", note: "" })
  const done = (msg: string) => { toast.success(msg); qc.invalidateQueries({ queryKey: KEY }) }
  const add = useMutation({ mutationFn: () => createRule({ ...draft, note: draft.note || undefined }), onSuccess: () => done("Rule added"), onError: (e: Error) => toast.error(e.message) })
  const remove = useMutation({ mutationFn: deleteRule, onSuccess: () => done("Rule deleted"), onError: (e: Error) => toast.error(e.message) })
  return (
    <div className="flex flex-col gap-y-3" data-testid="vat-treatment-rules">
      <Heading level="h2">Treatment rules</Heading>
      <Text size="small" className="text-ui-fg-subtle">Category first, then product type, then kind; no rule means standard 5 %. Goods shipped outside the GCC are zero-rated exports.</Text>
      <Table>
        <Table.Header><Table.Row>{["Match", "Value", "Treatment", "Note", ""].map((h) => <Table.HeaderCell key={h}>{h}</Table.HeaderCell>)}</Table.Row></Table.Header>
        <Table.Body>
          {data?.treatment_rules.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{r.match_type}</Table.Cell><Table.Cell>{r.match_value}</Table.Cell><Table.Cell>{r.treatment}</Table.Cell><Table.Cell>{r.note ?? ""}</Table.Cell>
              <Table.Cell><Button size="small" variant="danger" onClick={() => remove.mutate(r.id)}>Delete</Button></Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex flex-wrap items-end gap-2">
        <Select value={draft.match_type} onValueChange={(v) => setDraft({ ...draft, match_type: v })}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>{MATCH_TYPES.map((t) => <Select.Item key={t} value={t}>{t}</Select.Item>)}</Select.Content>
        </Select>
        <Input placeholder="category handle / type / kind" value={draft.match_value} onChange={(e) => setDraft({ ...draft, match_value: e.target.value })} />
        <Select value={draft.treatment} onValueChange={(v) => setDraft({ ...draft, treatment: v })}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>{TREATMENTS.map((t) => <Select.Item key={t} value={t}>{t}</Select.Item>)}</Select.Content>
        </Select>
        <Input placeholder="note (legal basis)" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        <Button size="small" isLoading={add.isPending} onClick={() => add.mutate()}>Add rule</Button>
      </div>
    </div>
  )
}
