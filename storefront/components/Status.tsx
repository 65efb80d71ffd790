"use client"

import { useI18n } from "@/lib/i18n-context"

export function Loading() {
  const { t } = useI18n()
  return <p className="muted" data-testid="loading">{t("common.loading")}</p>
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n()
  const message = error instanceof Error ? error.message : String(error)
  return (
    <p className="alert" role="alert" data-testid="error">
      {t("common.error", { message })}
    </p>
  )
}
