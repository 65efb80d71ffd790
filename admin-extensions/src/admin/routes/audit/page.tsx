import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { ACTOR_WORDS, actionWords, auditApi, problemWords, type AuditEntry } from "../../lib/audit"

const ACTORS = ["ALL", "user", "merchant", "customer", "system"] as const

// The audit trail: search admin and money actions, see before → after, and check the hash chain.
const AuditPage = () => {
  const [q, setQ] = useState("")
  const [actor, setActor] = useState<(typeof ACTORS)[number]>("ALL")
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<string | null>(null)
  const filters = { q: q.trim() || undefined, actor_type: actor === "ALL" ? undefined : actor, offset }
  const list = useQuery({ queryKey: ["snail-audit", filters], queryFn: () => auditApi.search(filters) })
  const verify = useQuery({ queryKey: ["snail-audit-verify"], queryFn: auditApi.verify, enabled: false })
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="audit-page">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h1">Audit trail</Heading>
            <Text size="small" className="text-ui-fg-subtle">Every admin and money action, in a chain of hashes that shows any edited or deleted row.</Text>
          </div>
          <div className="flex items-center gap-2">
            <Button size="small" variant="secondary" onClick={() => verify.refetch()} isLoading={verify.isFetching} data-testid="audit-verify">
              Check the chain
            </Button>
            {verify.data && (
              <Badge color={verify.data.ok ? "green" : "red"} data-testid="audit-verify-result">
                {verify.data.ok ? `Intact: ${verify.data.rows} entries` : `${verify.data.problems.length} problem(s) found`}
              </Badge>
            )}
          </div>
        </div>
        {verify.data && !verify.data.ok && (
          <div className="px-6 py-3">
            {verify.data.problems.slice(0, 20).map((p) => (
              <Text key={`${p.seq}-${p.problem}`} size="small" className="text-ui-fg-error">Entry #{p.seq}: {problemWords(p.problem)}</Text>
            ))}
          </div>
        )}
        <div className="flex flex-wrap gap-2 px-6 py-3">
          <div className="w-72">
            <Input placeholder="Search action, person or record" value={q} onChange={(e) => { setQ(e.target.value); setOffset(0) }} data-testid="audit-search" />
          </div>
          <div className="w-48">
            <Select value={actor} onValueChange={(v) => { setActor(v as (typeof ACTORS)[number]); setOffset(0) }}>
              <Select.Trigger><Select.Value /></Select.Trigger>
              <Select.Content>
                {ACTORS.map((a) => <Select.Item key={a} value={a}>{a === "ALL" ? "Everyone" : ACTOR_WORDS[a]}</Select.Item>)}
              </Select.Content>
            </Select>
          </div>
        </div>
        {list.isLoading && <Text className="px-6 py-4">Loading…</Text>}
        {list.error && <Text className="px-6 py-4 text-ui-fg-error">{(list.error as Error).message}</Text>}
        {list.data?.entries.length === 0 && <Text className="px-6 py-4">Nothing recorded matches.</Text>}
        {list.data && list.data.entries.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Who</Table.HeaderCell>
                <Table.HeaderCell>What</Table.HeaderCell>
                <Table.HeaderCell>Record</Table.HeaderCell>
                <Table.HeaderCell>From</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {list.data.entries.map((e) => (
                <Row key={e.id} entry={e} open={open === e.id} onToggle={() => setOpen(open === e.id ? null : e.id)} />
              ))}
            </Table.Body>
          </Table>
        )}
        {list.data && list.data.count > 50 && (
          <div className="flex items-center justify-between px-6 py-3">
            <Text size="small">{offset + 1}–{Math.min(offset + 50, list.data.count)} of {list.data.count}</Text>
            <div className="flex gap-2">
              <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>Newer</Button>
              <Button size="small" variant="secondary" disabled={offset + 50 >= list.data.count} onClick={() => setOffset(offset + 50)}>Older</Button>
            </div>
          </div>
        )}
      </Container>
    </div>
  )
}

function Row({ entry: e, open, onToggle }: { entry: AuditEntry; open: boolean; onToggle: () => void }) {
  return (
    <>
      <Table.Row className="cursor-pointer" onClick={onToggle} data-testid="audit-row">
        <Table.Cell>{new Date(e.created_at).toLocaleString()}</Table.Cell>
        <Table.Cell>{ACTOR_WORDS[e.actor_type] ?? e.actor_type}</Table.Cell>
        <Table.Cell>{actionWords(e.action)}</Table.Cell>
        <Table.Cell>{e.target_id ?? "—"}</Table.Cell>
        <Table.Cell>{e.ip ?? "—"}</Table.Cell>
      </Table.Row>
      {open && (
        <tr>
          <td colSpan={5} className="px-6">
            <div className="grid grid-cols-2 gap-4 py-2">
              <div>
                <Text size="small" weight="plus">Before</Text>
                <pre className="txt-compact-small whitespace-pre-wrap">{e.before ? JSON.stringify(e.before, null, 2) : "—"}</pre>
              </div>
              <div>
                <Text size="small" weight="plus">After</Text>
                <pre className="txt-compact-small whitespace-pre-wrap">{e.after ? JSON.stringify(e.after, null, 2) : "—"}</pre>
              </div>
            </div>
            <Text size="xsmall" className="text-ui-fg-muted">Entry #{e.seq} · request {e.request_id ?? "—"} · person {e.actor_id ?? "—"}</Text>
          </td>
        </tr>
      )}
    </>
  )
}

export const config = defineRouteConfig({ label: "Audit trail", icon: ShieldCheck })

export const handle = { breadcrumb: () => "Audit trail" }

export default AuditPage
