"use client"

import { useState, type FormEvent } from "react"
import { ApiErrorBox, Field, useHydrated } from "@/components/merchant/ui"
import { useI18n } from "@/lib/i18n-context"

/**
 * Busy/error state and submit handler shared by the merchant portal's sign-in, apply and
 * accept-invite forms. `action` does the work; a thrown error is kept for display.
 * With `keepBusyOnSuccess` the form stays busy after success (the page navigates away).
 */
export function useMerchantForm(action: () => Promise<void>, { keepBusyOnSuccess = false } = {}) {
  const hydrated = useHydrated()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function onSubmit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await action()
      if (!keepBusyOnSuccess) setBusy(false)
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return { hydrated, busy, error, onSubmit }
}

export type MerchantFormState = ReturnType<typeof useMerchantForm>

/** Email + password state of a merchant account form. */
export function useCredentials() {
  const [email, setEmail] = useState("")
  const [password, setPassword] = useState("")
  return { email, setEmail, password, setPassword }
}

type AccountFieldsProps = {
  /** data-testid prefix: `${testIdPrefix}-email`, `${testIdPrefix}-password`. */
  testIdPrefix: string
  credentials: ReturnType<typeof useCredentials>
  passwordAutoComplete: "current-password" | "new-password"
  /** API error to show under the matching field, if the form wants field errors. */
  error?: unknown
}

/** The email + password rows of a merchant account form. */
export function AccountFields({
  testIdPrefix,
  credentials: { email, setEmail, password, setPassword },
  passwordAutoComplete,
  error,
}: AccountFieldsProps) {
  const { t } = useI18n()
  return (
    <>
      <Field label={t("portal.email")} name="email" error={error}>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid={`${testIdPrefix}-email`}
        />
      </Field>
      <Field label={t("portal.password")} name="password" error={error}>
        <input
          type="password"
          name="password"
          autoComplete={passwordAutoComplete}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid={`${testIdPrefix}-password`}
        />
      </Field>
    </>
  )
}

/**
 * The API error box (`${testIdPrefix}-error`) and the primary submit button
 * (`${testIdPrefix}-submit`), disabled while busy and until hydrated.
 */
export function FormActions({
  form: { busy, hydrated, error },
  testIdPrefix,
  label,
  busyLabel,
}: {
  form: MerchantFormState
  testIdPrefix: string
  label: string
  busyLabel: string
}) {
  return (
    <>
      <ApiErrorBox error={error} testId={`${testIdPrefix}-error`} />
      <button type="submit" className="button primary" disabled={busy || !hydrated} data-testid={`${testIdPrefix}-submit`}>
        {busy ? busyLabel : label}
      </button>
    </>
  )
}
