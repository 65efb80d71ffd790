"use client"

import { useI18n } from "@/lib/i18n-context"
import { KINDS, type Kind } from "@/lib/sdk"

export function KindBadge({ kind }: { kind: Kind | null | undefined }) {
  const { t } = useI18n()
  const known = kind && (KINDS as readonly string[]).includes(kind)
  return (
    <span className={`kind-badge kind-${known ? kind.toLowerCase() : "other"}`} data-testid="kind-badge">
      {t(known ? `kind.${kind}` : "kind.OTHER")}
    </span>
  )
}
