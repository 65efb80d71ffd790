import { createSign } from "node:crypto"
import { assertBalanced } from "../../../../lib/fiscal/receipt"
import { boundedId, requestJson } from "../http"
import { FiscalProvider, FiscalProviderError, PollInput, PollResult, SendInput, SendResult } from "../types"
import { orangeDataBody, OrangeDataConfig } from "./mapping"

/** RSA-SHA256 over the exact bytes sent, base64: the X-Signature header OrangeData verifies. */
export function signBody(body: string, privateKeyPem: string): string {
  return createSign("RSA-SHA256").update(Buffer.from(body, "utf8")).sign(privateKeyPem, "base64")
}

/**
 * OrangeData: mutual TLS with the client certificate, signed POST /documents (201 accepted,
 * 409 duplicate id → poll instead, 400 invalid), GET /documents/{inn}/status/{id} (202 pending,
 * 200 done, 524 not processed in time → send again under a new id). Corrections use /corrections.
 */
export class OrangeDataFiscalProvider implements FiscalProvider {
  readonly id = "orangedata"
  private timeoutMs: number

  constructor(options: { timeout_ms?: number } = {}) {
    this.timeoutMs = options.timeout_ms ?? 15000
  }

  async send(input: SendInput): Promise<SendResult> {
    assertBalanced(input.document)
    const config = input.config as OrangeDataConfig
    requireTls(config)
    const id = boundedId(input.external_id, 64)
    const body = JSON.stringify(orangeDataBody(input.document, id, config, input.callback_url))
    const res = await requestJson(`${trimSlash(config.base_url)}/${collection(input.document.operation)}`, {
      method: "POST",
      body,
      headers: { "X-Signature": signBody(body, config.sign_private_key) },
      timeoutMs: config.timeout_ms ?? this.timeoutMs,
      tls: { cert: config.client_cert, key: config.client_key, ca: config.ca },
    })
    if (res.status === 201) return { provider_ref: id, duplicate: false }
    if (res.status === 409) return { provider_ref: id, duplicate: true }
    if (res.status === 400) throw new FiscalProviderError(`OrangeData refused the document: ${errors(res.body, res.text)}`, false, 400)
    if (res.status === 401) throw new FiscalProviderError(`OrangeData refused the signature or certificate: ${errors(res.body, res.text)}`, false, 401)
    throw new FiscalProviderError(`OrangeData ${res.status}: ${errors(res.body, res.text)}`, res.status >= 500 || res.status === 429 || res.status === 503, res.status)
  }

  async poll(input: PollInput): Promise<PollResult> {
    const config = input.config as OrangeDataConfig
    requireTls(config)
    const res = await requestJson(
      `${trimSlash(config.base_url)}/${collection(input.operation)}/${encodeURIComponent(config.inn)}/status/${encodeURIComponent(input.provider_ref)}`,
      { method: "GET", timeoutMs: config.timeout_ms ?? this.timeoutMs, tls: { cert: config.client_cert, key: config.client_key, ca: config.ca } }
    )
    if (res.status === 202) return { status: "pending" }
    if (res.status === 524) return { status: "resend" }
    if (res.status === 200 && res.body) {
      const b = res.body
      return {
        status: "done",
        fiscal: {
          fn_number: str(b.fsNumber),
          fd_number: str(b.documentNumber),
          fpd: str(b.fp),
          registered_at: str(b.processedAt),
          ofd_url: str(b.ofdWebsite),
          raw: b,
        },
      }
    }
    if (res.status === 400 || res.status === 404) return { status: "failed", error: `OrangeData: ${errors(res.body, res.text)}` }
    throw new FiscalProviderError(`OrangeData status ${res.status}: ${errors(res.body, res.text)}`, true, res.status)
  }
}

function collection(operation: string) {
  return operation === "sell_correction" ? "corrections" : "documents"
}
function requireTls(c: OrangeDataConfig) {
  if (!c.client_cert || !c.client_key || !c.sign_private_key) throw new FiscalProviderError("OrangeData client certificate, key and signing key are not configured", true)
}
function errors(body: any, text: string) {
  return Array.isArray(body?.errors) ? body.errors.join("; ") : text.slice(0, 200)
}
function trimSlash(s: string) {
  return s.replace(/\/+$/, "")
}
function str(v: unknown): string | null {
  return v === undefined || v === null || v === "" ? null : String(v)
}

export default function createOrangeDataProvider(options: Record<string, any> = {}): OrangeDataFiscalProvider {
  return new OrangeDataFiscalProvider(options)
}
