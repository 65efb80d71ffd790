"use client"

import { Switch, Table, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import Link from "next/link"
import { useDashboard } from "@/components/dashboard/context"
import { LegalProfile } from "@/components/dashboard/settings/LegalProfile"
import { MemberSessions, TelegramLink } from "@/components/dashboard/settings/MemberAccount"
import { PayoutMethod } from "@/components/dashboard/settings/PayoutMethod"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { GoodsReadinessList } from "@/components/dashboard/GoodsReadiness"
import { dashboardApi, teamApi, type Preference } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"

const KNOWN_TYPES = ["MERCHANT_NEW_ORDER_LINES", "MERCHANT_NEW_BOOKING", "MERCHANT_DISPUTE_OPENED", "MERCHANT_STATUS_CHANGED", "MERCHANT_STAFF_INVITE", "MERCHANT_PAYOUT",
  "MERCHANT_BOOKING_CANCELLED", "MERCHANT_DISPUTE_REPLIED", "PASSWORD_RESET", "EMAIL_VERIFICATION"]

function Notifications() {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const qc = useQueryClient()
  const prefs = useMerchantQuery("preferences", teamApi.preferences)
  const save = useMutation({
    mutationFn: (p: Preference) => teamApi.setPreference(token, { notification_type: p.notification_type, channel: p.channel, enabled: !p.enabled }),
    onSuccess: (data) => qc.setQueryData(["merchant", token, "preferences"], data),
  })
  const types = [...new Set((prefs.data?.preferences ?? []).map((p) => p.notification_type))]
  return (
    <Card title={t("settings.notifications")} testId="settings-notifications">
      <Text size="small" className="text-ui-fg-subtle mb-3">{t("settings.notificationsHint")}</Text>
      {prefs.error ? <ErrorNotice error={prefs.error} /> : !prefs.data ? <Loading /> : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell />
              <Table.HeaderCell>{t("settings.channel.email")}</Table.HeaderCell>
              <Table.HeaderCell>{t("settings.channel.telegram")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {types.map((type) => (
              <Table.Row key={type} data-testid="settings-pref-row" data-type={type}>
                <Table.Cell>{t((KNOWN_TYPES.includes(type) ? `settings.type.${type}` : "settings.type.other") as DashboardKey)}</Table.Cell>
                {(["email", "telegram"] as const).map((channel) => {
                  const p = prefs.data!.preferences.find((x) => x.notification_type === type && x.channel === channel)
                  return (
                    <Table.Cell key={channel}>
                      {p && (
                        <Switch
                          checked={p.enabled}
                          disabled={p.transactional || save.isPending}
                          onCheckedChange={() => save.mutate(p)}
                          aria-label={`${t((KNOWN_TYPES.includes(type) ? `settings.type.${type}` : "settings.type.other") as DashboardKey)} · ${t(`settings.channel.${channel}`)}`}
                          data-testid={`settings-pref-${type}-${channel}`}
                        />
                      )}
                    </Table.Cell>
                  )
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <ErrorNotice error={save.error} />
    </Card>
  )
}

/** Stock and shipping: what the shop's goods still need to be bought and shipped (the Home checklist's step, in full). */
function Shipping() {
  const { t } = useDashboardI18n()
  const home = useMerchantQuery("home", dashboardApi.home)
  const item = home.data?.checklist.find((c) => c.key === "stock_and_shipping")
  return (
    <Card title={t("settings.shipping")} testId="settings-shipping">
      <div id="shipping" className="flex flex-col gap-3" data-done={item ? item.done : undefined}>
        <Text size="small" className="text-ui-fg-subtle">{t("settings.shippingHint")}</Text>
        {home.error ? <ErrorNotice error={home.error} /> : !home.data ? <Loading /> : item?.detail
          ? <GoodsReadinessList detail={item.detail} testId="settings-goods-readiness" />
          : <Text size="small" className="text-ui-fg-muted">{t("settings.shippingNone")}</Text>}
        <Link href="/merchant/shipping" className="txt-compact-small text-ui-fg-interactive" data-testid="settings-shipping-open">{t("ship.openDelivery")}</Link>
      </div>
    </Card>
  )
}

/** Settings: the legal profile and payout method (owner and finance edit them), stock and shipping, and each member's own notification choices, Telegram and sign-ins. */
export default function SettingsPage() {
  const { t } = useDashboardI18n()
  return (
    <div className="flex flex-col gap-4" data-testid="dash-settings">
      <PageHeader title={t("dash.nav.settings")} />
      <LegalProfile />
      <PayoutMethod />
      <Shipping />
      {/* E-mails' "notification settings" links land here (#notifications). */}
      <div id="notifications" className="flex flex-col gap-4">
        <Notifications />
        <TelegramLink />
      </div>
      <MemberSessions />
    </div>
  )
}
