// The dashboard's own calls on /merchant (lib/merchant-api.ts has the portal's older ones).
import type { Booking, Slot } from "../booking"
import { merchantRequest, type Merchant, type MerchantRole } from "../merchant-api"

export type HomeSummary = {
  todos: { orders_to_ship: number; bookings_today: number; disputes_open: number; payouts_pending: number }
  sales_30d: { currency_code: string; orders: number; gross: number; net: number; commission: number; commission_vat: number }[]
  balances: { currency_code: string; escrow: number; available: number; in_transit: number; paid_out: number }[]
  last_payout: { id: string; status: "PENDING" | "PAID" | "FAILED"; amount: number; currency_code: string; created_at: string } | null
  /** stock_and_shipping is left out for shops that sell no goods; its detail says what is missing. */
  checklist: { key: "legal_profile" | "payout_method" | "stock_and_shipping" | "first_product"; done: boolean; detail?: GoodsDetail }[]
  checklist_done: boolean
}

export type GoodsDetail = {
  location: boolean
  channels_missing: number
  regions_without_shipping: { id: string; name: string; currency_code: string }[]
  products_without_profile: number
  products_without_stock: number
  ships_somewhere: boolean
}

/** Today in the viewer's own time zone, as the server's `today_from` / `today_to`. */
function today() {
  const from = new Date()
  from.setHours(0, 0, 0, 0)
  const to = new Date(from)
  to.setDate(to.getDate() + 1)
  return { today_from: from.toISOString(), today_to: to.toISOString() }
}

export const dashboardApi = {
  home: (token: string) => merchantRequest<HomeSummary>("/merchant/home", { token, query: today() }),
}

export type LineRow = {
  id: string; order_id: string; display_id: number | null; created_at: string | null
  kind: "PHYSICAL" | "SERVICE" | "COURSE"; state: string; state_entered_at: string
  title: string | null; subtitle: string | null; thumbnail: string | null; quantity: number | null
  amount_minor: number; currency_code: string; carrier: string | null; tracking_number: string | null
  buyer: { name: string | null; city: string | null; country_code: string | null } | null
}

export type OrderLine = {
  id: string; line_item_id: string; title: string | null; subtitle: string | null; quantity: number | null; thumbnail: string | null
  kind: "PHYSICAL" | "SERVICE" | "COURSE"; state: string; carrier: string | null; tracking_number: string | null
  amount_minor: number; captured_amount: number | string; refunded_amount: number | string; currency_code: string
  history: { transition: string; from: string; to: string; actor_type: string; reason: string | null; at: string }[]
  booking: { id: string; status: string; start_at: string; end_at: string; timezone: string } | null
  allowed_transitions: { name: string; to: string }[]
}

export type ScopedOrder = {
  id: string; display_id: number; created_at: string; currency_code: string; email: string | null
  shipping_address: { first_name?: string; last_name?: string; address_1?: string; address_2?: string; city?: string; postal_code?: string; province?: string; country_code?: string; phone?: string } | null
  items: { id: string; title: string; subtitle?: string | null; variant_sku?: string | null; quantity: number }[]
}

export type MoneyEffect = { captured: number; refunded: number; released: number; merchant_net: number; platform_commission: number; commission_vat: number }

export const ordersApi = {
  lines: (token: string, states: string) =>
    merchantRequest<{ lines: LineRow[]; count: number }>("/merchant/lines", { token, query: { state: states, limit: 100 } }),
  order: (token: string, id: string) => merchantRequest<{ order: ScopedOrder }>(`/merchant/orders/${encodeURIComponent(id)}`, { token }),
  orderLines: (token: string, id: string) => merchantRequest<{ lines: OrderLine[] }>(`/merchant/orders/${encodeURIComponent(id)}/lines`, { token }),
  effect: (token: string, orderId: string, lineId: string, q: { to?: string; refund?: string }) =>
    merchantRequest<{ effect: MoneyEffect }>(`/merchant/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/effect`, { token, query: q }),
  transition: (token: string, orderId: string, lineId: string, body: { to: string; reason?: string; carrier?: string; tracking_number?: string }) =>
    merchantRequest<{ line: OrderLine }>(`/merchant/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/transitions`, { token, body }),
  refund: (token: string, orderId: string, lineId: string, body: { amount?: string; reason: string; restock?: boolean }) =>
    merchantRequest<{ refunded_minor: number; line: OrderLine }>(`/merchant/orders/${encodeURIComponent(orderId)}/lines/${encodeURIComponent(lineId)}/refunds`, { token, body }),
}

export type StaffMember = { id: string; email: string; role: MerchantRole; created_at?: string }
export type StaffInvite = { id: string; email: string; role: StaffRole; expires_at: string; accepted_at: string | null }
export type StaffRole = Exclude<MerchantRole, "OWNER">
export type Preference = { notification_type: string; channel: "email" | "telegram"; transactional: boolean; enabled: boolean }

export const teamApi = {
  staff: (token: string) => merchantRequest<{ staff: StaffMember[] }>("/merchant/staff", { token }),
  invites: (token: string) => merchantRequest<{ invites: StaffInvite[] }>("/merchant/invites", { token }),
  invite: (token: string, email: string, role: StaffRole) =>
    merchantRequest<{ invite: StaffInvite; token: string }>("/merchant/invites", { token, body: { email, role } }),
  changeRole: (token: string, id: string, role: StaffRole) =>
    merchantRequest<{ staff_member: StaffMember }>(`/merchant/staff/${encodeURIComponent(id)}`, { token, body: { role } }),
  preferences: (token: string) =>
    merchantRequest<{ telegram_linked: boolean; preferences: Preference[] }>("/merchant/me/notification-preferences", { token }),
  setPreference: (token: string, p: { notification_type: string; channel: string; enabled: boolean }) =>
    merchantRequest<{ telegram_linked: boolean; preferences: Preference[] }>("/merchant/me/notification-preferences", { token, body: { preferences: [p] } }),
}

export type MoveSlots = { booking_id: string; timezone: string; slot_minutes?: number; seats: number; slots: Slot[]; from: string; to: string }

export const bookingsApi = {
  /** Free slots this booking could move to (every seat of its line fits). */
  slots: (token: string, id: string, from: Date, to: Date) =>
    merchantRequest<MoveSlots>(`/merchant/bookings/${encodeURIComponent(id)}/slots`, { token, query: { from: from.toISOString(), to: to.toISOString() } }),
  /** Moves the appointment under the buyer's policy; answers with the new booking (a new id). */
  reschedule: (token: string, id: string, slotStart: string) =>
    merchantRequest<{ booking: Booking }>(`/merchant/bookings/${encodeURIComponent(id)}/reschedule`, { token, body: { slot_start: slotStart } }),
}

export type LegalChange = { legal_name?: string; legal_address?: string; inn?: string | null; trn?: string | null }
export type PayoutMethodChange =
  | { type: "bank_transfer"; account_holder: string; iban: string; bic?: string }
  | { type: "bank_transfer"; account_holder: string; account_number: string; bic: string }
  | { type: "stripe_connect"; stripe_account_id: string }

export const settingsApi = {
  legal: (token: string, body: LegalChange) => merchantRequest<{ merchant: Merchant }>("/merchant/me/legal", { token, body }),
  payoutMethod: (token: string, body: PayoutMethodChange) => merchantRequest<{ merchant: Merchant }>("/merchant/me/payout-method", { token, body }),
}

// Delivery (issue 22): the shop's own zones and options. Prices are integer minor units.
export type ShippingPrice = { currency_code: string; amount: number }
export type ShippingOption = {
  id: string; zone_id: string; name: string; price_type: string; prices: ShippingPrice[]
  /** Currencies of the zone's buyers without a price: they do not see the option. */
  missing_currencies: string[]
  enabled_in_store: boolean
}
export type ShippingZone = { id: string; name: string; countries: string[]; options: ShippingOption[] }
export type ShippingMarket = { country_code: string; region_id: string; region_name: string; currency_code: string }
export type MerchantShipping = {
  location: { id: string; name: string } | null
  zones: ShippingZone[]
  markets: { countries: ShippingMarket[]; currencies: string[] }
}
export type ZoneChange = { name?: string; countries?: string[] }
export type OptionChange = { name?: string; prices?: ShippingPrice[] }

export const shippingApi = {
  get: (token: string) => merchantRequest<MerchantShipping>("/merchant/shipping", { token }),
  createZone: (token: string, body: Required<ZoneChange>) => merchantRequest<{ zone: ShippingZone }>("/merchant/shipping/zones", { token, body }),
  updateZone: (token: string, id: string, body: ZoneChange) =>
    merchantRequest<{ zone: ShippingZone }>(`/merchant/shipping/zones/${encodeURIComponent(id)}`, { token, body }),
  deleteZone: (token: string, id: string) => merchantRequest<{ id: string }>(`/merchant/shipping/zones/${encodeURIComponent(id)}`, { token, method: "DELETE" }),
  createOption: (token: string, body: { zone_id: string; name: string; prices: ShippingPrice[] }) =>
    merchantRequest<{ shipping_option: ShippingOption }>("/merchant/shipping/options", { token, body }),
  updateOption: (token: string, id: string, body: OptionChange) =>
    merchantRequest<{ shipping_option: ShippingOption }>(`/merchant/shipping/options/${encodeURIComponent(id)}`, { token, body }),
  deleteOption: (token: string, id: string) =>
    merchantRequest<{ id: string }>(`/merchant/shipping/options/${encodeURIComponent(id)}`, { token, method: "DELETE" }),
}
