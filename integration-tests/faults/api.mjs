// What the fault suite does over real HTTP: a buyer checking out a physical product with the sandbox
// card, an operator moving and refunding its line, and reads of the PSP's own records.
import { waitFor } from "./stack.mjs"

const SANDBOX_PROVIDER = "pp_sandbox_sandbox"
const CARD = "4242424242424242"
export const PRODUCT_HANDLE = process.env.FAULTS_PRODUCT_HANDLE || "snail-shell-mug" // Snail Goods, PHYSICAL
const ADDRESS = { first_name: "Fay", last_name: "Ult", address_1: "1 Crash Street", city: "Berlin", country_code: "de", postal_code: "10115" }

/**
 * One request; never throws on an HTTP status. `{ status, data }`, or `{ status: 0, error }` when the
 * connection failed (a server killed mid-request answers nothing).
 */
export async function request(base, method, p, { token, pk, body, headers = {}, timeoutMs = 30_000 } = {}) {
  try {
    const res = await fetch(`${base}${p}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(pk ? { "x-publishable-api-key": pk } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let data = text
    try {
      data = text ? JSON.parse(text) : null
    } catch {
      /* not JSON */
    }
    return { status: res.status, data }
  } catch (e) {
    return { status: 0, error: e?.cause?.code ?? e?.name ?? String(e) }
  }
}

/** Like `request`, but a non-2xx answer is an error naming the call. */
export async function ok(base, method, p, opts) {
  const res = await request(base, method, p, opts)
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${method} ${p}: ${res.status ? `HTTP ${res.status} ${JSON.stringify(res.data).slice(0, 300)}` : `no answer (${res.error})`}`)
  }
  return res.data
}

/**
 * The admin, storefront and PSP sides of one running stack, talking to `base` (the main server, or
 * an armed sibling instance, which accepts the same admin token: one JWT secret).
 */
export function clients(stack, base = stack.serverUrl, signedIn) {
  const pk = stack.credentials.publishable_key
  let token
  const admin = {
    async token() {
      if (signedIn) return signedIn.admin.token()
      // Access tokens live 15 min (ACCESS_TOKEN_TTL, docs/security.md): sign in again well before that.
      if (!token || Date.now() - token.at > 10 * 60_000) {
        token = { at: Date.now(), value: (await ok(base, "POST", "/auth/user/emailpass", { body: { email: stack.credentials.admin_email, password: stack.credentials.admin_password ?? "snail-admin-123" } })).token }
      }
      return token.value
    },
    async get(p) {
      return ok(base, "GET", p, { token: await admin.token() })
    },
    async post(p, body, opts = {}) {
      return request(base, "POST", p, { token: await admin.token(), body, ...opts })
    },
    async request(method, p, opts = {}) {
      return request(base, method, p, { token: await admin.token(), ...opts })
    },
  }
  const store = {
    get: (p) => ok(base, "GET", p, { pk }),
    post: (p, body, opts = {}) => ok(base, "POST", p, { pk, body, ...opts }),
    request: (method, p, body, opts = {}) => request(base, method, p, { pk, body, ...opts }),
  }
  const psp = {
    get: (p) => ok(stack.pspUrl, "GET", p, { token: stack.pspKey }),
    intent: (id) => psp.get(`/v1/payment_intents/${id}`),
    async faults(config) {
      const res = await request(stack.pspUrl, "POST", "/v1/_test/faults", { token: stack.pspKey, body: config })
      if (res.status === 404) throw Object.assign(new Error("the sandbox PSP has no fault modes (POST /v1/_test/faults; issue 15 item 4)"), { name: "Check" })
      if (res.status !== 200) throw new Error(`POST /v1/_test/faults ${JSON.stringify(config)}: ${res.status} ${JSON.stringify(res.data ?? res.error).slice(0, 200)}`)
      return res.data
    },
  }
  return { admin, store, psp }
}

/** Seed data the scenarios share: the EUR region (sandbox PSP on), the product's variant and its inventory item. */
export async function shopContext(c) {
  const { regions } = await c.admin.get("/admin/regions?currency_code=eur&fields=id,*payment_providers")
  const region = regions[0]
  if (!region) throw new Error("no EUR region (seed missing?)")
  const providers = (region.payment_providers ?? []).map((p) => p.id)
  if (!providers.includes(SANDBOX_PROVIDER)) throw new Error(`the seeded EUR region does not offer ${SANDBOX_PROVIDER}: ${providers}`)
  const { products } = await c.store.get(`/store/products?handle=${PRODUCT_HANDLE}&region_id=${region.id}&fields=id,*variants`)
  const variant = products?.[0]?.variants?.[0]
  if (!variant) throw new Error(`no variant of ${PRODUCT_HANDLE}`)
  const { variant: withInventory } = await c.admin.get(`/admin/products/${products[0].id}/variants/${variant.id}?fields=id,inventory_items.inventory_item_id`)
  const inventoryItemId = withInventory.inventory_items?.[0]?.inventory_item_id
  if (!inventoryItemId) throw new Error(`${PRODUCT_HANDLE} has no inventory item`)
  return { regionId: region.id, variantId: variant.id, inventoryItemId }
}

let buyers = 0

/** A guest cart with one line, a shipping method and a sandbox payment session: ready to complete. */
export async function readyCart(c, shop, { quantity = 1 } = {}) {
  buyers += 1
  const email = `fault-buyer-${Date.now().toString(36)}-${buyers}@faults.local`
  const { cart } = await c.store.post("/store/carts", { region_id: shop.regionId, email, shipping_address: ADDRESS, billing_address: ADDRESS })
  await c.store.post(`/store/carts/${cart.id}/line-items`, { variant_id: shop.variantId, quantity })
  const { shipping_options } = await c.store.get(`/store/shipping-options?cart_id=${cart.id}`)
  if (!shipping_options?.length) throw new Error("no shipping option for a Berlin address")
  await c.store.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await c.store.post("/store/payment-collections", { cart_id: cart.id })
  await c.store.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: SANDBOX_PROVIDER, data: { card_number: CARD } })
  return { cartId: cart.id, email, paymentCollectionId: payment_collection.id }
}

/** POST /store/carts/:id/complete as a storefront does it (with an idempotency key when given). */
export function completeCart(c, cartId, idempotencyKey, { timeoutMs = 30_000 } = {}) {
  return c.store.request("POST", `/store/carts/${cartId}/complete`, {}, { timeoutMs, ...(idempotencyKey ? { headers: { "x-idempotency-key": idempotencyKey } } : {}) })
}

/** A placed order (checkout on a healthy server), its only line and its PSP intent. */
export async function placedOrder(c, shop) {
  const { cartId } = await readyCart(c, shop)
  const done = await completeCart(c, cartId)
  if (done.status !== 200 || done.data?.type !== "order") throw new Error(`checkout failed: ${done.status} ${JSON.stringify(done.data).slice(0, 300)}`)
  const orderId = done.data.order.id
  const line = await waitFor(async () => (await orderLines(c, orderId)).lines[0], `order ${orderId} has no line`)
  return { cartId, orderId, lineId: line.id, intentId: await intentOf(c, orderId) }
}

export async function orderLines(c, orderId) {
  return c.admin.get(`/admin/orders/${orderId}/lines`)
}

export async function lineOf(c, orderId, lineId) {
  const { lines } = await orderLines(c, orderId)
  return lines.find((l) => l.id === lineId)
}

export async function orderSummary(c, orderId) {
  const { order } = await c.admin.get(`/admin/orders/${orderId}?fields=id,status,payment_status,total,currency_code,items.id,payment_collections.payments.data,payment_collections.payments.captures.amount,payment_collections.payments.refunds.amount`)
  return order
}

export async function intentOf(c, orderId) {
  const order = await orderSummary(c, orderId)
  const intentId = order.payment_collections?.flatMap((pc) => pc.payments ?? []).map((p) => p.data?.intent_id).find(Boolean)
  if (!intentId) throw new Error(`order ${orderId} has no PSP intent`)
  return intentId
}

/** An operator moves a line (capture happens on PAID → FULFILLING). */
export function moveLine(c, orderId, lineId, to) {
  return c.admin.post(`/admin/orders/${orderId}/lines/${lineId}/transitions`, { to })
}

/**
 * An operator refunds part of a line (`amount` in major units, as the API takes it) with an
 * X-Idempotency-Key, as a careful client does: retrying after a 503 with the same key asks for the
 * same refund again, never a second one.
 */
export function refundLine(c, orderId, lineId, amount, key = `faults-refund-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`) {
  return c.admin.post(`/admin/orders/${orderId}/lines/${lineId}/refunds`, { amount, reason: "fault suite refund" }, { headers: { "x-idempotency-key": key } })
}

/** Runs the recovery routine now (the lead's `POST /admin/money/recover`). */
export function recover(c) {
  return c.admin.post("/admin/money/recover", {})
}

export async function ledgerOf(c, orderId) {
  return (await c.admin.get(`/admin/orders/${orderId}/splits`)).ledger
}
