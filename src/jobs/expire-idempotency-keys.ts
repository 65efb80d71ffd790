import { observedJob } from "../observability/job-runs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { IDEMPOTENCY_MODULE } from "../modules/idempotency"
import type IdempotencyModuleService from "../modules/idempotency/service"

/** Idempotency keys live 24 h (README "Idempotency"); expired ones are already ignored, this removes them. */
async function expireIdempotencyKeys(container: MedusaContainer) {
  const service = container.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)
  const deleted = await service.deleteExpired()
  if (deleted) container.resolve(ContainerRegistrationKeys.LOGGER).info(`Deleted ${deleted} expired idempotency key(s)`)
}

export const config = {
  name: "expire-idempotency-keys",
  schedule: "0 * * * *",
}

export default observedJob(config.name, expireIdempotencyKeys)
