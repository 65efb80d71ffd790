"use client"

import { useMutation, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useState, type FormEvent } from "react"
import { DisputeConversation } from "@/components/DisputeConversation"
import { ApiErrorBox } from "@/components/merchant/ui"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { Loading } from "@/components/Status"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { useI18n } from "@/lib/i18n-context"
import {
  downloadStatementCsv, formatBps, formatMinor, merchantMoneyApi, type Dispute, type Period, type StatementRow,
} from "@/lib/marketplace-money"
import { tokenActorId } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * A ledger row in words ("Sale paid, held until delivery"), never "capture MERCHANT_ESCROW", with
 * its order by number ("Order #10", linked) and, for a row about one line, the product (linked).
 */
function StatementLabel({ row }: { row: StatementRow }) {
  const { t } = useDashboardI18n()
  const specific = `money.row.${row.kind}.${row.account}`
  const general = `money.row.${row.kind}`
  const words = [specific, general].map((k) => t(k as DashboardKey)).find((w, i) => w !== [specific, general][i]) ?? t("money.row.other")
  return (
    <>
      {words}
      {row.order_id && (
        <>
          {" · "}
          <Link href={`/merchant/orders/${row.order_id}`} className="text-ui-fg-interactive" data-testid="money-statement-order" data-display-id={row.order_display_id ?? ""}>
            {row.order_display_id != null ? t("money.orderNo", { id: row.order_display_id }) : t("money.order")}
          </Link>
        </>
      )}
      {row.product_title && (
        <>
          {" · "}
          {row.product_id
            ? <Link href={`/merchant/products/${row.product_id}`} className="text-ui-fg-interactive" dir="auto" data-testid="money-statement-product">{row.product_title}</Link>
            : <bdi>{row.product_title}</bdi>}
        </>
      )}
    </>
  )
}

/** The merchant's money: balances, payouts, statement (with CSV), commission rules, disputes. */
export default function MerchantMoneyPage() {
  const { t } = useI18n()
  const router = useRouter()
  const { hydrated, token } = useMerchantSession()
  useEffect(() => {
    if (hydrated && !token) router.replace("/merchant/login")
  }, [hydrated, token, router])
  if (!hydrated || !token) return <Loading />
  if (!tokenActorId(token)) {
    return (
      <p data-testid="merchant-no-shop">
        {t("portal.noMerchant")} <Link href="/merchant/apply">{t("portal.nav.apply")}</Link>
      </p>
    )
  }
  return (
    <div className="dashboard" data-testid="merchant-money">
      <header className="dashboard-head">
        <h1>{t("money.heading")}</h1>
      </header>
      <Balances />
      <Statement />
      <Payouts />
      <Rules />
      <Disputes />
    </div>
  )
}

function Balances() {
  const { t, intlLocale } = useI18n()
  const q = useMerchantQuery("money-balance", merchantMoneyApi.balance)
  return (
    <section className="portal-section" data-testid="money-balances">
      <h2>{t("money.balances")}</h2>
      <p className="muted">{t("money.balancesHint")}</p>
      {q.error ? (
        <ApiErrorBox error={q.error} />
      ) : !q.data ? (
        <Loading />
      ) : q.data.balances.length === 0 ? (
        <p className="muted" data-testid="money-balances-empty">{t("money.balancesEmpty")}</p>
      ) : (
        <table className="money-table">
          <thead>
            <tr>
              <th>{t("money.currency")}</th>
              <th>{t("money.escrow")}</th>
              <th>{t("money.available")}</th>
              <th>{t("money.inTransit")}</th>
              <th>{t("money.paidOut")}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.balances.map((b) => (
              <tr key={b.currency_code} data-testid="money-balance-row" data-currency={b.currency_code}>
                <td>{b.currency_code.toUpperCase()}</td>
                <td data-testid="money-escrow" data-minor={b.escrow}>{formatMinor(b.escrow, b.currency_code, intlLocale)}</td>
                <td data-testid="money-available" data-minor={b.available}>{formatMinor(b.available, b.currency_code, intlLocale)}</td>
                <td data-testid="money-in-transit" data-minor={b.in_transit}>{formatMinor(b.in_transit, b.currency_code, intlLocale)}</td>
                <td data-testid="money-paid-out" data-minor={b.paid_out}>{formatMinor(b.paid_out, b.currency_code, intlLocale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function Statement() {
  const { t, intlLocale } = useI18n()
  const { token } = useMerchantSession()
  const now = new Date()
  const [form, setForm] = useState<Period>({
    from: isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))),
    to: isoDay(new Date(now.getTime() + 24 * 60 * 60 * 1000)),
  })
  const [period, setPeriod] = useState<Period>(form)
  const q = useMerchantQuery(`money-statement-${period.from}-${period.to}`, (tk) => merchantMoneyApi.statement(tk, period))
  const download = useMutation({ mutationFn: () => downloadStatementCsv(token!, form) })
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setPeriod({ ...form })
  }
  return (
    <section className="portal-section" data-testid="money-statement">
      <h2>{t("money.statement")}</h2>
      <form className="money-period" onSubmit={submit}>
        <label className="field">
          <span>{t("money.from")}</span>
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} data-testid="money-statement-from" required />
        </label>
        <label className="field">
          <span>{t("money.to")}</span>
          <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} data-testid="money-statement-to" required />
        </label>
        <button type="submit" className="button" data-testid="money-statement-show">{t("money.show")}</button>
        <button type="button" className="button primary" disabled={download.isPending} onClick={() => download.mutate()} data-testid="money-statement-download">
          {t("money.downloadCsv")}
        </button>
      </form>
      {download.error ? <ApiErrorBox error={download.error} testId="money-download-error" /> : null}
      {download.data && <p className="muted" role="status" data-testid="money-statement-downloaded">{t("money.downloaded", { name: download.data })}</p>}
      {q.error ? (
        <ApiErrorBox error={q.error} />
      ) : !q.data ? (
        <Loading />
      ) : q.data.statement.length === 0 ? (
        <p className="muted" data-testid="money-statement-empty">{t("money.statementEmpty")}</p>
      ) : (
        q.data.statement.map((s) => (
          <div key={s.currency_code} data-testid="money-statement-currency" data-currency={s.currency_code}>
            <p>
              {t("money.opening")}: <strong data-testid="money-opening">{formatMinor(s.opening.total, s.currency_code, intlLocale)}</strong> · {t("money.credits")}:{" "}
              {formatMinor(s.totals.credits, s.currency_code, intlLocale)} · {t("money.debits")}: {formatMinor(s.totals.debits, s.currency_code, intlLocale)} ·{" "}
              {t("money.commission")}: {formatMinor(s.totals.commission, s.currency_code, intlLocale)} · {t("money.commissionVat")}:{" "}
              {formatMinor(s.totals.commission_vat ?? 0, s.currency_code, intlLocale)} · {t("money.platformPromotion")}:{" "}
              {formatMinor(s.totals.platform_promotion ?? 0, s.currency_code, intlLocale)} · {t("money.closing")}:{" "}
              <strong data-testid="money-closing" data-minor={s.closing.total}>{formatMinor(s.closing.total, s.currency_code, intlLocale)}</strong>
            </p>
            {s.rows.length > 0 && (
              <table className="money-table">
                <thead>
                  <tr>
                    <th>{t("money.date")}</th>
                    <th>{t("money.entry")}</th>
                    <th>{t("money.amount")}</th>
                    <th>{t("money.commission")}</th>
                    <th>{t("money.commissionVat")}</th>
                    <th>{t("money.platformPromotion")}</th>
                    <th>{t("money.balance")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r, i) => (
                    <tr key={i} data-testid="money-statement-row" data-kind={r.kind}>
                      <td>{date.format(new Date(r.created_at))}</td>
                      <td>
                        <StatementLabel row={r} />
                      </td>
                      <td>{formatMinor(r.amount, s.currency_code, intlLocale)}</td>
                      <td>{r.commission ? formatMinor(r.commission, s.currency_code, intlLocale) : ""}</td>
                      <td>{r.commission_vat ? formatMinor(r.commission_vat, s.currency_code, intlLocale) : ""}</td>
                      <td>{r.platform_promotion ? formatMinor(r.platform_promotion, s.currency_code, intlLocale) : ""}</td>
                      <td>{formatMinor(r.balance, s.currency_code, intlLocale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))
      )}
    </section>
  )
}

function Payouts() {
  const { t, intlLocale } = useI18n()
  const q = useMerchantQuery("money-payouts", merchantMoneyApi.payouts)
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" })
  return (
    <section className="portal-section" data-testid="money-payouts">
      <h2>{t("money.payouts")}</h2>
      {q.error ? (
        <ApiErrorBox error={q.error} />
      ) : !q.data ? (
        <Loading />
      ) : q.data.payouts.length === 0 ? (
        <p className="muted" data-testid="money-payouts-empty">{t("money.payoutsEmpty")}</p>
      ) : (
        <table className="money-table">
          <thead>
            <tr>
              <th>{t("money.date")}</th>
              <th>{t("money.amount")}</th>
              <th>{t("money.status")}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.payouts.map((p) => (
              <tr key={p.id} data-testid="money-payout-row" data-status={p.status}>
                <td>{date.format(new Date(p.created_at))}</td>
                <td>{formatMinor(p.amount, p.currency_code, intlLocale)}</td>
                <td>
                  {t(`money.payoutStatus.${p.status}`)}
                  {p.failure_reason && <span className="muted" dir="auto"> · {p.failure_reason}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function Rules() {
  const { t, intlLocale } = useI18n()
  const q = useMerchantQuery("money-rules", merchantMoneyApi.rules)
  const day = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium" })
  return (
    <section className="portal-section" data-testid="money-rules">
      <h2>{t("money.rules")}</h2>
      {q.error ? (
        <ApiErrorBox error={q.error} />
      ) : !q.data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{t("money.rulesDefault", { rate: formatBps(q.data.platform_default_bps, intlLocale) })}</p>
          {q.data.commission_rules.length === 0 ? (
            <p className="muted">{t("money.rulesEmpty")}</p>
          ) : (
            <ul className="plain-list">
              {q.data.commission_rules.map((r) => (
                <li key={r.id} data-testid="money-rule" data-rate-bps={r.rate_bps}>
                  <strong>{formatBps(r.rate_bps, intlLocale)}</strong>
                  {r.fixed_fee_minor > 0 && r.fixed_fee_currency && <> {t("money.ruleFee", { fee: formatMinor(r.fixed_fee_minor, r.fixed_fee_currency, intlLocale) })}</>}
                  {" · "}
                  {r.merchant_id ? t("money.ruleOwn") : t("money.ruleAll")}
                  {r.product_kind && <> · {t("money.ruleKind", { kind: t(`kind.${r.product_kind}` as "kind.PHYSICAL") })}</>}
                  {(r.valid_from || r.valid_to) && (
                    <span className="muted">
                      {" · "}
                      {r.valid_from ? day.format(new Date(r.valid_from)) : "…"} – {r.valid_to ? day.format(new Date(r.valid_to)) : "…"}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

function Disputes() {
  const { t } = useI18n()
  const q = useMerchantQuery("money-disputes", merchantMoneyApi.disputes)
  return (
    <section className="portal-section" data-testid="money-disputes">
      <h2>{t("money.disputes")}</h2>
      {q.error ? (
        <ApiErrorBox error={q.error} />
      ) : !q.data ? (
        <Loading />
      ) : q.data.disputes.length === 0 ? (
        <p className="muted" data-testid="money-disputes-empty">{t("money.disputesEmpty")}</p>
      ) : (
        <ul className="plain-list">
          {q.data.disputes.map((d) => <MerchantDispute key={d.id} dispute={d} />)}
        </ul>
      )}
    </section>
  )
}

function MerchantDispute({ dispute }: { dispute: Dispute }) {
  const { t: dt } = useDashboardI18n()
  const { t, intlLocale } = useI18n()
  const { token } = useMerchantSession()
  const qc = useQueryClient()
  const [open, setOpen] = useState(dispute.status === "OPEN")
  const detail = useMerchantQuery(`money-dispute-${dispute.id}`, (tk) => merchantMoneyApi.dispute(tk, dispute.id), open)
  // The detail adds the conversation; the list's order facts stay if an older server leaves them out.
  const d: Dispute = { ...dispute, ...detail.data?.dispute, order_display_id: detail.data?.dispute.order_display_id ?? dispute.order_display_id,
    product_title: detail.data?.dispute.product_title ?? dispute.product_title, line_amount: detail.data?.dispute.line_amount ?? dispute.line_amount }
  return (
    <li className="dispute" data-testid="money-dispute" data-dispute-id={d.id} data-status={d.status}>
      <button type="button" className="link-button" onClick={() => setOpen(!open)}>
        <strong>{t(`dispute.reason.${d.reason as DisputeReason}`)}</strong> · {t(`dispute.status.${d.status}`)} ·{" "}
        <span className="muted" data-testid="money-dispute-order" data-display-id={d.order_display_id ?? ""} data-line-amount={d.line_amount ?? ""}>
          {/* Never the order's internal id: its number, the product and the line's amount. */}
          {[
            d.order_display_id != null ? dt("money.orderNo", { id: d.order_display_id }) : dt("money.order"),
            d.product_title,
            d.line_amount != null ? formatMinor(d.line_amount, d.currency_code, intlLocale) : null,
          ].filter(Boolean).join(" · ")}
        </span>
      </button>
      <Link href={`/merchant/orders/${d.order_id}`} className="text-ui-fg-interactive txt-compact-small" data-testid="money-dispute-order-link">{dt("money.openOrder")}</Link>
      {d.status === "RESOLVED_REFUND" && d.refund_amount != null && (
        <p className="muted">{t("dispute.refunded", { amount: formatMinor(d.refund_amount, d.currency_code, intlLocale) })}</p>
      )}
      {open && (
        <DisputeConversation
          dispute={d}
          rows={3}
          send={(body) => merchantMoneyApi.reply(token!, dispute.id, body)}
          onSent={(res) => qc.setQueryData<{ dispute: Dispute }>(["merchant", token, `money-dispute-${dispute.id}`], res)}
          renderError={(error) => <ApiErrorBox error={error} />}
        />
      )}
    </li>
  )
}

type DisputeReason = "NOT_RECEIVED" | "NOT_AS_DESCRIBED" | "DAMAGED" | "SERVICE_NOT_PROVIDED" | "ACCESS_PROBLEM" | "OTHER"
