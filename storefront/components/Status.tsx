"use client"

import { describeError } from "@/lib/errors"
import { useI18n } from "@/lib/i18n-context"

export function Loading() {
  const { t } = useI18n()
  return <p className="muted" data-testid="loading">{t("common.loading")}</p>
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { locale } = useI18n()
  // Words for the error's code or status; never the server's sentence, a code or an id.
  return (
    <p className="alert" role="alert" data-testid="error">
      {describeError(locale, error)}
    </p>
  )
}
