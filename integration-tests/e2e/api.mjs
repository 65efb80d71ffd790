// HTTP helpers the browser tests use to prepare data and check results through the API.

export const ADMIN = { email: "admin@snail.local", password: "snail-admin-123" }
export const SANDBOX_PROVIDER = "pp_sandbox_sandbox"

/** A JSON request; throws with the status and the start of the body unless 2xx. Non-JSON bodies come back as text. */
export async function http(backend, method, p, { token, body, headers = {}, pk } = {}) {
  const res = await fetch(`${backend}${p}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(pk ? { "x-publishable-api-key": pk } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status} ${text.slice(0, 300)}`)
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return text
  }
}

export async function adminToken(backend) {
  return (await http(backend, "POST", "/auth/user/emailpass", { body: ADMIN })).token
}

/** The seeded region of `currency`, with the sandbox PSP enabled on it. */
export async function regionWithSandbox(backend, currency) {
  const token = await adminToken(backend)
  const { regions } = await http(backend, "GET", `/admin/regions?currency_code=${currency}&fields=id,name,*countries,*payment_providers`, { token })
  const region = regions[0]
  if (!region) throw new Error(`no ${currency.toUpperCase()} region (seed missing?)`)
  const providers = (region.payment_providers ?? []).map((p) => p.id)
  if (!providers.includes(SANDBOX_PROVIDER)) {
    await http(backend, "POST", `/admin/regions/${region.id}`, { token, body: { payment_providers: [...providers, SANDBOX_PROVIDER] } })
  }
  return region
}

/**
 * A buyer orders `quantity` of the product `handle` in roubles, shipped to Moscow, paid with the
 * sandbox card (the fiscal and dashboard flows start from such an order). Returns the order.
 */
export async function placeRubOrder(backend, { handle, quantity, email, address }) {
  const token = await adminToken(backend)
  const russia = await regionWithSandbox(backend, "rub")
  const { api_keys } = await http(backend, "GET", "/admin/api-keys?type=publishable", { token })
  const store = { "x-publishable-api-key": api_keys[0].token }
  const { products } = await http(backend, "GET", `/store/products?handle=${handle}&region_id=${russia.id}`, { headers: store })
  const { cart } = await http(backend, "POST", "/store/carts", { headers: store, body: { region_id: russia.id, email } })
  await http(backend, "POST", `/store/carts/${cart.id}/line-items`, { headers: store, body: { variant_id: products[0].variants[0].id, quantity } })
  await http(backend, "POST", `/store/carts/${cart.id}`, { headers: store, body: { shipping_address: { ...address, city: "Moscow", country_code: "ru" } } })
  const { shipping_options } = await http(backend, "GET", `/store/shipping-options?cart_id=${cart.id}`, { headers: store })
  if (shipping_options?.length) await http(backend, "POST", `/store/carts/${cart.id}/shipping-methods`, { headers: store, body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await http(backend, "POST", "/store/payment-collections", { headers: store, body: { cart_id: cart.id } })
  await http(backend, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    headers: store, body: { provider_id: SANDBOX_PROVIDER, data: { card_number: "4242424242424242" } },
  })
  const placed = await http(backend, "POST", `/store/carts/${cart.id}/complete`, { headers: store })
  if (placed.type !== "order") throw new Error(`cart did not complete: ${JSON.stringify(placed).slice(0, 300)}`)
  return placed.order
}
