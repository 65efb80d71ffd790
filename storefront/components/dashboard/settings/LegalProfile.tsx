"use client"

import { Button, Input, Label, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice } from "@/components/dashboard/parts"
import { settingsApi, type LegalChange } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { isApiError } from "@/lib/merchant-api"

/** Who may change the legal profile and the payout method (the server's role table says the same). */
export const canEditMoneySettings = (role: string) => role === "OWNER" || role === "FINANCE"

/** A labelled input that marks itself invalid when the server's 400 names its field. */
export function SettingsField({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error: unknown; children: ReactNode }) {
  const invalid = isApiError(error) && error.field === id
  return (
    <div className="flex flex-col gap-1" data-field={id} data-invalid={invalid || undefined}>
      <Label htmlFor={`settings-${id}`} size="small" weight="plus">{label}</Label>
      {children}
      {hint && <Text size="xsmall" className="text-ui-fg-muted">{hint}</Text>}
    </div>
  )
}

/**
 * The legal profile: registered name and address, tax numbers. Owner and finance edit it (the
 * address and tax numbers are kept encrypted by the server); others read it.
 */
export function LegalProfile() {
  const { t } = useDashboardI18n()
  const { token, merchant, merchantUser } = useDashboard()
  const qc = useQueryClient()
  const editable = canEditMoneySettings(merchantUser.role)
  const [form, setForm] = useState({
    legal_name: merchant.legal_name ?? "", legal_address: merchant.legal_address ?? "", inn: merchant.inn ?? "", trn: merchant.trn ?? "",
  })
  const save = useMutation({
    mutationFn: (change: LegalChange) => settingsApi.legal(token, change),
    onSuccess: () => {
      // The dashboard's merchant, and Home's checklist, which counts these steps.
      void qc.invalidateQueries({ queryKey: ["merchant", token, "me"] })
      void qc.invalidateQueries({ queryKey: ["merchant", token, "home"] })
    },
  })
  // Only what changed is sent; an emptied tax number is removed (the server refuses it where the law needs one).
  const change: LegalChange = {}
  if (form.legal_name.trim() !== (merchant.legal_name ?? "")) change.legal_name = form.legal_name
  if (form.legal_address.trim() !== (merchant.legal_address ?? "")) change.legal_address = form.legal_address
  if (form.inn.trim() !== (merchant.inn ?? "")) change.inn = form.inn.trim() || null
  if (form.trn.trim() !== (merchant.trn ?? "")) change.trn = form.trn.trim() || null
  const dirty = Object.keys(change).length > 0
  const showInn = merchant.country_code === "ru" || !!merchant.inn || form.inn !== ""
  const showTrn = merchant.country_code === "ae" || !!merchant.trn || form.trn !== ""
  const input = (id: keyof typeof form, extra: Record<string, unknown> = {}) => (
    <Input id={`settings-${id}`} size="small" value={form[id]} disabled={!editable} data-testid={`settings-${id}`}
      aria-invalid={isApiError(save.error) && save.error.field === id}
      onChange={(e) => { save.reset(); setForm({ ...form, [id]: e.target.value }) }} {...extra} />
  )
  return (
    <Card title={t("settings.legal")} testId="settings-legal">
      <form id="legal" className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); if (dirty) save.mutate(change) }}>
        <Text size="small" className="text-ui-fg-subtle">{editable ? t("settings.legalHint") : t("settings.legalReadOnly")}</Text>
        <div className="grid gap-4 sm:grid-cols-2">
          <SettingsField id="legal_name" label={t("settings.legalName")} error={save.error}>{input("legal_name", { dir: "auto", maxLength: 200 })}</SettingsField>
          <SettingsField id="legal_address" label={t("settings.legalAddress")} hint={t("settings.legalAddressHint")} error={save.error}>
            {input("legal_address", { dir: "auto", maxLength: 300, placeholder: t("settings.legalAddressPlaceholder") })}
          </SettingsField>
          {showInn && <SettingsField id="inn" label={t("settings.inn")} hint={t("settings.innHint")} error={save.error}>{input("inn", { dir: "ltr", inputMode: "numeric", maxLength: 12 })}</SettingsField>}
          {showTrn && <SettingsField id="trn" label={t("settings.trn")} hint={t("settings.trnHint")} error={save.error}>{input("trn", { dir: "ltr", inputMode: "numeric", maxLength: 15 })}</SettingsField>}
        </div>
        {editable && (
          <div className="flex flex-wrap items-center gap-3">
            <Button size="small" type="submit" disabled={!dirty} isLoading={save.isPending} data-testid="settings-legal-save">{t("settings.save")}</Button>
            {save.isSuccess && !dirty && <Text size="small" className="text-ui-fg-subtle" role="status" data-testid="settings-legal-saved">{t("settings.saved")}</Text>}
          </div>
        )}
        <ErrorNotice error={save.error} testId="settings-legal-error" />
      </form>
    </Card>
  )
}
