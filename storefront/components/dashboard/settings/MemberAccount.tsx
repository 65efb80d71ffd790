"use client"

import { Badge, Button, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice, Loading } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { deviceOf } from "@/lib/account"
import { meApi } from "@/lib/dashboard/account-api"
import { teamApi } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"

/** The member's own Telegram: a one-time t.me link to our bot, which binds the chat to this member. */
export function TelegramLink() {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  // The same query as the notification table: it says whether a chat is bound.
  const prefs = useMerchantQuery("preferences", teamApi.preferences)
  const link = useMutation({ mutationFn: () => meApi.telegramLink(token) })
  const linked = !!prefs.data?.telegram_linked
  return (
    <Card title={t("me.tg.heading")} testId="settings-telegram">
      <div className="flex flex-col gap-3" data-linked={prefs.data ? String(linked) : undefined}>
        {linked ? (
          <Text size="small" data-testid="settings-telegram-connected"><Badge color="green" size="2xsmall">✓</Badge> {t("me.tg.connected")}</Text>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">{t("me.tg.intro")}</Text>
        )}
        {link.data ? (
          <div className="flex flex-wrap items-center gap-3">
            <a href={link.data} target="_blank" rel="noopener noreferrer" className="txt-compact-small-plus bg-ui-button-inverted text-ui-fg-on-inverted rounded-md px-3 py-2" data-testid="settings-telegram-open">
              {t("me.tg.open")}
            </a>
            <Text size="small" className="text-ui-fg-muted">{t("me.tg.linkHint")}</Text>
          </div>
        ) : (
          <div>
            <Button size="small" variant="secondary" isLoading={link.isPending} onClick={() => link.mutate()} data-testid="settings-telegram-connect">
              {linked ? t("me.tg.reconnect") : t("me.tg.connect")}
            </Button>
          </div>
        )}
        <ErrorNotice error={link.error} testId="settings-telegram-error" />
      </div>
    </Card>
  )
}

/** The member's sign-ins to the portal: this device marked, any other one can be signed out. */
export function MemberSessions() {
  const { t, intlLocale } = useDashboardI18n()
  const { token } = useDashboard()
  const qc = useQueryClient()
  const sessions = useMerchantQuery("my-sessions", meApi.sessions)
  const refresh = () => qc.invalidateQueries({ queryKey: ["merchant", token, "my-sessions"] })
  const revoke = useMutation({ mutationFn: (id: string) => meApi.revokeSession(token, id), onSuccess: refresh })
  const others = useMutation({ mutationFn: () => meApi.signOutOthers(token), onSuccess: refresh })
  const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)) : "—")
  const device = (ua: string | null) => {
    const d = deviceOf(ua)
    if (d.browser && d.os) return t("me.sessions.deviceOn", { browser: d.browser, os: d.os })
    return d.browser ?? d.os ?? t("me.sessions.unknownDevice")
  }
  const hasOthers = (sessions.data ?? []).some((s) => !s.current)
  return (
    <Card
      title={t("me.sessions.heading")}
      testId="settings-sessions"
      actions={hasOthers ? (
        <Button size="small" variant="secondary" isLoading={others.isPending} onClick={() => others.mutate()} data-testid="settings-sessions-others">
          {t("me.sessions.everywhere")}
        </Button>
      ) : undefined}
    >
      <Text size="small" className="text-ui-fg-subtle mb-3">{t("me.sessions.intro")}</Text>
      {sessions.error ? <ErrorNotice error={sessions.error} /> : !sessions.data ? <Loading /> : (
        <ul className="flex flex-col divide-y divide-ui-border-base">
          {thisDeviceFirst(sessions.data).map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="settings-session" data-current={s.current ? "true" : "false"}>
              <div>
                <Text size="small" weight="plus">
                  {device(s.user_agent)}{" "}
                  {s.current && <Badge color="green" size="2xsmall" data-testid="settings-session-current">{t("me.sessions.thisDevice")}</Badge>}
                </Text>
                <Text size="xsmall" className="text-ui-fg-muted">
                  {t("me.sessions.lastSeen")}: {when(s.last_used_at ?? s.created_at)} · {t("me.sessions.started")}: {when(s.created_at)}
                  {s.ip && <> · <span dir="ltr">{s.ip}</span></>}
                </Text>
              </div>
              {!s.current && (
                <Button size="small" variant="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)} data-testid="settings-session-revoke">
                  {t("me.sessions.revoke")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.isSuccess && <Text size="small" className="text-ui-fg-interactive mt-2" role="status">{t("me.sessions.revoked")}</Text>}
      {others.data && <Text size="small" className="text-ui-fg-interactive mt-2" role="status">{t("me.sessions.everywhereDone", { count: others.data.revoked })}</Text>}
      <ErrorNotice error={revoke.error ?? others.error} />
    </Card>
  )
}

/** This device first, then the others as the server lists them. */
const thisDeviceFirst = <T extends { current: boolean }>(rows: T[]) => [...rows].sort((a, b) => Number(b.current) - Number(a.current))
