"use client"

import { Button, Input, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice } from "@/components/dashboard/parts"
import { settingsApi, type PayoutMethodChange } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { isApiError } from "@/lib/merchant-api"
import { canEditMoneySettings, SettingsField } from "./LegalProfile"

// A bank account by IBAN, a Russian account by number and BIK (Russia has no IBAN), or Stripe.
type Kind = "bank_transfer" | "ru_account" | "stripe_connect"

/** The payout account as stored: masked by the server (only its end is ever shown). */
function Current() {
  const { t } = useDashboardI18n()
  const { merchant } = useDashboard()
  const pm = merchant.payout_method
  if (!pm) return <Text size="small" className="text-ui-fg-muted" data-testid="settings-payout-current" data-set="false">{t("settings.payoutNone")}</Text>
  return (
    <Text size="small" data-testid="settings-payout-current" data-set="true" data-type={pm.type}>
      {pm.type === "stripe_connect"
        ? <>{t("settings.payoutStripe")} · <bdi dir="ltr">{pm.stripe_account_id}</bdi></>
        : <>
            {t("settings.payoutBank")}
            {pm.account_holder && <> · <bdi dir="auto">{pm.account_holder}</bdi></>}
            {pm.iban_last4 && <> · <bdi dir="ltr" data-testid="settings-payout-iban">{pm.iban_country} ••• {pm.iban_last4}</bdi></>}
            {pm.account_last4 && <> · <bdi dir="ltr" data-testid="settings-payout-account">••• {pm.account_last4}</bdi></>}
            {pm.bic ? <> · <bdi dir="ltr">{pm.bic}</bdi></> : null}
          </>}
    </Text>
  )
}

/**
 * Where payouts go: a bank account (holder, IBAN, BIC) or a Stripe Connect account. Owner and
 * finance replace it; the server checks the IBAN's check digits and answers in words when it is wrong.
 */
export function PayoutMethod() {
  const { t } = useDashboardI18n()
  const { token, merchantUser } = useDashboard()
  const qc = useQueryClient()
  const editable = canEditMoneySettings(merchantUser.role)
  const [kind, setKind] = useState<Kind>("bank_transfer")
  const [form, setForm] = useState({ account_holder: "", iban: "", bic: "", account_number: "", stripe_account_id: "" })
  const save = useMutation({
    mutationFn: (body: PayoutMethodChange) => settingsApi.payoutMethod(token, body),
    onSuccess: () => {
      setForm({ account_holder: "", iban: "", bic: "", account_number: "", stripe_account_id: "" })
      // The dashboard's merchant, and Home's checklist, which counts this step.
      void qc.invalidateQueries({ queryKey: ["merchant", token, "me"] })
      void qc.invalidateQueries({ queryKey: ["merchant", token, "home"] })
    },
  })
  const body: PayoutMethodChange = kind === "stripe_connect"
    ? { type: kind, stripe_account_id: form.stripe_account_id.trim() }
    : kind === "ru_account"
      ? { type: "bank_transfer", account_holder: form.account_holder, account_number: form.account_number, bic: form.bic }
      : { type: kind, account_holder: form.account_holder, iban: form.iban, ...(form.bic.trim() ? { bic: form.bic } : {}) }
  const ready = kind === "stripe_connect" ? !!form.stripe_account_id.trim()
    : kind === "ru_account" ? !!form.account_holder.trim() && !!form.account_number.trim() && !!form.bic.trim()
    : !!form.account_holder.trim() && !!form.iban.trim()
  const input = (id: keyof typeof form, extra: Record<string, unknown> = {}) => (
    <Input id={`settings-${id}`} size="small" value={form[id]} data-testid={`settings-${id}`} autoComplete="off"
      aria-invalid={isApiError(save.error) && save.error.field === id}
      onChange={(e) => { save.reset(); setForm({ ...form, [id]: e.target.value }) }} {...extra} />
  )
  return (
    <Card title={t("settings.payout")} testId="settings-payout">
      <div id="payout" className="flex flex-col gap-4">
        <Current />
        {editable ? (
          <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); if (ready) save.mutate(body) }}>
            <div className="flex flex-wrap gap-1" role="radiogroup" aria-label={t("settings.payoutKind")}>
              {(["bank_transfer", "ru_account", "stripe_connect"] as const).map((k) => (
                <Button key={k} type="button" size="small" variant={kind === k ? "primary" : "secondary"} role="radio" aria-checked={kind === k}
                  data-testid={`settings-payout-kind-${k}`} onClick={() => { save.reset(); setKind(k) }}>
                  {t(k === "bank_transfer" ? "settings.payoutIban" : k === "ru_account" ? "settings.payoutRu" : "settings.payoutStripe")}
                </Button>
              ))}
            </div>
            {kind === "ru_account" ? (
              <div className="grid gap-4 sm:grid-cols-3">
                <SettingsField id="account_holder" label={t("settings.accountHolder")} error={save.error}>{input("account_holder", { dir: "auto", maxLength: 200 })}</SettingsField>
                <SettingsField id="account_number" label={t("settings.accountNumber")} hint={t("settings.accountNumberHint")} error={save.error}>{input("account_number", { dir: "ltr", inputMode: "numeric", maxLength: 30 })}</SettingsField>
                <SettingsField id="bic" label={t("settings.bik")} hint={t("settings.bikHint")} error={save.error}>{input("bic", { dir: "ltr", inputMode: "numeric", maxLength: 9 })}</SettingsField>
              </div>
            ) : kind === "bank_transfer" ? (
              <div className="grid gap-4 sm:grid-cols-3">
                <SettingsField id="account_holder" label={t("settings.accountHolder")} error={save.error}>{input("account_holder", { dir: "auto", maxLength: 200 })}</SettingsField>
                <SettingsField id="iban" label={t("settings.iban")} hint={t("settings.ibanHint")} error={save.error}>{input("iban", { dir: "ltr", maxLength: 42, placeholder: "DE89 3704 0044 0532 0130 00" })}</SettingsField>
                <SettingsField id="bic" label={t("settings.bic")} hint={t("settings.optional")} error={save.error}>{input("bic", { dir: "ltr", maxLength: 14 })}</SettingsField>
              </div>
            ) : (
              <SettingsField id="stripe_account_id" label={t("settings.stripeAccount")} hint={t("settings.stripeHint")} error={save.error}>
                {input("stripe_account_id", { dir: "ltr", maxLength: 64, placeholder: "acct_…" })}
              </SettingsField>
            )}
            <div className="flex flex-wrap items-center gap-3">
              <Button size="small" type="submit" disabled={!ready} isLoading={save.isPending} data-testid="settings-payout-save">{t("settings.payoutSave")}</Button>
              {save.isSuccess && <Text size="small" className="text-ui-fg-subtle" role="status" data-testid="settings-payout-saved">{t("settings.saved")}</Text>}
            </div>
            <ErrorNotice error={save.error} testId="settings-payout-error" />
          </form>
        ) : (
          <Text size="small" className="text-ui-fg-muted">{t("settings.payoutReadOnly")}</Text>
        )}
      </div>
    </Card>
  )
}
