import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { ProductKindValue } from "../../lib/product-kinds"
import { MARKETPLACE_MODULE } from "../../modules/marketplace"
import type MarketplaceModuleService from "../../modules/marketplace/service"
import { applyForMerchantWorkflow } from "../../workflows/marketplace/apply-for-merchant"
import { changeMerchantKycWorkflow } from "../../workflows/marketplace/change-merchant-kyc"
import { updateMerchantLegalWorkflow } from "../../workflows/marketplace/update-merchant-legal"
import { DEMO_PRODUCTS } from "./catalogue"

type Container = ExecArgs["container"]
export const DEMO_MERCHANT_PASSWORD = "merchant-pass-123"

// Each approved demo merchant sells one kind of the demo catalogue; the pending one waits for review.
const DEMO_MERCHANTS = [
  {
    kind: "PHYSICAL" as ProductKindValue, approve: true,
    profile: { handle: "snail-goods", legal_name: "OOO Snail Goods", display_name: "Snail Goods", country_code: "ru",
      inn: "7701000019", tax_regime: "VAT_PAYER" as const, contact_email: "owner@snail-goods.local", default_locale: "ru" },
  },
  {
    kind: "SERVICE" as ProductKindValue, approve: true,
    profile: { handle: "desert-wellness", legal_name: "Desert Wellness FZ-LLC", display_name: "Desert Wellness", country_code: "ae",
      // Foreign organisations registered with the Russian FNS get an INN starting 9909 (checksum-valid):
      // with it they are in the RU market too (docs/fiscal.md).
      trn: "100123456700003", inn: "9909000029", tax_regime: "VAT_PAYER" as const, contact_email: "owner@desert-wellness.local", default_locale: "ar" },
  },
  {
    kind: "COURSE" as ProductKindValue, approve: true,
    profile: { handle: "slow-academy", legal_name: "Slow Academy GmbH", display_name: "Slow Academy", country_code: "de",
      inn: "9909000036", tax_regime: "VAT_PAYER" as const, contact_email: "owner@slow-academy.local", default_locale: "en" },
  },
  {
    kind: undefined, approve: false,
    profile: { handle: "pending-pottery", legal_name: "IP Gonchar", display_name: "Pending Pottery", country_code: "ru",
      inn: "5003000030", tax_regime: "SIMPLIFIED_NO_VAT" as const, contact_email: "owner@pending-pottery.local", default_locale: "ru" },
  },
]

/**
 * Self-idempotent, every run: a database seeded before the demo merchants had INNs gets them (through
 * the owner's own workflow), so Desert Wellness and Slow Academy sell in the Russia region there too.
 */
export async function seedDemoMerchantInns(container: Container) {
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  for (const demo of DEMO_MERCHANTS) {
    const inn = (demo.profile as { inn?: string }).inn
    if (!inn) continue
    const [merchant] = await marketplace.listMerchants({ handle: demo.profile.handle })
    if (merchant && !merchant.inn) await updateMerchantLegalWorkflow(container).run({ input: { merchant_id: merchant.id, inn, actor_id: "seed" } })
  }
}

/** Demo merchants with owner logins; existing demo products are handed to the merchant of their kind. */
export async function seedMerchants(container: Container) {
  const auth = container.resolve(Modules.AUTH)
  const marketplace: MarketplaceModuleService = container.resolve(MARKETPLACE_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  for (const demo of DEMO_MERCHANTS) {
    const [exists] = await marketplace.listMerchants({ handle: demo.profile.handle })
    if (exists) continue
    const email = demo.profile.contact_email
    const { authIdentity, error } = await auth.register("emailpass", { body: { email, password: DEMO_MERCHANT_PASSWORD } } as any)
    if (error || !authIdentity) throw new Error(`Could not register ${email}: ${error}`)
    const { result } = await applyForMerchantWorkflow(container).run({
      input: { auth_identity_id: authIdentity.id, email, profile: demo.profile },
    })
    if (demo.approve) {
      await changeMerchantKycWorkflow(container).run({
        input: { merchant_id: result.merchant.id, action: "approve", actor_id: "seed" },
      })
    }
    if (!demo.kind) {
      await seedPendingMerchantProduct(container, result.merchant.id)
      continue
    }
    const handles = DEMO_PRODUCTS.filter((p) => p.kind === demo.kind).map((p) => p.handle)
    const { data: products } = await query.graph({ entity: "product", fields: ["id", "merchant.id"], filters: { handle: handles } })
    const unowned = products.filter((p: any) => !p.merchant)
    if (unowned.length) {
      await link.create(unowned.map((p: any) => ({ [MARKETPLACE_MODULE]: { merchant_id: result.merchant.id }, [Modules.PRODUCT]: { product_id: p.id } })))
    }
  }
}

// The pending merchant already listed a product: the store must keep it hidden until approval.
async function seedPendingMerchantProduct(container: Container, merchantId: string) {
  const store = (await container.resolve(Modules.STORE).listStores({}, { take: 1 }))[0]
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Hand-thrown Vase",
          handle: "hand-thrown-vase",
          description: "Stoneware vase, about 25 cm tall.",
          status: "published",
          shipping_profile_id: profile?.id,
          sales_channels: store?.default_sales_channel_id ? [{ id: store.default_sales_channel_id }] : [],
          options: [{ title: "Format", values: ["Default"] }],
          variants: [{ title: "Default", sku: "VASE-1", options: { Format: "Default" }, manage_inventory: false,
            prices: [{ currency_code: "eur", amount: 45 }, { currency_code: "rub", amount: 3900 }, { currency_code: "aed", amount: 180 }] }],
        },
      ],
      additional_data: { kind: "PHYSICAL", merchant_id: merchantId },
    },
  })
}
