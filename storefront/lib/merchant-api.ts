// Client for the merchant portal API (docs/merchant-api.md): the `merchant` auth actor and
// `/merchant/*`. Plain fetch rather than the js-sdk, because the sdk's FetchError keeps only
// the message and the portal needs the whole error body `{ code, message, field }`.
import { keepRefreshToken, type IssuedSession } from "./session-refresh"
import type { Locale } from "./i18n"
import { BACKEND_URL } from "./sdk"

export const KYC_STATUSES = ["PENDING", "APPROVED", "REJECTED", "SUSPENDED"] as const
export type KycStatus = (typeof KYC_STATUSES)[number]

export const TAX_REGIMES = [
  "VAT_PAYER",
  "SIMPLIFIED_NO_VAT",
  "SIMPLIFIED_VAT_5",
  "SIMPLIFIED_VAT_7",
  "NOT_VAT_REGISTERED",
] as const
export type TaxRegime = (typeof TAX_REGIMES)[number]

export type Merchant = {
  id: string
  handle: string
  legal_name: string
  display_name: string
  country_code: string
  inn: string | null
  trn: string | null
  tax_regime: TaxRegime
  legal_address: string | null
  /** Masked by the server: only enough to recognise the account. */
  payout_method:
    | { type: "bank_transfer"; account_holder: string | null; iban_last4: string | null; iban_country: string | null; account_last4?: string | null; bic: string | null }
    | { type: "stripe_connect"; stripe_account_id: string | null }
    | null
  kyc_status: KycStatus
  kyc_reason: string | null
  contact_email: string
  contact_phone: string | null
  default_locale: string
  created_at: string
}

/** Staff roles; each opens its own /merchant routes (server: src/lib/merchant-roles.ts). */
export const MERCHANT_ROLES = ["OWNER", "MANAGER", "FULFILMENT", "FINANCE"] as const
export type MerchantRole = (typeof MERCHANT_ROLES)[number]

export type MerchantUser = {
  id: string
  email: string
  role: MerchantRole
  /** The member's own language for the shop's e-mails (null: the shop's default). */
  locale?: Locale | null
  merchant_id: string
}

export type MerchantPrice = { id?: string; currency_code: string; amount: Amount }

export type MerchantProduct = {
  id: string
  title: string
  handle: string
  status: string
  kind?: string | null
  thumbnail?: string | null
  created_at?: string
  variants?: { id: string; title: string; sku?: string | null; prices?: MerchantPrice[] | null }[] | null
}

/** Amounts are in major units; the server may send them as decimal strings to stay exact. */
export type Amount = number | string

export type MerchantOrderItem = {
  id: string
  title: string
  subtitle?: string | null
  product_title?: string | null
  variant_title?: string | null
  variant_sku?: string | null
  quantity: number
  unit_price: Amount
  subtotal?: Amount | null
  total?: Amount | null
}

export type MerchantOrder = {
  id: string
  display_id: number
  created_at: string
  currency_code: string
  email: string | null
  status?: string
  items: MerchantOrderItem[]
  merchant_subtotal: Amount
}

export type Invite = { id: string; email: string; expires_at: string }

export type NewProductBody = {
  title: string
  kind: string
  status?: "draft" | "published"
  options: { title: string; values: string[] }[]
  variants: {
    title: string
    options: Record<string, string>
    prices: { currency_code: string; amount: number }[]
  }[]
}

export type ApplicationBody = {
  handle: string
  legal_name: string
  display_name: string
  country_code: string
  inn?: string
  trn?: string
  tax_regime: TaxRegime
  contact_email: string
  contact_phone?: string
  default_locale?: string
}

/** A non-2xx answer, with the server's stable error body (src/api/error-handler.ts). */
export class ApiError extends Error {
  constructor(
    message: string,
    public status: number,
    public code: string | null,
    public field: string | null
  ) {
    super(message)
    this.name = "ApiError"
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

type RequestOptions = { method?: "GET" | "POST" | "DELETE"; body?: unknown; token?: string | null; query?: Record<string, string | number | undefined> }

export async function merchantRequest<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const url = new URL(path, BACKEND_URL.replace(/\/+$/, "") + "/")
  for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined && v !== "") url.searchParams.set(k, String(v))
  const headers: Record<string, string> = { accept: "application/json" }
  if (opts.body !== undefined) headers["content-type"] = "application/json"
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  let res: Response
  try {
    res = await fetch(url, {
      method: opts.method ?? (opts.body !== undefined ? "POST" : "GET"),
      headers,
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      credentials: "omit",
    })
  } catch (e) {
    throw new ApiError(e instanceof Error ? e.message : String(e), 0, "NETWORK_ERROR", null)
  }
  const text = await res.text()
  let data: unknown = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  if (!res.ok) {
    const body = (data ?? {}) as { code?: unknown; message?: unknown; field?: unknown }
    throw new ApiError(
      typeof body.message === "string" && body.message ? body.message : res.statusText || `HTTP ${res.status}`,
      res.status,
      typeof body.code === "string" ? body.code : null,
      typeof body.field === "string" ? body.field : null
    )
  }
  return data as T
}

// ── auth (merchant actor) ──────────────────────────────────────────────────

export async function merchantLogin(email: string, password: string): Promise<string> {
  const issued = await merchantRequest<IssuedSession>("/auth/merchant/emailpass", { body: { email, password } })
  // Kept so the portal stays signed in past the 15-minute access token (lib/session-refresh.ts).
  keepRefreshToken("merchant", issued)
  return issued.token
}

export async function merchantRegister(email: string, password: string): Promise<string> {
  return (await merchantRequest<{ token: string }>("/auth/merchant/emailpass/register", { body: { email, password } }))
    .token
}

/**
 * Registers, or — when the identity already exists (a second attempt after a failed
 * application, or an existing account accepting an invite) — signs in with the same password.
 */
export async function registerOrLogin(email: string, password: string): Promise<string> {
  try {
    return await merchantRegister(email, password)
  } catch (e) {
    if (isApiError(e) && (e.status === 401 || e.status === 409 || e.status === 400) && /exist/i.test(e.message)) {
      return merchantLogin(email, password)
    }
    throw e
  }
}

// ── portal ──────────────────────────────────────────────────────────────────

export const merchantApi = {
  me: (token: string) => merchantRequest<{ merchant_user: MerchantUser; merchant: Merchant; sections?: string[] }>("/merchant/me", { token }),
  apply: (token: string, body: ApplicationBody) =>
    merchantRequest<{ merchant: Merchant }>("/merchant/applications", { token, body }),
  products: (token: string) =>
    merchantRequest<{ products: MerchantProduct[]; count: number }>("/merchant/products", {
      token,
      query: { limit: 100 },
    }),
  createProduct: (token: string, body: NewProductBody) =>
    merchantRequest<{ product: MerchantProduct }>("/merchant/products", { token, body }),
  orders: (token: string) =>
    merchantRequest<{ orders: MerchantOrder[]; count: number }>("/merchant/orders", { token, query: { limit: 50 } }),
  staff: (token: string) => merchantRequest<{ staff: MerchantUser[] }>("/merchant/staff", { token }),
  invites: (token: string) => merchantRequest<{ invites: Invite[] }>("/merchant/invites", { token }),
  invite: (token: string, email: string) =>
    merchantRequest<{ invite: Invite; token: string }>("/merchant/invites", { token, body: { email } }),
  acceptInvite: (token: string, inviteToken: string) =>
    merchantRequest<{ merchant_user: MerchantUser }>("/merchant/invites/accept", { token, body: { token: inviteToken } }),
}

/**
 * The merchant-user id a token carries (JWT `actor_id`), read without verifying: only for
 * UI routing. Empty for an identity that registered but has not applied or joined yet.
 */
export function tokenActorId(token: string): string {
  try {
    const payload = token.split(".")[1] ?? ""
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="))
    const actor = (JSON.parse(json) as { actor_id?: unknown }).actor_id
    return typeof actor === "string" ? actor : ""
  } catch {
    return ""
  }
}
