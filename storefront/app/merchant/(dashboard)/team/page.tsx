"use client"

import { Badge, Button, Input, Label, Table, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice, Loading, PageHeader } from "@/components/dashboard/parts"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { teamApi, type StaffRole } from "@/lib/dashboard/api"
import { useDashboardI18n, type DashboardKey } from "@/lib/dashboard/i18n"
import { MERCHANT_ROLES } from "@/lib/merchant-api"

const STAFF_ROLES: StaffRole[] = ["MANAGER", "FULFILMENT", "FINANCE"]

function RoleSelect({ value, onChange, testId }: { value: StaffRole; onChange: (r: StaffRole) => void; testId: string }) {
  const { t } = useDashboardI18n()
  return (
    <select
      className="bg-ui-bg-field border-ui-border-base rounded-md border px-2 py-1 txt-compact-small"
      value={value}
      data-testid={testId}
      aria-label={t("team.role")}
      onChange={(e) => onChange(e.target.value as StaffRole)}
    >
      {STAFF_ROLES.map((r) => <option key={r} value={r}>{t(`dash.role.${r}` as DashboardKey)}</option>)}
    </select>
  )
}

function InviteForm() {
  const { t } = useDashboardI18n()
  const { token } = useDashboard()
  const qc = useQueryClient()
  const [email, setEmail] = useState("")
  const [role, setRole] = useState<StaffRole>("FULFILMENT")
  const invite = useMutation({
    mutationFn: () => teamApi.invite(token, email.trim(), role),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["merchant", token, "invites"] }),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    invite.mutate()
  }
  const link = invite.data ? `${window.location.origin}/merchant/invite?token=${encodeURIComponent(invite.data.token)}` : null
  return (
    <Card title={t("team.invite")} testId="team-invite">
      <Text size="small" className="text-ui-fg-subtle mb-3">{t("team.inviteHint")}</Text>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-[240px] flex-1 flex-col gap-1">
          <Label htmlFor="invite-email" size="small">{t("team.email")}</Label>
          <Input id="invite-email" type="email" size="small" dir="ltr" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="team-invite-email" />
        </div>
        <div className="flex flex-col gap-1">
          <Label size="small">{t("team.role")}</Label>
          <RoleSelect value={role} onChange={setRole} testId="team-invite-role" />
        </div>
        <Button size="small" type="submit" isLoading={invite.isPending} data-testid="team-invite-submit">{t("team.send")}</Button>
      </form>
      <div className="mt-3"><ErrorNotice error={invite.error} testId="team-invite-error" /></div>
      {invite.data && link && (
        <Text size="small" className="mt-3 break-all" data-testid="team-invite-sent" data-link={link}>
          {t("team.sent", { email: invite.data.invite.email, link })}
        </Text>
      )}
    </Card>
  )
}

/** Team: members and their roles (the owner changes them), invites with a role, what each role may do. */
export default function TeamPage() {
  const { t, fmt } = useDashboardI18n()
  const { token, merchantUser } = useDashboard()
  const qc = useQueryClient()
  const isOwner = merchantUser.role === "OWNER"
  const staff = useMerchantQuery("staff", teamApi.staff)
  const invites = useMerchantQuery("invites", teamApi.invites, isOwner)
  const change = useMutation({
    mutationFn: (v: { id: string; role: StaffRole }) => teamApi.changeRole(token, v.id, v.role),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["merchant", token, "staff"] }),
  })
  return (
    <div className="flex flex-col gap-4" data-testid="dash-team">
      <PageHeader title={t("team.heading")} />
      <Card title={t("team.members")} testId="merchant-staff">
        {staff.error ? <ErrorNotice error={staff.error} /> : !staff.data ? <Loading /> : (
          <Table>
            <Table.Body>
              {staff.data.staff.map((u) => (
                <Table.Row key={u.id} data-testid="merchant-staff-row" data-role={u.role} data-email={u.email}>
                  <Table.Cell dir="ltr">{u.email}</Table.Cell>
                  <Table.Cell className="text-end">
                    {isOwner && u.role !== "OWNER" ? (
                      <RoleSelect value={u.role as StaffRole} onChange={(role) => change.mutate({ id: u.id, role })} testId="team-member-role" />
                    ) : (
                      <Badge size="2xsmall">{t(`dash.role.${u.role}` as DashboardKey)}</Badge>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        <ErrorNotice error={change.error} />
        {change.isSuccess && <Text size="small" className="text-ui-fg-subtle mt-2" role="status">{t("team.roleChanged")}</Text>}
      </Card>
      {isOwner && <InviteForm />}
      {isOwner && (
        <Card title={t("team.pending")} testId="merchant-invites">
          {invites.error ? <ErrorNotice error={invites.error} /> : !invites.data ? <Loading /> : invites.data.invites.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted">{t("team.noInvites")}</Text>
          ) : (
            <ul className="flex flex-col gap-1">
              {invites.data.invites.map((i) => (
                <li key={i.id} className="txt-compact-small" data-testid="team-invite-row" data-email={i.email}>
                  <bdi dir="ltr">{i.email}</bdi> · {t(`dash.role.${i.role ?? "MANAGER"}` as DashboardKey)} ·{" "}
                  <span className="text-ui-fg-muted">{i.accepted_at ? t("team.accepted") : t("team.expires", { date: fmt.date(i.expires_at) })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <Card title={t("team.roles")}>
        <ul className="flex flex-col gap-2">
          {MERCHANT_ROLES.map((r) => (
            <li key={r} className="txt-compact-small"><strong>{t(`dash.role.${r}` as DashboardKey)}</strong> — {t(`team.about.${r}` as DashboardKey)}</li>
          ))}
        </ul>
      </Card>
    </div>
  )
}
