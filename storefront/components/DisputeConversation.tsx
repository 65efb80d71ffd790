"use client"

import { useMutation } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { useI18n } from "@/lib/i18n-context"
import type { Dispute } from "@/lib/marketplace-money"

/**
 * A dispute's messages and, while it is open, a reply box — shared by the buyer's order page and the
 * merchant portal. `send` posts the reply; its answer is handed to `onSent` (to update the caller's cache).
 */
export function DisputeConversation<R>({ dispute, send, onSent, renderError, rows = 2 }: {
  dispute: Dispute
  send: (body: string) => Promise<R>
  onSent: (updated: R) => void
  renderError: (error: unknown) => ReactNode
  rows?: number
}) {
  const { t, intlLocale } = useI18n()
  const [body, setBody] = useState("")
  const reply = useMutation({
    mutationFn: () => send(body.trim()),
    onSuccess: (updated) => {
      setBody("")
      onSent(updated)
    },
  })
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: "medium", timeStyle: "short" })
  return (
    <>
      <ol className="dispute-messages" data-testid="dispute-messages">
        {(dispute.messages ?? []).map((m) => (
          <li key={m.id} data-testid="dispute-message" data-author={m.author_type}>
            <span className="muted">
              {t(`dispute.author.${m.author_type}`)} · {date.format(new Date(m.created_at))}
            </span>
            <p dir="auto">{m.body}</p>
          </li>
        ))}
      </ol>
      {dispute.status === "OPEN" && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            if (body.trim()) reply.mutate()
          }}
        >
          <label className="field">
            <span>{t("dispute.reply")}</span>
            <textarea rows={rows} value={body} onChange={(e) => setBody(e.target.value)} data-testid="dispute-reply-input" dir="auto" />
          </label>
          {reply.error ? renderError(reply.error) : null}
          <button type="submit" className="button" disabled={!body.trim() || reply.isPending} data-testid="dispute-reply-send">
            {t("dispute.send")}
          </button>
        </form>
      )}
    </>
  )
}
