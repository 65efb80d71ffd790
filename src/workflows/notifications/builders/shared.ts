import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { localeFrom, readerLocale, type ReaderLocale } from "../../../lib/notifications/locale"
import { toMinor } from "../../../lib/money"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type { Recipient } from "../types"
import { itemsInReaderLanguage } from "../../catalog/item-titles"

export type OrderFacts = {
  id: string
  display_id: number | string
  email: string | null
  currency_code: string
  customer_id: string | null
  locale: ReaderLocale
  total_minor: number
  shipping_minor: number
  items: { id: string; title: string; quantity: number; total_minor: number }[]
}

/**
 * The order as a buyer's message needs it, amounts in minor units (src/lib/money.ts at the boundary),
 * item names in the buyer's language (or `namesIn`, e.g. a merchant's), as bought where the catalogue has none.
 */
export async function orderFacts(container: MedusaContainer, orderId: string, namesIn?: ReaderLocale): Promise<OrderFacts | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "email", "currency_code", "total", "shipping_total", "metadata", "customer_id", "customer.metadata",
      "shipping_address.country_code", "billing_address.country_code", "items.id", "items.title", "items.product_title", "items.quantity", "items.total",
      "locale", "items.subtitle", "items.variant_title", "items.product_id", "items.variant_id"],
    filters: { id: orderId },
  })
  const o: any = data[0]
  if (!o) return null
  const cur = o.currency_code
  const locale = readerLocale({ metadata: [o.metadata, o.customer?.metadata], countryCodes: [o.shipping_address?.country_code, o.billing_address?.country_code] })
  const items = await itemsInReaderLanguage(container, (o.items ?? []).filter(Boolean), namesIn ?? locale, o.locale ?? null)
  return {
    id: o.id, display_id: o.display_id, email: o.email ?? null, currency_code: cur, customer_id: o.customer_id ?? null,
    locale,
    total_minor: toMinor(o.total ?? 0, cur),
    shipping_minor: toMinor(o.shipping_total ?? 0, cur),
    items: items.map((i: any) => ({
      id: i.id, title: i.product_title && i.title && i.title !== "Default" && i.title !== i.product_title ? `${i.product_title} (${i.title})` : (i.product_title ?? i.title),
      quantity: Number(i.quantity), total_minor: toMinor(i.total ?? 0, cur),
    })),
  }
}

export function buyerOf(order: OrderFacts): Recipient {
  return { email: order.email, person: order.customer_id ? { type: "customer", id: order.customer_id } : null, locale: order.locale }
}

/**
 * A merchant's owners, each in their own language (the member's `locale`, set from the dashboard's
 * language picker), else the shop's default_locale, else its country's; never the buyer's.
 */
export async function merchantRecipients(container: MedusaContainer, merchantId: string): Promise<{ name: string; recipients: Recipient[]; kyc_changed_at: string } | null> {
  const marketplace: any = container.resolve(MARKETPLACE_MODULE)
  const [merchant] = await marketplace.listMerchants({ id: merchantId }, { relations: ["users"] })
  if (!merchant) return null
  const locale = readerLocale({ metadata: [{ locale: merchant.default_locale }], countryCodes: [merchant.country_code] })
  const owners = (merchant.users ?? []).filter((u: any) => u.role === "OWNER")
  const recipients: Recipient[] = owners.length
    ? owners.map((u: any) => ({ email: u.email, person: { type: "merchant_user" as const, id: u.id }, locale: localeFrom(u.locale) ?? locale }))
    : [{ email: merchant.contact_email, person: null, locale }]
  return { name: merchant.display_name, recipients, kyc_changed_at: new Date(merchant.updated_at).toISOString() }
}

/** Platform staff: the admin users, or only those ADMIN_NOTIFY_EMAILS lists; each in their own language. */
export async function adminRecipients(container: MedusaContainer): Promise<Recipient[]> {
  const only = (process.env.ADMIN_NOTIFY_EMAILS ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean)
  const users = await container.resolve(Modules.USER).listUsers({}, { take: 200 })
  return users
    .filter((u) => !only.length || only.includes(u.email.toLowerCase()))
    .map((u) => ({ email: u.email, person: { type: "user" as const, id: u.id }, locale: readerLocale({ metadata: [u.metadata] }) }))
}
