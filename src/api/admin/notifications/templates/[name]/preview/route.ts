import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../../lib/snail-error"
import { renderTemplate, TEMPLATES } from "../../../../../../modules/notification-center/templates"
import { notificationSettingsUrl } from "../../../../../../lib/notifications/settings-link"
import { NOTIFICATION_TYPES } from "../../../../../../modules/notification-center/types"

const READER = { buyer: "customer", merchant: "merchant_user", admin: "user", any: "customer" } as const

/** A template rendered with its sample data in a locale: subject, HTML, text and attachment names. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const template = TEMPLATES[req.params.name]
  if (!template) throw new SnailError(404, "NOT_FOUND", "No such template.")
  const locale = ((req as any).validatedQuery?.locale ?? "en") as "en" | "ru" | "ar"
  const r = await renderTemplate(template.name, locale, template.sample, { settingsUrl: notificationSettingsUrl({ type: READER[NOTIFICATION_TYPES[template.type].audience] }) })
  res.json({ name: template.name, locale, subject: r.subject, html: r.html, text: r.text, attachments: r.attachments.map((a) => ({ filename: a.filename, content_type: a.content_type })) })
}
