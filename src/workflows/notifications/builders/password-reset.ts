import { createHash } from "crypto"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { adminUrl, readerLocale, storefrontUrl } from "../../../lib/notifications/locale"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"

type Input = { entity_id: string; actor_type: string; token: string }

/**
 * Medusa's `auth.password_reset` (POST /auth/<actor>/emailpass/reset-password): the link goes to
 * the page of the actor's own app — storefront for customers, merchant portal, the admin for users.
 */
export const buildPasswordResetStep = createStep("build-password-reset-notification", async (input: Input, { container }) => {
  const email = String(input.entity_id ?? "").trim().toLowerCase()
  // The token itself never enters the log's key: only its hash names the event.
  const batch: Batch = { event_name: "auth.password_reset", event_id: `auth.password_reset:${createHash("sha256").update(String(input.token)).digest("hex")}`, messages: [] }
  if (!email || !input.token) return new StepResponse(batch)
  const q = `token=${encodeURIComponent(input.token)}&email=${encodeURIComponent(email)}`
  let url: string
  let locale = readerLocale({})
  if (input.actor_type === "customer") {
    url = `${storefrontUrl()}/reset-password?${q}`
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ email }, { take: 1 })
    locale = readerLocale({ metadata: [customer?.metadata] })
  } else if (input.actor_type === "merchant") {
    url = `${storefrontUrl()}/merchant/reset-password?${q}`
    const [user] = await (container.resolve(MARKETPLACE_MODULE) as any).listMerchantUsers({ email }, { relations: ["merchant"], take: 1 })
    locale = readerLocale({ metadata: [{ locale: user?.merchant?.default_locale }] })
  } else if (input.actor_type === "user") {
    url = `${adminUrl()}/reset-password?${q}`
  } else {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`[notifications] password reset for unknown actor type "${input.actor_type}" not sent`)
    return new StepResponse(batch)
  }
  batch.messages.push({
    type: "PASSWORD_RESET", template: "password-reset", recipients: [{ email, person: null, locale }], data: { reset_url: url },
    // The log keeps the link as [redacted]; a Resend asks Medusa for a new token instead of replaying this one.
    secrets: [String(input.token)], reissue: { kind: "password_reset", actor_type: input.actor_type, email },
  })
  return new StepResponse(batch)
})

export const notifyPasswordResetWorkflow = notificationWorkflow("notify-password-reset", buildPasswordResetStep)
