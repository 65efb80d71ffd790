import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedAdminUser, seedPublishableKey, writeCredentials } from "./seed/access"
import { seedCatalogue } from "./seed/products"
import { seedCommerceSetup } from "./seed/setup"

// Bump when the demo data changes shape; a store already seeded at this version is left alone.
const SEED_VERSION = 1

/**
 * `medusa exec ./src/scripts/seed.ts`: demo regions, stock, shipping and catalogue, once;
 * the admin user and publishable key are ensured on every run and printed.
 */
export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { take: 1 })

  const salesChannel = await ensureDefaultSalesChannel(container)
  const publishableKey = await seedPublishableKey(container, salesChannel.id)
  const admin = await seedAdminUser(container)

  if (Number(store.metadata?.snail_seed_version ?? 0) >= SEED_VERSION) {
    logger.info("Demo data already seeded; nothing to do.")
  } else {
    const setup = await seedCommerceSetup(container, store.id, salesChannel.id)
    await seedCatalogue(container, { salesChannelId: salesChannel.id, ...setup })
    await storeModule.updateStores(store.id, { metadata: { ...(store.metadata ?? {}), snail_seed_version: SEED_VERSION } })
    logger.info("Demo data seeded.")
  }

  const credentials = { admin_email: admin.email, admin_password: admin.password, publishable_key: publishableKey }
  const file = writeCredentials(credentials)
  logger.info(
    `\n  Admin:           ${admin.email} / ${admin.password ?? "(existing user, password unchanged)"}` +
      `\n  Publishable key: ${publishableKey}` +
      `\n  (saved to ${file})\n`
  )
}

async function ensureDefaultSalesChannel(container: ExecArgs["container"]) {
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannelModule.listSalesChannels({ name: "Default Sales Channel" })
  if (existing) return existing
  return salesChannelModule.createSalesChannels({ name: "Default Sales Channel" })
}
