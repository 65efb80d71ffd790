"use client"

import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState, type FormEvent } from "react"
import { Loading } from "@/components/Status"
import { useI18n } from "@/lib/i18n-context"
import { merchantApi, type MerchantUser } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"
import { ApiErrorBox, Field } from "./ui"
import { useMerchantQuery } from "./use-merchant-query"

export function StaffSection({ me }: { me: MerchantUser }) {
  const { t } = useI18n()
  const isOwner = me.role === "OWNER"
  const staff = useMerchantQuery("staff", merchantApi.staff)

  return (
    <section className="portal-section" data-testid="merchant-staff">
      <h2>{t("portal.staff.heading")}</h2>
      {staff.error ? (
        <ApiErrorBox error={staff.error} />
      ) : !staff.data ? (
        <Loading />
      ) : (
        <ul className="plain-list">
          {staff.data.staff.map((u) => (
            <li key={u.id} data-testid="merchant-staff-row" data-role={u.role}>
              <span dir="ltr">{u.email}</span> <span className="muted">({t(`role.${u.role}`)})</span>
            </li>
          ))}
        </ul>
      )}
      {isOwner && <Invites />}
    </section>
  )
}

function Invites() {
  const { t, intlLocale } = useI18n()
  const { token } = useMerchantSession()
  const qc = useQueryClient()
  const [email, setEmail] = useState("")
  const invites = useMerchantQuery("invites", merchantApi.invites)
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" })

  const mutation = useMutation({
    mutationFn: (address: string) => merchantApi.invite(token!, address),
    onSuccess: () => {
      setEmail("")
      qc.invalidateQueries({ queryKey: ["merchant", token, "invites"] })
    },
  })
  const created = mutation.data
  const link =
    created && typeof window !== "undefined"
      ? `${window.location.origin}/merchant/invite?token=${encodeURIComponent(created.token)}`
      : ""

  function onSubmit(e: FormEvent) {
    e.preventDefault()
    mutation.mutate(email.trim())
  }

  return (
    <>
      {invites.data && invites.data.invites.length > 0 && (
        <>
          <h3>{t("portal.invites.pending")}</h3>
          <ul className="plain-list">
            {invites.data.invites.map((i) => (
              <li key={i.id} data-testid="merchant-invite-row">
                <span dir="ltr">{i.email}</span>{" "}
                <span className="muted">{t("portal.invites.expires", { date: date.format(new Date(i.expires_at)) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="form card-form" onSubmit={onSubmit} data-testid="merchant-invite-form">
        <h3>{t("portal.invite.heading")}</h3>
        <Field label={t("portal.email")} name="email" error={mutation.error}>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="merchant-invite-email" />
        </Field>
        <ApiErrorBox error={mutation.error} testId="merchant-invite-error" />
        <button type="submit" className="button primary" disabled={mutation.isPending} data-testid="merchant-invite-submit">
          {mutation.isPending ? t("portal.invite.busy") : t("portal.invite.submit")}
        </button>
        {created && (
          <div className="success invite-result" data-testid="merchant-invite-result">
            <p>
              {t("portal.invite.created", {
                email: created.invite.email,
                date: date.format(new Date(created.invite.expires_at)),
              })}
            </p>
            <p>
              <a href={link} dir="ltr" data-testid="merchant-invite-link">{link}</a>
            </p>
            <p className="muted">
              {t("portal.invite.token")}: <code dir="ltr" data-testid="merchant-invite-token">{created.token}</code>
            </p>
          </div>
        )}
      </form>
    </>
  )
}
