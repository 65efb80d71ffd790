import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PRIVACY_MODULE } from "../../../modules/privacy"
import type PrivacyModuleService from "../../../modules/privacy/service"

export const completePrivacyRequestStep = createStep(
  "complete-privacy-request",
  async ({ id, actor_id }: { id: string; actor_id: string }, { container }) => {
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    const done = await privacy.updatePrivacyRequests({ id, status: "COMPLETED", completed_at: new Date(), completed_by: actor_id })
    return new StepResponse(done, id)
  },
  async (id, { container }) => {
    if (!id) return
    const privacy: PrivacyModuleService = container.resolve(PRIVACY_MODULE)
    await privacy.updatePrivacyRequests({ id, status: "REQUESTED", completed_at: null, completed_by: null })
  }
)
