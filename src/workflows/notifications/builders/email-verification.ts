import { createHash } from "crypto"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readerLocale, storefrontUrl } from "../../../lib/notifications/locale"
import { emailVerificationTtlMs } from "../../../lib/sessions/tokens"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import { notificationWorkflow } from "../notification-workflow"
import type { Batch } from "../types"

type Input = { actor_type: string; email: string; token: string }

/**
 * auth.email_verification_requested (registration, or "send the link again"): the one-time link to
 * the storefront's /verify-email page, which confirms it through POST /auth/verify-email.
 */
export const buildEmailVerificationStep = createStep("build-email-verification-notification", async (input: Input, { container }) => {
  const email = String(input.email ?? "").trim().toLowerCase()
  const batch: Batch = {
    event_name: "auth.email_verification_requested",
    event_id: `auth.email_verification:${createHash("sha256").update(String(input.token)).digest("hex")}`,
    messages: [],
  }
  if (!email || !input.token) return new StepResponse(batch)
  let locale = readerLocale({})
  if (input.actor_type === "customer") {
    const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ email }, { take: 1 })
    locale = readerLocale({ metadata: [customer?.metadata] })
  } else if (input.actor_type === "merchant") {
    const [user] = await (container.resolve(MARKETPLACE_MODULE) as any).listMerchantUsers({ email }, { relations: ["merchant"], take: 1 })
    locale = readerLocale({ metadata: [{ locale: user?.merchant?.default_locale }] })
  }
  batch.messages.push({
    type: "EMAIL_VERIFICATION", template: "email-verification", recipients: [{ email, person: null, locale }],
    data: { verify_url: `${storefrontUrl()}/verify-email?token=${encodeURIComponent(input.token)}`, expires_hours: Math.round(emailVerificationTtlMs() / 3_600_000) },
    secrets: [String(input.token)], reissue: { kind: "email_verification", actor_type: input.actor_type, email },
  })
  return new StepResponse(batch)
})

export const notifyEmailVerificationWorkflow = notificationWorkflow("notify-email-verification", buildEmailVerificationStep)
