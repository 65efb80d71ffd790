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
