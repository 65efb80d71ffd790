"use client"

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { DisputeConversation } from "@/components/DisputeConversation"
import { ErrorMessage } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { DISPUTE_REASONS, formatMinor, getBuyerDispute, lineDisputeApi, listOrderDisputes, openDispute, replyToDispute, type Dispute } from "@/lib/marketplace-money"
import type { OrderLine } from "@/lib/orders"

const NOT_DISPUTABLE = ["CLOSED", "CANCELLED", "REFUNDED"]

/** Paid and not fully refunded (major-unit decimal strings compared without float rounding issues at this scale). */
function isPaid(line: OrderLine): boolean {
  const captured = Number(line.captured_amount ?? 0)
  const refunded = Number(line.refunded_amount ?? 0)
  return captured > refunded && !NOT_DISPUTABLE.includes(line.state)
}

/**
 * "Report a problem" on a paid line (opens a dispute), then the dispute's status and messages,
 * with a reply box while it is open. With `linkToken` (a guest on the order's signed link) through
 * the order's line routes, which reach only that order's disputes.
 */
export function LineDispute({ orderId, line, linkToken }: { orderId: string; line: OrderLine; linkToken?: string | null }) {
  const { t } = useI18n()
  const qc = useQueryClient()
  const guestApi = linkToken ? lineDisputeApi(orderId, line.id, linkToken) : null
  const disputes = useQuery({
    queryKey: ["orders", orderId, "disputes", guestApi ? line.id : "all"],
    queryFn: () => (guestApi ? guestApi.list() : listOrderDisputes(orderId)),
    staleTime: 5_000,
    refetchInterval: guestApi ? 10_000 : false,
  })
  const mine = (disputes.data ?? []).filter((d) => d.order_line_id === line.id)
  const current = mine.find((d) => d.status === "OPEN") ?? mine[mine.length - 1]
  const [formOpen, setFormOpen] = useState(false)
  const [reason, setReason] = useState<string>(DISPUTE_REASONS[0])
  const [message, setMessage] = useState("")
  const open = useMutation({
    mutationFn: () => (guestApi ? guestApi.open({ reason, message: message.trim() }) : openDispute(orderId, line.id, { reason, message: message.trim() })),
    onSuccess: () => {
      setFormOpen(false)
      setMessage("")
      qc.invalidateQueries({ queryKey: ["orders", orderId, "disputes"] })
    },
  })

  if (!disputes.data) return null
  if (current) return <DisputeThread dispute={current} orderId={orderId} reply={guestApi ? (body) => guestApi.reply(current.id, body) : undefined} />
  if (!isPaid(line)) return null
  if (!formOpen) {
    return (
      <div className="order-line-actions">
        <button type="button" className="button" onClick={() => setFormOpen(true)} data-testid="order-line-report">
          {t("dispute.report")}
        </button>
      </div>
    )
  }
  return (
    <form
      className="form dispute-form"
      data-testid="dispute-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (message.trim().length >= 3) open.mutate()
      }}
    >
      <label className="field">
        <span>{t("dispute.reasonLabel")}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value)} data-testid="dispute-reason">
          {DISPUTE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`dispute.reason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("dispute.messageLabel")}</span>
        <textarea rows={3} minLength={3} value={message} onChange={(e) => setMessage(e.target.value)} data-testid="dispute-message-input" dir="auto" />
      </label>
      {open.error ? <ErrorMessage error={open.error} /> : null}
      <div className="order-line-actions">
        <button type="submit" className="button primary" disabled={open.isPending || message.trim().length < 3} data-testid="dispute-submit">
          {t("dispute.submit")}
        </button>
        <button type="button" className="button" onClick={() => setFormOpen(false)}>
          {t("dispute.cancel")}
        </button>
      </div>
    </form>
  )
}

/** `reply` (a guest's, through the order link) replaces the signed-in buyer's dispute routes; the list then carries the messages. */
function DisputeThread({ dispute, orderId, reply }: { dispute: Dispute; orderId: string; reply?: (body: string) => Promise<Dispute> }) {
  const { t, intlLocale } = useI18n()
  const qc = useQueryClient()
  const detail = useQuery({ queryKey: ["disputes", dispute.id], enabled: !reply, queryFn: () => getBuyerDispute(dispute.id), refetchInterval: 10_000 })
  const d = (reply ? undefined : detail.data) ?? dispute
  return (
    <div className="dispute" data-testid="line-dispute" data-dispute-id={d.id} data-status={d.status}>
      <p>
        <strong>{t("dispute.heading")}</strong>: {t(`dispute.reason.${d.reason as (typeof DISPUTE_REASONS)[number]}`)} ·{" "}
        <span className="state-badge" data-testid="line-dispute-status">{t(`dispute.status.${d.status}`)}</span>
      </p>
      {d.status === "RESOLVED_REFUND" && d.refund_amount != null && (
        <p className="muted">{t("dispute.refunded", { amount: formatMinor(d.refund_amount, d.currency_code, intlLocale) })}</p>
      )}
      {d.resolution_note && <p className="muted" dir="auto">{d.resolution_note}</p>}
      <DisputeConversation
        dispute={d}
        send={(body) => (reply ? reply(body) : replyToDispute(dispute.id, body))}
        onSent={(updated) => {
          qc.setQueryData(["disputes", dispute.id], updated)
          qc.invalidateQueries({ queryKey: ["orders", orderId, "disputes"] })
        }}
        renderError={(error) => <ErrorMessage error={error} />}
      />
    </div>
  )
}
