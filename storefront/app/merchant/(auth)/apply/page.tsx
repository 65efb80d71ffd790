"use client"

import Link from "next/link"
import { useState } from "react"
import { AccountFields, FormActions, useCredentials, useMerchantForm } from "@/components/merchant/AccountForm"
import { Field } from "@/components/merchant/ui"
import { useI18n } from "@/lib/i18n-context"
import {
  merchantApi,
  merchantLogin,
  registerOrLogin,
  TAX_REGIMES,
  type ApplicationBody,
  type TaxRegime,
} from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

type Country = "RU" | "AE" | "OTHER"
const COUNTRIES: Country[] = ["RU", "AE", "OTHER"]

export default function MerchantApplyPage() {
  const { t, locale } = useI18n()
  const { setToken } = useMerchantSession()

  const credentials = useCredentials()
  const { email, password } = credentials
  const [handle, setHandle] = useState("")
  const [legalName, setLegalName] = useState("")
  const [displayName, setDisplayName] = useState("")
  const [country, setCountry] = useState<Country>("RU")
  const [otherCountry, setOtherCountry] = useState("")
  const [inn, setInn] = useState("")
  const [trn, setTrn] = useState("")
  const [taxRegime, setTaxRegime] = useState<TaxRegime>("VAT_PAYER")
  const [contactEmail, setContactEmail] = useState("")
  const [contactPhone, setContactPhone] = useState("")

  // The token from registration survives a rejected application, so a corrected
  // resubmission does not try to register the same email again.
  const [registration, setRegistration] = useState<{ email: string; token: string } | null>(null)
  const [done, setDone] = useState<string | null>(null)

  const form = useMerchantForm(async () => {
    const account = email.trim()
    let regToken = registration?.email === account ? registration.token : null
    if (!regToken) {
      regToken = await registerOrLogin(account, password)
      setRegistration({ email: account, token: regToken })
    }
    const body: ApplicationBody = {
      handle: handle.trim(),
      legal_name: legalName.trim(),
      display_name: displayName.trim(),
      country_code: (country === "OTHER" ? otherCountry.trim() : country).toLowerCase(),
      tax_regime: taxRegime,
      contact_email: (contactEmail.trim() || account),
      default_locale: locale,
    }
    if (country === "RU") body.inn = inn.trim()
    if (country === "AE") body.trn = trn.trim()
    if (contactPhone.trim()) body.contact_phone = contactPhone.trim()
    const { merchant } = await merchantApi.apply(regToken, body)
    // The registration token carries no merchant user yet: sign in again.
    setToken(await merchantLogin(account, password))
    setDone(merchant.display_name)
  })

  if (done) {
    return (
      <section className="portal-narrow">
        <h1>{t("portal.apply.heading")}</h1>
        <p className="status-banner status-pending" data-testid="merchant-application-pending" data-status="PENDING">
          {t("portal.apply.pending", { name: done })}
        </p>
        <Link href="/merchant" className="button">{t("portal.apply.toDashboard")}</Link>
      </section>
    )
  }

  return (
    <section className="portal-narrow">
      <h1>{t("portal.apply.heading")}</h1>
      <form className="form" method="post" onSubmit={form.onSubmit} data-testid="merchant-apply-form">
        <fieldset disabled={!form.hydrated}>
          <legend>{t("portal.apply.account")}</legend>
          <AccountFields
            testIdPrefix="merchant-apply"
            credentials={credentials}
            passwordAutoComplete="new-password"
            error={form.error}
          />
        </fieldset>

        <fieldset disabled={!form.hydrated}>
          <legend>{t("portal.apply.business")}</legend>
          <Field label={t("portal.apply.handle")} name="handle" error={form.error} hint={t("portal.apply.handleHint", { handle: handle || "…" })}>
            <input
              required
              dir="ltr"
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              value={handle}
              onChange={(e) => setHandle(e.target.value.toLowerCase())}
              data-testid="merchant-apply-handle"
            />
          </Field>
          <Field label={t("portal.apply.legalName")} name="legal_name" error={form.error}>
            <input required dir="auto" value={legalName} onChange={(e) => setLegalName(e.target.value)} data-testid="merchant-apply-legal-name" />
          </Field>
          <Field label={t("portal.apply.displayName")} name="display_name" error={form.error}>
            <input required dir="auto" value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="merchant-apply-display-name" />
          </Field>
          <Field label={t("portal.apply.country")} name="country_code" error={form.error}>
            <select value={country} onChange={(e) => setCountry(e.target.value as Country)} data-testid="merchant-apply-country">
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>{t(`country.${c}`)}</option>
              ))}
            </select>
          </Field>
          {country === "OTHER" && (
            <Field label={t("portal.apply.countryCode")} name="country_code_other">
              <input
                required
                dir="ltr"
                maxLength={2}
                pattern="[A-Za-z]{2}"
                value={otherCountry}
                onChange={(e) => setOtherCountry(e.target.value)}
                data-testid="merchant-apply-country-code"
              />
            </Field>
          )}
          {country === "RU" && (
            <Field label={t("portal.apply.inn")} name="inn" error={form.error}>
              <input required dir="ltr" inputMode="numeric" pattern="\d{10}|\d{12}" value={inn} onChange={(e) => setInn(e.target.value)} data-testid="merchant-apply-inn" />
            </Field>
          )}
          {country === "AE" && (
            <Field label={t("portal.apply.trn")} name="trn" error={form.error}>
              <input required dir="ltr" inputMode="numeric" pattern="\d{15}" value={trn} onChange={(e) => setTrn(e.target.value)} data-testid="merchant-apply-trn" />
            </Field>
          )}
          <Field label={t("portal.apply.taxRegime")} name="tax_regime" error={form.error}>
            <select value={taxRegime} onChange={(e) => setTaxRegime(e.target.value as TaxRegime)} data-testid="merchant-apply-tax-regime">
              {TAX_REGIMES.map((r) => (
                <option key={r} value={r}>{t(`tax.${r}`)}</option>
              ))}
            </select>
          </Field>
          <Field label={t("portal.apply.contactEmail")} name="contact_email" error={form.error}>
            <input type="email" required value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} data-testid="merchant-apply-contact-email" />
          </Field>
          <Field label={t("portal.apply.contactPhone")} name="contact_phone" error={form.error}>
            <input type="tel" dir="ltr" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} data-testid="merchant-apply-contact-phone" />
          </Field>
        </fieldset>

        <FormActions form={form} testIdPrefix="merchant-apply" label={t("portal.apply.submit")} busyLabel={t("portal.apply.busy")} />
      </form>
      <p className="muted">
        {t("portal.apply.haveAccount")} <Link href="/merchant/login">{t("portal.nav.login")}</Link>
      </p>
    </section>
  )
}
