"use client"

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useRouter, useSearchParams } from "next/navigation"
import { Suspense, useState } from "react"
import { ErrorMessage, Loading } from "@/components/Status"
import { accountApi, deviceOf, downloadJson, type Preference, type Preferences } from "@/lib/account"
import { useCustomer } from "@/lib/customer-session"
import { isMessageKey } from "@/lib/i18n"
import { useI18n } from "@/lib/i18n-context"

const TABS = ["notifications", "sessions", "privacy"] as const
type Tab = (typeof TABS)[number]

/**
 * The buyer's account settings: notification choices and Telegram, sign-in sessions, privacy.
 * `/account?tab=notifications` is where every e-mail's "notification settings" link leads.
 */
export default function AccountPage() {
  return (
    <Suspense fallback={<Loading />}>
      <Account />
    </Suspense>
  )
}

function Account() {
  const { t } = useI18n()
  const { hydrated, token, customer } = useCustomer()
  const params = useSearchParams()
  const router = useRouter()
  const asked = params.get("tab")
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? "") ? (asked as Tab) : "notifications"

  if (!hydrated) return <Loading />
  if (!token) {
    return (
      <p data-testid="account-sign-in">
        {t("acct.signInRequired")} <Link href="/account/login">{t("nav.signIn")}</Link>
      </p>
    )
  }
  return (
    <section data-testid="account-page">
      <div className="page-head">
        <h1>{t("acct.heading")}</h1>
        {customer && <span className="muted" dir="ltr">{customer.email}</span>}
      </div>
      <p className="account-links">
        <Link href="/account/orders">{t("account.orders.heading")}</Link>
        <Link href="/account/bookings">{t("booking.heading")}</Link>
        <Link href="/account/courses">{t("courses.heading")}</Link>
      </p>
      <div className="tabs" role="tablist" aria-label={t("acct.heading")}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`account-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`account-panel-${name}`}
            className={tab === name ? "tab active" : "tab"}
            data-testid={`account-tab-${name}`}
            onClick={() => router.replace(`/account?tab=${name}`, { scroll: false })}
          >
            {t(`acct.tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`account-panel-${tab}`} aria-labelledby={`account-tab-${tab}`}>
        {tab === "notifications" && <Notifications />}
        {tab === "sessions" && <Sessions />}
        {tab === "privacy" && <Privacy />}
      </div>
    </section>
  )
}

function Notifications() {
  const { t } = useI18n()
  const { token } = useCustomer()
  const qc = useQueryClient()
  const key = ["account", token, "preferences"]
  const prefs = useQuery({ queryKey: key, queryFn: accountApi.preferences })
  const save = useMutation({
    mutationFn: (p: Preference) => accountApi.setPreference({ notification_type: p.notification_type, channel: p.channel, enabled: !p.enabled }),
    onSuccess: (data: Preferences) => qc.setQueryData(key, data),
  })
  const typeName = (type: string) => {
    const k = `acct.type.${type}`
    return isMessageKey(k) ? t(k) : t("acct.type.other")
  }
  if (prefs.error) return <ErrorMessage error={prefs.error} />
  if (!prefs.data) return <Loading />
  const types = [...new Set(prefs.data.preferences.map((p) => p.notification_type))]
  // What can be switched off first; what is always sent after it.
  const switchable = types.filter((type) => prefs.data!.preferences.some((p) => p.notification_type === type && !p.transactional))
  const always = types.filter((type) => !switchable.includes(type))
  return (
    <div className="account-section" data-testid="account-notifications">
      <h2>{t("acct.tab.notifications")}</h2>
      <p className="muted">{t("acct.notif.intro")}</p>
      <table className="table account-prefs">
        <thead>
          <tr>
            <th scope="col">{t("acct.notif.type")}</th>
            <th scope="col">{t("acct.notif.email")}</th>
            <th scope="col">{t("acct.notif.telegram")}</th>
          </tr>
        </thead>
        <tbody>
          {[...switchable, ...always].map((type) => (
            <tr key={type} data-testid="account-pref-row" data-type={type}>
              <th scope="row">{typeName(type)}</th>
              {(["email", "telegram"] as const).map((channel) => {
                const p = prefs.data!.preferences.find((x) => x.notification_type === type && x.channel === channel)
                if (!p) return <td key={channel} />
                return (
                  <td key={channel}>
                    {p.transactional ? (
                      <span className="muted">{t("acct.notif.always")}</span>
                    ) : (
                      <label className="checkbox account-switch">
                        <input
                          type="checkbox"
                          checked={p.enabled}
                          disabled={save.isPending}
                          onChange={() => save.mutate(p)}
                          data-testid={`account-pref-${type}-${channel}`}
                        />
                        <span>{p.enabled ? t("acct.notif.on") : t("acct.notif.off")}</span>
                        <span className="visually-hidden">{t("acct.notif.toggle", { type: typeName(type), channel: t(`acct.notif.${channel}`) })}</span>
                      </label>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {save.isSuccess && <p className="success" role="status" data-testid="account-pref-saved">{t("acct.notif.saved")}</p>}
      {save.error && <ErrorMessage error={save.error} />}
      <Telegram linked={prefs.data.telegram_linked} />
    </div>
  )
}

function Telegram({ linked }: { linked: boolean }) {
  const { t } = useI18n()
  const link = useMutation({ mutationFn: accountApi.telegramLink })
  return (
    <div className="account-card" data-testid="account-telegram" data-linked={linked ? "true" : "false"}>
      <h3>{t("acct.tg.heading")}</h3>
      {linked ? <p className="success" data-testid="account-telegram-connected">{t("acct.tg.connected")}</p> : <p className="muted">{t("acct.tg.intro")}</p>}
      {link.data ? (
        <p>
          <a className="button primary" href={link.data} target="_blank" rel="noopener noreferrer" data-testid="account-telegram-open">
            {t("acct.tg.open")}
          </a>{" "}
          <span className="muted">{t("acct.tg.linkHint")}</span>
        </p>
      ) : (
        <button type="button" className="button" disabled={link.isPending} onClick={() => link.mutate()} data-testid="account-telegram-connect">
          {linked ? t("acct.tg.reconnect") : t("acct.tg.connect")}
        </button>
      )}
      {link.error && <ErrorMessage error={link.error} />}
    </div>
  )
}

function Sessions() {
  const { t, intlLocale } = useI18n()
  const { token } = useCustomer()
  const qc = useQueryClient()
  const key = ["account", token, "sessions"]
  const list = useQuery({ queryKey: key, queryFn: accountApi.sessions })
  const revoke = useMutation({ mutationFn: accountApi.revokeSession, onSuccess: () => qc.invalidateQueries({ queryKey: key }) })
  const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "—")
  const device = (ua: string | null) => {
    const d = deviceOf(ua)
    if (d.browser && d.os) return t("acct.sessions.deviceOn", { browser: d.browser, os: d.os })
    return d.browser ?? d.os ?? t("acct.sessions.unknownDevice")
  }
  return (
    <div className="account-section" data-testid="account-sessions">
      <h2>{t("acct.tab.sessions")}</h2>
      <p className="muted">{t("acct.sessions.intro")}</p>
      {list.error ? <ErrorMessage error={list.error} /> : !list.data ? <Loading /> : (
        <ul className="plain-list account-session-list">
          {thisDeviceFirst(list.data).map((s) => (
            <li key={s.id} className="account-session" data-testid="account-session" data-current={s.current ? "true" : "false"}>
              <div>
                <strong>{device(s.user_agent)}</strong>
                {s.current && <span className="state-badge state-confirmed" data-testid="account-session-current">{t("acct.sessions.thisDevice")}</span>}
                <div className="muted">
                  {t("acct.sessions.lastSeen")}: {when(s.last_used_at ?? s.created_at)} · {t("acct.sessions.started")}: {when(s.created_at)}
                  {s.ip && <> · <span dir="ltr">{s.ip}</span></>}
                </div>
              </div>
              {!s.current && (
                <button type="button" className="button" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)} data-testid="account-session-revoke">
                  {t("acct.sessions.revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.isSuccess && <p className="success" role="status">{t("acct.sessions.revoked")}</p>}
      {revoke.error && <ErrorMessage error={revoke.error} />}
    </div>
  )
}

function Privacy() {
  const { t, intlLocale } = useI18n()
  const { token } = useCustomer()
  const qc = useQueryClient()
  const key = ["account", token, "erasure"]
  const [confirming, setConfirming] = useState(false)
  const [file, setFile] = useState<string | null>(null)
  const erasure = useQuery({ queryKey: key, queryFn: accountApi.erasure })
  const exporter = useMutation({
    mutationFn: accountApi.exportData,
    onSuccess: (data) => {
      const name = `my-data-${new Date().toISOString().slice(0, 10)}.json`
      downloadJson(data, name)
      setFile(name)
    },
  })
  const ask = useMutation({
    mutationFn: accountApi.askErasure,
    onSuccess: (request) => {
      setConfirming(false)
      qc.setQueryData(key, request)
    },
  })
  const day = (iso: string) => new Intl.DateTimeFormat(intlLocale, { dateStyle: "long" }).format(new Date(iso))
  const request = erasure.data
  return (
    <div className="account-section" data-testid="account-privacy">
      <div className="account-card">
        <h2>{t("acct.privacy.exportHeading")}</h2>
        <p className="muted">{t("acct.privacy.exportIntro")}</p>
        <button type="button" className="button" disabled={exporter.isPending} onClick={() => exporter.mutate()} data-testid="account-export">
          {t("acct.privacy.export")}
        </button>
        {file && <p className="success" role="status" data-testid="account-exported">{t("acct.privacy.exported", { file })}</p>}
        {exporter.error && <ErrorMessage error={exporter.error} />}
      </div>
      <div className="account-card" data-testid="account-erasure" data-state={request?.status ?? "NONE"}>
        <h2>{t("acct.privacy.erasureHeading")}</h2>
        <p className="muted">{t("acct.privacy.erasureIntro")}</p>
        {erasure.error ? <ErrorMessage error={erasure.error} /> : erasure.isLoading ? <Loading /> : request?.status === "REQUESTED" ? (
          <p className="status-banner status-pending" data-testid="account-erasure-state">{t("acct.privacy.state.REQUESTED", { date: day(request.created_at) })}</p>
        ) : (
          <>
            {request?.status === "COMPLETED" && request.completed_at && (
              <p className="muted" data-testid="account-erasure-state">{t("acct.privacy.state.COMPLETED", { date: day(request.completed_at) })}</p>
            )}
            {confirming ? (
              <div className="alert" role="alertdialog" aria-labelledby="erasure-confirm-text">
                <p id="erasure-confirm-text">{t("acct.privacy.erasureConfirmText")}</p>
                <button type="button" className="button primary" disabled={ask.isPending} onClick={() => ask.mutate()} data-testid="account-erasure-confirm">
                  {t("acct.privacy.erasureConfirm")}
                </button>{" "}
                <button type="button" className="button" onClick={() => setConfirming(false)}>{t("acct.privacy.cancel")}</button>
              </div>
            ) : (
              <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="account-erasure-ask">
                {t("acct.privacy.erasureAsk")}
              </button>
            )}
          </>
        )}
        {ask.error && <ErrorMessage error={ask.error} />}
      </div>
    </div>
  )
}

/** This device first, then the others as the server lists them. */
const thisDeviceFirst = <T extends { current: boolean }>(rows: T[]) => [...rows].sort((a, b) => Number(b.current) - Number(a.current))
