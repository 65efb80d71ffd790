"use client"

import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { describeError } from "@/lib/errors"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { isApiError } from "@/lib/merchant-api"

/** A page's title row: heading, an optional line under it and actions at the end. */
/** `titleIsData`: the title is something a person typed (a product's name), isolated for bidi and shown as is. */
export function PageHeader({ title, subtitle, actions, testId, titleIsData }: { title: string; subtitle?: ReactNode; actions?: ReactNode; testId?: string; titleIsData?: boolean }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4" data-testid={testId}>
      <div>
        <Heading level="h1" dir={titleIsData ? "auto" : undefined}>{title}</Heading>
        {subtitle && <Text size="small" className="text-ui-fg-subtle mt-1">{subtitle}</Text>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  )
}

/** A white card section in the admin's style, with an optional heading row. */
export function Card({ title, actions, children, testId, className = "" }: { title?: string; actions?: ReactNode; children: ReactNode; testId?: string; className?: string }) {
  return (
    <section className={`bg-ui-bg-base shadow-elevation-card-rest rounded-lg ${className}`} data-testid={testId}>
      {(title || actions) && (
        <div className="flex items-center justify-between gap-2 border-b border-ui-border-base px-6 py-4">
          {title && <Heading level="h2">{title}</Heading>}
          {actions}
        </div>
      )}
      <div className="px-6 py-4">{children}</div>
    </section>
  )
}

/** An API error in the viewer's words (never its code); the code stays in an attribute for tests. */
export function ErrorNotice({ error, testId = "dash-error" }: { error: unknown; testId?: string }) {
  const { locale } = useDashboardI18n()
  if (!error) return null
  return (
    <div role="alert" className="bg-ui-tag-red-bg text-ui-tag-red-text border-ui-tag-red-border rounded-md border px-3 py-2 txt-compact-small" data-testid={testId} data-code={isApiError(error) ? error.code ?? "" : ""}>
      {describeError(locale, error)}
    </div>
  )
}

export function Loading() {
  const { t } = useDashboardI18n()
  return <Text size="small" className="text-ui-fg-muted" role="status" data-testid="dash-loading">{t("dash.loading")}</Text>
}

/**
 * A sentence of the viewer's language holding someone's data (a warehouse's or product's name): the
 * words come from `t` with the `{name}` placeholder kept, the value is put in as an isolated <bdi>, so
 * a Latin name inside an Arabic sentence keeps its order.
 */
export function withData(sentence: string, name: string, value: string): ReactNode {
  const token = `{${name}}`
  return sentence.split(token).flatMap((part, i) => (i === 0 ? [part] : [<bdi key={i}>{value}</bdi>, part]))
}
