import { defineRouteConfig } from "@medusajs/admin-sdk"
import { User } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

type PrivacyRequest = { id: string; customer_id: string; kind: "EXPORT" | "ERASURE"; status: "REQUESTED" | "COMPLETED"; created_at: string; completed_at: string | null }

const KIND_WORDS = { EXPORT: "Copy of their data", ERASURE: "Erase their data" }
const STATUS_WORDS = { REQUESTED: "Waiting", COMPLETED: "Done" }

// GDPR requests of customers: exports (done at once) and erasures an operator carries out.
const PrivacyRequestsPage = () => {
  const qc = useQueryClient()
  const list = useQuery({
    queryKey: ["snail-privacy-requests"],
    queryFn: () => sdk.client.fetch<{ privacy_requests: PrivacyRequest[] }>("/admin/privacy-requests"),
  })
  const complete = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/privacy-requests/${id}/complete`, { method: "POST" }),
    onSuccess: () => { toast.success("The customer's personal data was erased."); qc.invalidateQueries({ queryKey: ["snail-privacy-requests"] }) },
    onError: (e: Error) => toast.error(e.message),
  })
  return (
    <Container className="divide-y p-0" data-testid="privacy-requests-page">
      <div className="px-6 py-4">
        <Heading level="h1">Privacy requests</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Erasing anonymises the customer, deletes saved addresses and the sign-in; orders, ledgers, receipts and invoices keep what the law requires.
        </Text>
      </div>
      {list.isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {list.error && <Text className="px-6 py-4 text-ui-fg-error">{(list.error as Error).message}</Text>}
      {list.data?.privacy_requests.length === 0 && <Text className="px-6 py-4">No requests.</Text>}
      {list.data && list.data.privacy_requests.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Asked</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Request</Table.HeaderCell>
              <Table.HeaderCell>State</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.data.privacy_requests.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{new Date(r.created_at).toLocaleString()}</Table.Cell>
                <Table.Cell>{r.customer_id}</Table.Cell>
                <Table.Cell>{KIND_WORDS[r.kind]}</Table.Cell>
                <Table.Cell><StatusBadge color={r.status === "COMPLETED" ? "green" : "orange"}>{STATUS_WORDS[r.status]}</StatusBadge></Table.Cell>
                <Table.Cell>
                  {r.kind === "ERASURE" && r.status === "REQUESTED" && (
                    <Button size="small" variant="danger" isLoading={complete.isPending} onClick={() => complete.mutate(r.id)}>Erase now</Button>
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

export const config = defineRouteConfig({ label: "Privacy requests", icon: User })

export const handle = { breadcrumb: () => "Privacy requests" }

export default PrivacyRequestsPage
