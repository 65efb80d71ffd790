"use client"

import { useEffect, useState, type ReactNode } from "react"
import { useI18n } from "@/lib/i18n-context"
import { isApiError } from "@/lib/merchant-api"

/** Shows an API error with its stable `code` (e.g. MERCHANT_SUSPENDED) and the server's message. */
export function ApiErrorBox({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useI18n()
  if (!error) return null
  if (isApiError(error)) {
    return (
      <p className="alert" role="alert" data-testid={testId ?? "error"} data-code={error.code ?? ""}>
        {error.code && (
          <>
            <code className="error-code" data-testid="error-code">{error.code}</code>{" "}
          </>
        )}
        <span data-testid="error-message">{error.message}</span>
      </p>
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return (
    <p className="alert" role="alert" data-testid={testId ?? "error"}>
      {t("common.error", { message })}
    </p>
  )
}

/** The error's message under the input it is about (`field` of a 4xx body). */
export function fieldErrorOf(error: unknown, ...fields: string[]): string | null {
  if (!isApiError(error) || !error.field) return null
  return fields.some((f) => error.field === f || error.field!.startsWith(`${f}.`)) ? error.message : null
}

type FieldProps = {
  label: string
  name: string
  error?: unknown
  hint?: ReactNode
  children: ReactNode
}

/** A labelled form row; shows the API error for `name` beneath it. */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const message = fieldErrorOf(error, name)
  return (
    <label className={message ? "field invalid" : "field"} data-field={name}>
      <span>{label}</span>
      {children}
      {hint && <small className="muted">{hint}</small>}
      {message && (
        <small className="field-error" role="alert" data-testid={`field-error-${name}`}>
          {message}
        </small>
      )}
    </label>
  )
}

/**
 * false during server render and before hydration. Submit buttons stay disabled until then,
 * so a click on the server-rendered form can never submit it natively (credentials in the URL).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
