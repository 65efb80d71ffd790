import { ArrowUturnLeft } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  Label,
  Prompt,
  StatusBadge,
  Table,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { Link, useParams } from "react-router-dom"
import {
  actionsFor,
  errorText,
  getMerchant,
  type Merchant,
  type MerchantAction,
  merchantKeys,
  postMerchantAction,
  STATUS_COLOR,
  TAX_REGIME_LABEL,
} from "../../../lib/merchants"
import { MerchantMoney } from "../../../components/merchant-money"

const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <Text size="small" leading="compact" className="break-words" data-testid={testId}>
      {children === null || children === undefined || children === "" ? "—" : children}
    </Text>
  </div>
)

const payoutText = (m: Merchant) => {
  const p = m.payout_method
  if (!p) return null
  const parts = [p.type === "bank_transfer" ? "Bank transfer" : p.type, p.account_holder, p.iban].filter(Boolean)
  return parts.join(" · ")
}

type ReasonAction = Extract<MerchantAction, "reject" | "suspend">

const REASON_COPY: Record<ReasonAction, { title: string; description: string; confirm: string }> = {
  reject: {
    title: "Reject merchant application",
    description: "The applicant will see this reason. Their products stay hidden from the store.",
    confirm: "Reject",
  },
  suspend: {
    title: "Suspend merchant",
    description: "Staff of a suspended merchant cannot log in and its products disappear from the store.",
    confirm: "Suspend",
  },
}

// Actions that need a reason, in button order.
const REASON_ACTIONS: ReasonAction[] = ["reject", "suspend"]

const MerchantDetailPage = () => {
  const { id = "" } = useParams()
  const queryClient = useQueryClient()
  const { data, isLoading, error } = useQuery({
    queryKey: merchantKeys.detail(id),
    queryFn: () => getMerchant(id),
    enabled: !!id,
  })
  const merchant = data?.merchant

  const [reasonAction, setReasonAction] = useState<ReasonAction | null>(null)
  const [reason, setReason] = useState("")

  const action = useMutation({
    mutationFn: ({ action, reason }: { action: MerchantAction; reason?: string }) =>
      postMerchantAction(id, action, reason),
    onSuccess: (res, vars) => {
      const verb = { approve: "approved", reject: "rejected", suspend: "suspended" }[vars.action]
      toast.success(`Merchant ${verb}`, {
        description: res?.merchant ? `Status: ${res.merchant.kyc_status}` : undefined,
      })
      if (res?.merchant) {
        // Show the new status right away; the refetch below brings users/product_count along.
        queryClient.setQueryData(merchantKeys.detail(id), (old: { merchant: Merchant } | undefined) => ({
          merchant: { ...(old?.merchant ?? {}), ...res.merchant },
        }))
      }
      setReasonAction(null)
      setReason("")
      queryClient.invalidateQueries({ queryKey: merchantKeys.all })
    },
    onError: (e: unknown) => toast.error("Action failed", { description: errorText(e) }),
  })

  if (isLoading) {
    return (
      <Container>
        <Text size="small">Loading…</Text>
      </Container>
    )
  }
  if (error || !merchant) {
    return (
      <Container className="flex flex-col gap-y-2">
        <Heading level="h1">Merchant</Heading>
        <Text size="small" className="text-ui-fg-error" data-testid="merchant-error">
          {error ? `Could not load merchant: ${errorText(error)}` : "Merchant not found"}
        </Text>
        <Link to="/merchants" className="text-ui-fg-interactive txt-compact-small">
          Back to merchants
        </Link>
      </Container>
    )
  }

  const actions = actionsFor(merchant.kyc_status)
  const busy = action.isPending
  const pending = action.variables?.action

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div className="flex items-center gap-x-3">
            <Link to="/merchants" aria-label="Back to merchants" className="text-ui-fg-muted hover:text-ui-fg-subtle">
              <ArrowUturnLeft />
            </Link>
            <div>
              <Heading level="h1" data-testid="merchant-display-name">
                {merchant.display_name}
              </Heading>
              <Text size="small" className="text-ui-fg-subtle">
                @{merchant.handle} · {merchant.id}
              </Text>
            </div>
            <StatusBadge color={STATUS_COLOR[merchant.kyc_status] ?? "grey"} data-testid="merchant-status">
              {merchant.kyc_status}
            </StatusBadge>
          </div>
          <div className="flex items-center gap-x-2">
            {actions.includes("approve") && (
              <Button
                size="small"
                variant="primary"
                data-testid="merchant-approve"
                disabled={busy}
                isLoading={busy && pending === "approve"}
                onClick={() => action.mutate({ action: "approve" })}
              >
                {merchant.kyc_status === "SUSPENDED" ? "Reinstate" : "Approve"}
              </Button>
            )}
            {REASON_ACTIONS.filter((a) => actions.includes(a)).map((a) => (
              <Button
                key={a}
                size="small"
                variant="danger"
                data-testid={`merchant-${a}`}
                disabled={busy}
                onClick={() => {
                  setReason("")
                  setReasonAction(a)
                }}
              >
                {REASON_COPY[a].confirm}
              </Button>
            ))}
          </div>
        </div>
        {merchant.kyc_reason && (
          <Row label="KYC reason" testId="merchant-kyc-reason">
            {merchant.kyc_reason}
          </Row>
        )}
        <Row label="Legal name">{merchant.legal_name}</Row>
        <Row label="Display name">{merchant.display_name}</Row>
        <Row label="Handle">{merchant.handle}</Row>
        <Row label="Country">{merchant.country_code?.toUpperCase()}</Row>
        <Row label="INN">{merchant.inn}</Row>
        <Row label="TRN">{merchant.trn}</Row>
        <Row label="Tax regime">{TAX_REGIME_LABEL[merchant.tax_regime] ?? merchant.tax_regime}</Row>
        <Row label="Contact email">{merchant.contact_email}</Row>
        <Row label="Contact phone">{merchant.contact_phone}</Row>
        <Row label="Default locale">{merchant.default_locale}</Row>
        <Row label="Payout method">{payoutText(merchant)}</Row>
        <Row label="Products" testId="merchant-product-count">
          {merchant.product_count ?? "—"}
        </Row>
        <Row label="Created">{merchant.created_at ? new Date(merchant.created_at).toLocaleString() : null}</Row>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Users</Heading>
        </div>
        {merchant.users && merchant.users.length > 0 ? (
          <Table data-testid="merchant-users">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Email</Table.HeaderCell>
                <Table.HeaderCell>Role</Table.HeaderCell>
                <Table.HeaderCell>ID</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {merchant.users.map((u) => (
                <Table.Row key={u.id} data-testid={`merchant-user-${u.email}`}>
                  <Table.Cell>{u.email}</Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={u.role === "OWNER" ? "blue" : "grey"}>{u.role}</StatusBadge>
                  </Table.Cell>
                  <Table.Cell className="text-ui-fg-muted">{u.id}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <div className="px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">
              No users
            </Text>
          </div>
        )}
      </Container>

      <MerchantMoney merchantId={merchant.id} handle={merchant.handle} />

      <Prompt
        open={reasonAction !== null}
        onOpenChange={(open) => {
          if (!open && !busy) setReasonAction(null)
        }}
      >
        <Prompt.Content data-testid="merchant-reason-dialog">
          {reasonAction && (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                if (reason.trim()) action.mutate({ action: reasonAction, reason: reason.trim() })
              }}
            >
              <Prompt.Header>
                <Prompt.Title>{REASON_COPY[reasonAction].title}</Prompt.Title>
                <Prompt.Description>{REASON_COPY[reasonAction].description}</Prompt.Description>
              </Prompt.Header>
              <div className="flex flex-col gap-y-2 px-6 pb-4 pt-4">
                <Label htmlFor="merchant-reason" size="small" weight="plus">
                  Reason
                </Label>
                <Textarea
                  id="merchant-reason"
                  data-testid="merchant-reason"
                  autoFocus
                  rows={4}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder="Explain the decision"
                />
              </div>
              <Prompt.Footer>
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  data-testid="merchant-reason-cancel"
                  disabled={busy}
                  onClick={() => setReasonAction(null)}
                >
                  Cancel
                </Button>
                <Button
                  type="submit"
                  size="small"
                  variant="danger"
                  data-testid="merchant-reason-confirm"
                  disabled={!reason.trim() || busy}
                  isLoading={busy}
                >
                  {REASON_COPY[reasonAction].confirm}
                </Button>
              </Prompt.Footer>
            </form>
          )}
        </Prompt.Content>
      </Prompt>
    </div>
  )
}

// Breadcrumb label: the merchant's display name once loaded (shares the page's query cache).
const MerchantBreadcrumb = ({ id }: { id: string }) => {
  const { data } = useQuery({ queryKey: merchantKeys.detail(id), queryFn: () => getMerchant(id), enabled: !!id })
  return <>{data?.merchant?.display_name ?? id}</>
}

export const handle = {
  breadcrumb: (match: { params: { id?: string } }) => <MerchantBreadcrumb id={match.params.id ?? ""} />,
}

export default MerchantDetailPage
