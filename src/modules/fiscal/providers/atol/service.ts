import { assertBalanced } from "../../../../lib/fiscal/receipt"
import { boundedId, requestJson } from "../http"
import { FiscalProvider, FiscalProviderError, PollInput, PollResult, SendInput, SendResult } from "../types"
import { atolBody, AtolConfig } from "./mapping"

/** ATOL says a token lives 24 h; we renew a little early so a request never carries a dying token. */
export const ATOL_TOKEN_TTL_MS = 24 * 60 * 60 * 1000
const RENEW_MARGIN_MS = 5 * 60 * 1000
const DUPLICATE_EXTERNAL_ID = 10

export type AtolProviderOptions = { now?: () => number; timeout_ms?: number }

/**
 * ATOL Online v5: POST getToken → token (header `Token`), POST {group}/{operation} → uuid,
 * GET {group}/report/{uuid} → wait | done | fail. A 401 (expired/invalid token) renews the token
 * once and repeats the request; error code 10 (external_id exists) returns the existing uuid.
 */
export class AtolFiscalProvider implements FiscalProvider {
  readonly id = "atol"
  private tokens = new Map<string, { token: string; expires_at: number }>()
  private now: () => number
  private timeoutMs: number

  constructor(options: AtolProviderOptions = {}) {
    this.now = options.now ?? Date.now
    this.timeoutMs = options.timeout_ms ?? 15000
  }

  async send(input: SendInput): Promise<SendResult> {
    assertBalanced(input.document)
    const config = input.config as AtolConfig
    const body = atolBody(input.document, boundedId(input.external_id, 128), config, input.now ?? new Date(this.now()), input.callback_url)
    const res = await this.authorized(config, "POST", `${config.group_code}/${input.document.operation}`, JSON.stringify(body))
    if (res.status >= 200 && res.status < 300 && res.body?.uuid) return { provider_ref: res.body.uuid, duplicate: false }
    const error = res.body?.error
    if (error?.code === DUPLICATE_EXTERNAL_ID && res.body?.uuid) return { provider_ref: res.body.uuid, duplicate: true }
    if (res.status >= 500) throw new FiscalProviderError(`ATOL ${res.status}: ${error?.text ?? res.text.slice(0, 200)}`, true, res.status)
    throw new FiscalProviderError(`ATOL refused the document (${res.status}, code ${error?.code ?? "?"}): ${error?.text ?? res.text.slice(0, 200)}`, false, res.status)
  }

  async poll(input: PollInput): Promise<PollResult> {
    const config = input.config as AtolConfig
    const res = await this.authorized(config, "GET", `${config.group_code}/report/${encodeURIComponent(input.provider_ref)}`)
    if (res.status >= 500) throw new FiscalProviderError(`ATOL report ${res.status}`, true, res.status)
    const body = res.body ?? {}
    if (body.status === "wait") return { status: "pending" }
    if (body.status === "done" && body.payload) {
      const p = body.payload
      return {
        status: "done",
        fiscal: {
          fn_number: str(p.fn_number),
          fd_number: str(p.fiscal_document_number),
          fpd: str(p.fiscal_document_attribute),
          registered_at: str(p.receipt_datetime),
          ofd_url: str(p.ofd_receipt_url),
          raw: body,
        },
      }
    }
    if (body.status === "fail") return { status: "failed", error: `ATOL: ${body.error?.text ?? "document failed"} (code ${body.error?.code ?? "?"})` }
    throw new FiscalProviderError(`ATOL report answered ${res.status} without a status`, res.status >= 400 ? false : true, res.status)
  }

  private async authorized(config: AtolConfig, method: "GET" | "POST", path: string, body?: string) {
    const url = `${trimSlash(config.base_url)}/v5/${path}`
    let token = await this.token(config)
    let res = await requestJson(url, { method, body, headers: { Token: token }, timeoutMs: config.timeout_ms ?? this.timeoutMs })
    if (res.status === 401) {
      this.tokens.delete(cacheKey(config))
      token = await this.token(config)
      res = await requestJson(url, { method, body, headers: { Token: token }, timeoutMs: config.timeout_ms ?? this.timeoutMs })
      if (res.status === 401) throw new FiscalProviderError(`ATOL refused a fresh token: ${res.body?.error?.text ?? ""}`, true, 401)
    }
    return res
  }

  /** The cached token for these credentials, fetched when missing or about to expire. */
  async token(config: AtolConfig): Promise<string> {
    const key = cacheKey(config)
    const cached = this.tokens.get(key)
    if (cached && cached.expires_at - RENEW_MARGIN_MS > this.now()) return cached.token
    if (!config.login || !config.password) throw new FiscalProviderError("ATOL login/password are not configured", true)
    const res = await requestJson(`${trimSlash(config.base_url)}/v5/getToken`, {
      method: "POST",
      body: JSON.stringify({ login: config.login, pass: config.password }),
      timeoutMs: config.timeout_ms ?? this.timeoutMs,
    })
    if (res.status >= 500) throw new FiscalProviderError(`ATOL getToken ${res.status}`, true, res.status)
    if (res.status !== 200 || !res.body?.token) {
      throw new FiscalProviderError(`ATOL getToken refused (${res.status}): ${res.body?.error?.text ?? res.text.slice(0, 200)}`, true, res.status)
    }
    this.tokens.set(key, { token: res.body.token, expires_at: this.now() + ATOL_TOKEN_TTL_MS })
    return res.body.token
  }
}

function cacheKey(c: AtolConfig) {
  return `${c.base_url}|${c.login}`
}
function trimSlash(s: string) {
  return s.replace(/\/+$/, "")
}
function str(v: unknown): string | null {
  return v === undefined || v === null || v === "" ? null : String(v)
}

export default function createAtolProvider(options: Record<string, any> = {}): AtolFiscalProvider {
  return new AtolFiscalProvider(options)
}
