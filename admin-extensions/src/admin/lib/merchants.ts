import { sdk } from "./sdk"

// Types and API helpers for the platform-admin merchant screens (see docs/merchant-api.md).

export const KYC_STATUSES = ["PENDING", "APPROVED", "REJECTED", "SUSPENDED"] as const
export type KycStatus = (typeof KYC_STATUSES)[number]

export type PayoutMethod = {
  type: string
  account_holder?: string
  iban?: string
  [key: string]: unknown
}

export type MerchantUser = {
  id: string
  email: string
  role: "OWNER" | "STAFF" | string
  merchant_id: string
}

export type Merchant = {
  id: string
  handle: string
  legal_name: string
  display_name: string
  country_code: string
  inn: string | null
  trn: string | null
  tax_regime: string
  payout_method: PayoutMethod | null
  kyc_status: KycStatus
  kyc_reason: string | null
  contact_email: string
  contact_phone: string | null
  default_locale?: string
  created_at: string
  users?: MerchantUser[]
  product_count?: number
}

export type MerchantListResponse = { merchants: Merchant[]; count: number; limit: number; offset: number }
export type MerchantResponse = { merchant: Merchant }

export type MerchantAction = "approve" | "reject" | "suspend"

export const STATUS_COLOR: Record<KycStatus, "green" | "red" | "orange" | "grey"> = {
  PENDING: "orange",
  APPROVED: "green",
  REJECTED: "red",
  SUSPENDED: "grey",
}

export const TAX_REGIME_LABEL: Record<string, string> = {
  VAT_PAYER: "VAT payer",
  SIMPLIFIED_NO_VAT: "Simplified, no VAT",
  SIMPLIFIED_VAT_5: "Simplified, VAT 5%",
  SIMPLIFIED_VAT_7: "Simplified, VAT 7%",
  NOT_VAT_REGISTERED: "Not VAT registered",
}

/** Actions that make sense for a given KYC status. */
export const actionsFor = (status: KycStatus | string): MerchantAction[] => {
  switch (status) {
    case "PENDING":
      return ["approve", "reject"]
    case "APPROVED":
      return ["suspend"]
    case "SUSPENDED":
    case "REJECTED":
      return ["approve"]
    default:
      return []
  }
}

export const merchantKeys = {
  all: ["snail-merchants"] as const,
  list: (query: Record<string, unknown>) => ["snail-merchants", "list", query] as const,
  detail: (id: string) => ["snail-merchants", "detail", id] as const,
}

/** Error carrying the API's `{type, code, message}` body. */
export class MerchantApiError extends Error {
  constructor(message: string, public status: number, public code?: string, public type?: string) {
    super(message)
  }
}

export const errorText = (e: unknown): string => {
  if (e instanceof MerchantApiError) {
    return e.code ? `${e.message} (${e.code})` : e.message
  }
  if (e && typeof e === "object" && "message" in e) {
    const status = (e as { status?: number }).status
    return status ? `${(e as Error).message} (HTTP ${status})` : (e as Error).message
  }
  return String(e)
}

export const listMerchants = (query: { kyc_status?: string; q?: string; limit: number; offset: number }) => {
  const q: Record<string, string | number> = { limit: query.limit, offset: query.offset }
  if (query.kyc_status) q.kyc_status = query.kyc_status
  if (query.q) q.q = query.q
  return sdk.client.fetch<MerchantListResponse>("/admin/merchants", { query: q })
}

export const getMerchant = (id: string) =>
  sdk.client.fetch<MerchantResponse>(`/admin/merchants/${encodeURIComponent(id)}`)

/**
 * POST an action. Uses fetch directly (same origin, session cookie) because the js-sdk's
 * FetchError keeps only `message` and drops the error `code`, which we want to show.
 */
export const postMerchantAction = async (id: string, action: MerchantAction, reason?: string) => {
  const res = await fetch(`/admin/merchants/${encodeURIComponent(id)}/${action}`, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(reason !== undefined ? { reason } : {}),
  })
  const body = (await res.json().catch(() => ({}))) as Partial<MerchantResponse> & {
    type?: string
    code?: string
    message?: string
  }
  if (!res.ok) {
    throw new MerchantApiError(body.message || res.statusText || `HTTP ${res.status}`, res.status, body.code, body.type)
  }
  return body as MerchantResponse
}
