import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { seedAdminUser, seedPublishableKey, writeCredentials } from "./seed/access"
import { DEMO_MERCHANT_PASSWORD, seedDemoMerchantInns, seedMerchants } from "./seed/merchants"
import { seedMarketplaceMoney } from "./seed/money"
import { seedDemoOrders } from "./seed/orders"
import { seedBookingSchedules } from "./seed/booking"
import { seedCatalogue } from "./seed/products"
import { seedCourses } from "./seed/courses"
import { DEMO_PAYMENT_PROVIDERS, DEMO_REGIONS, seedCommerceSetup } from "./seed/setup"
import { seedVatAe } from "./seed/vat-ae"
import { seedCatalogueTranslations } from "./seed/translations"
import { reindexAll } from "../workflows/search/indexer"

// Bump when the demo data changes shape; a store already seeded at this version is left alone.
// 1: regions, stock, shipping, catalogue. 2: demo merchants owning the catalogue. 3: demo orders.
// 4: the sandbox PSP enabled in every demo region. 5: services and courses ship nothing.
const SEED_VERSION = 5

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

  const seeded = Number(store.metadata?.snail_seed_version ?? 0)
  if (seeded >= SEED_VERSION) {
    logger.info("Demo data already seeded; nothing to do.")
  } else {
    if (seeded < 1) {
      const setup = await seedCommerceSetup(container, store.id, salesChannel.id)
      await seedCatalogue(container, { salesChannelId: salesChannel.id, ...setup })
    }
    if (seeded < 2) await seedMerchants(container)
    if (seeded >= 1 && seeded < 4) await enableDemoPaymentProviders(container)
    if (seeded >= 1 && seeded < 5) await unshipDigitalProducts(container)
    if (seeded < 3) {
      const [europe] = await container.resolve(Modules.REGION).listRegions({ currency_code: "eur" })
      if (europe) await seedDemoOrders(container, { regionId: europe.id, salesChannelId: salesChannel.id })
    }
    await storeModule.updateStores(store.id, { metadata: { ...(store.metadata ?? {}), snail_seed_version: SEED_VERSION } })
    logger.info(`Demo data seeded (version ${SEED_VERSION}). Merchant owners sign in with password ${DEMO_MERCHANT_PASSWORD}.`)
  }
  // Self-idempotent demo data of later features (each checks whether its data exists).
  await seedDemoMerchantInns(container)
  await seedVatAe(container)
  await seedMarketplaceMoney(container)
  await seedCourses(container)
  await seedBookingSchedules(container)
  await seedCatalogueTranslations(container)
  // Schedules and course policies emit no event: index the demo catalogue once they exist (docs/search.md).
  await reindexAll(container)

  const credentials = { admin_email: admin.email, admin_password: admin.password, publishable_key: publishableKey }
  const file = writeCredentials(credentials)
  logger.info(
    `\n  Admin:           ${admin.email} / ${admin.password ?? "(existing user, password unchanged)"}` +
      `\n  Publishable key: ${publishableKey}` +
      `\n  (saved to ${file})\n`
  )
}

async function enableDemoPaymentProviders(container: ExecArgs["container"]) {
  const regions = await container.resolve(Modules.REGION).listRegions({ name: DEMO_REGIONS.map((r) => r.name) as string[] } as any)
  for (const region of regions) {
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: [...DEMO_PAYMENT_PROVIDERS] } },
    })
  }
}

// Products seeded before v5 gave every kind the shipping profile; services and courses lose it.
async function unshipDigitalProducts(container: ExecArgs["container"]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "product_kind.kind", "shipping_profile.id"] })
  const links = data
    .filter((p: any) => p.shipping_profile?.id && p.product_kind?.kind && p.product_kind.kind !== "PHYSICAL")
    .map((p: any) => ({ [Modules.PRODUCT]: { product_id: p.id }, [Modules.FULFILLMENT]: { shipping_profile_id: p.shipping_profile.id } }))
  if (links.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
}

async function ensureDefaultSalesChannel(container: ExecArgs["container"]) {
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannelModule.listSalesChannels({ name: "Default Sales Channel" })
  if (existing) return existing
  return salesChannelModule.createSalesChannels({ name: "Default Sales Channel" })
}
