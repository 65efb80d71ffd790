import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import path from "node:path"
import type { FiscalDocument } from "../../lib/fiscal/receipt"
import { decryptSecret, encryptSecret } from "../../lib/config/secret-box"
import { FiscalCredential } from "./models/credential"
import { FiscalReceipt } from "./models/receipt"
import { resealStoredDocument, revealReceipt, sealReceipt } from "./sensitive-document"
import createAtolProvider from "./providers/atol"
import createOrangeDataProvider from "./providers/orangedata"
import { FiscalProvider, FiscalProviderError, ProviderFactory } from "./providers/types"
import { generatedMethodWrapper, sameArguments, sealWritePayload } from "../../lib/sealed-service-methods"

export type ProviderRegistration = {
  /** Module path of the provider (its default export is a factory), or omitted for a built-in id. */
  resolve?: string
  id: string
  options?: Record<string, any>
  /** Platform credentials from the environment: used when no platform credential row exists. */
  platform?: Record<string, any>
}

export type FiscalModuleOptions = {
  /** Not `providers`: Medusa's loader claims that key for its own module providers. */
  fiscal_providers?: ProviderRegistration[]
  /** Provider for the platform's receipts when no credential row says otherwise. */
  default_provider?: string
  /** Public base URL of this server: callbacks go to {callback_base_url}/hooks/fiscal/{provider}. */
  callback_base_url?: string
  /** The platform's own tax regime (its delivery service is on its receipts): VAT_PAYER by default. */
  platform_tax_regime?: string
  max_attempts?: number
  /** First retry delay; doubles each attempt up to max_backoff_ms. */
  backoff_ms?: number
  max_backoff_ms?: number
  /** Delay between status polls of a sent receipt. */
  poll_interval_ms?: number
}

const BUILT_IN: Record<string, ProviderFactory> = { atol: createAtolProvider, orangedata: createOrangeDataProvider }

/** Fields of each built-in provider's config that are secrets: encrypted at rest, never returned. */
export const SECRET_FIELDS: Record<string, string[]> = {
  atol: ["password"],
  orangedata: ["sign_private_key", "client_key"],
}

export type EnqueueInput = {
  order_id: string
  issuer: string
  idempotency_key: string
  document: FiscalDocument
  line_ids: string[]
  currency_code: string
  correction_of?: string | null
}

const PRIORITY = { FAILED: 0, PENDING: 1, SENT: 1, DONE: 2 } as const

export default class FiscalModuleService extends MedusaService({ FiscalReceipt, FiscalCredential }) {
  protected providers_ = new Map<string, FiscalProvider>()
  protected platformConfig_ = new Map<string, Record<string, any>>()
  protected options_: FiscalModuleOptions

  constructor(container: any, options: FiscalModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options
    for (const reg of options.fiscal_providers ?? []) {
      const factory = reg.resolve ? loadFactory(reg.resolve) : BUILT_IN[reg.id]
      if (!factory) throw new Error(`Fiscal provider "${reg.id}" has no resolve path and is not built in`)
      this.providers_.set(reg.id, factory(reg.options ?? {}))
      if (reg.platform) this.platformConfig_.set(reg.id, reg.platform)
    }
  }

  platformTaxRegime(): string {
    return this.options_.platform_tax_regime ?? "VAT_PAYER"
  }

  providerIds(): string[] {
    return [...this.providers_.keys()]
  }

  /** Creates the outbox row unless one exists for the key (redelivered event, restart): returns the row either way. */
  async enqueue(input: EnqueueInput) {
    const [existing] = await this.listFiscalReceipts({ idempotency_key: input.idempotency_key })
    if (existing) return existing
    const provider_id = await this.providerFor(input.issuer)
    try {
      return await this.createFiscalReceipts({
        order_id: input.order_id,
        issuer: input.issuer,
        provider_id,
        operation: input.document.operation,
        settlement: input.document.settlement,
        idempotency_key: input.idempotency_key,
        external_id: input.idempotency_key,
        status: "PENDING",
        priority: PRIORITY.PENDING,
        line_ids: input.line_ids as any,
        document: input.document as any,
        total_minor: input.document.total,
        currency_code: input.currency_code,
        next_attempt_at: new Date(),
        correction_of: input.correction_of ?? null,
      } as any)
    } catch (e: any) {
      // Two deliveries raced: the unique key let one through; hand back that one.
      const [row] = await this.listFiscalReceipts({ idempotency_key: input.idempotency_key })
      if (row) return row
      throw e
    }
  }

  /** Which provider serves an issuer: its own active credential row, else the platform's, else the default. */
  async providerFor(issuer: string): Promise<string> {
    const rows = await this.listFiscalCredentials({ owner: [issuer, "platform"], is_active: true })
    const own = rows.find((r) => r.owner === issuer) ?? rows.find((r) => r.owner === "platform")
    const id = own?.provider_id ?? this.options_.default_provider ?? this.providerIds()[0]
    if (!id || !this.providers_.has(id)) throw new Error(`No fiscal provider "${id}" is registered`)
    return id
  }

  /** True when a merchant has its own active register (its lines are then not agent lines on the platform's receipt). */
  async hasOwnRegister(merchantId: string): Promise<boolean> {
    const [row] = await this.listFiscalCredentials({ owner: merchantId, is_active: true })
    return !!row
  }

  /** The full config (secrets decrypted) for an issuer and provider. */
  async configFor(issuer: string, providerId: string): Promise<Record<string, any> | null> {
    const rows = await this.listFiscalCredentials({ owner: [issuer, "platform"], provider_id: providerId, is_active: true })
    const row = rows.find((r) => r.owner === issuer) ?? rows.find((r) => r.owner === "platform")
    if (row) return { ...(row.settings as any), ...JSON.parse(decryptSecret(row.secrets)) }
    return this.platformConfig_.get(providerId) ?? null
  }

  /** Saves credentials: secret fields are encrypted, the rest kept readable. */
  async saveCredential(input: { owner: string; provider_id: string; config: Record<string, any>; is_active?: boolean }) {
    if (!this.providers_.has(input.provider_id)) throw new Error(`Unknown fiscal provider ${input.provider_id}`)
    const secretNames = SECRET_FIELDS[input.provider_id] ?? []
    const settings: Record<string, any> = {}
    const secrets: Record<string, any> = {}
    const [existing] = await this.listFiscalCredentials({ owner: input.owner })
    const kept = existing && existing.provider_id === input.provider_id ? JSON.parse(decryptSecret(existing.secrets)) : {}
    for (const [k, v] of Object.entries(input.config)) (secretNames.includes(k) ? secrets : settings)[k] = v
    const blob = encryptSecret(JSON.stringify({ ...kept, ...secrets }))
    const data = { owner: input.owner, provider_id: input.provider_id, settings, secrets: blob, is_active: input.is_active ?? true }
    return existing ? this.updateFiscalCredentials({ id: existing.id, ...data } as any) : this.createFiscalCredentials(data as any)
  }

  /** Takes a receipt for `ms` unless someone else holds it; false when another dispatcher has it. */
  @InjectManager()
  async claim(id: string, ms: number, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const em = sharedContext.manager as any
    const rows: any[] = await em.execute(
      `UPDATE "fiscal_receipt" SET "locked_until" = now() + (? * interval '1 millisecond')
       WHERE "id" = ? AND ("locked_until" IS NULL OR "locked_until" < now()) AND "status" IN ('PENDING', 'SENT') RETURNING "id"`,
      [ms, id]
    )
    return rows.length > 0
  }

  /** Receipts whose next attempt is due (or all unfinished when `until` is in the future). */
  async due(until: Date, limit = 50) {
    return this.listFiscalReceipts(
      { status: ["PENDING", "SENT"], next_attempt_at: { $lte: until } } as any,
      { take: limit, order: { next_attempt_at: "ASC" } }
    )
  }

  /**
   * One step of the outbox for one receipt: send it (PENDING), then ask for its state (SENT).
   * Retryable provider errors back off exponentially and end FAILED after max_attempts; a final
   * refusal is FAILED at once. Returns the updated row.
   */
  async dispatch(id: string, now: Date = new Date()) {
    if (!(await this.claim(id, 60_000))) return this.retrieveFiscalReceipt(id)
    let receipt = await this.retrieveFiscalReceipt(id)
    try {
      const provider = this.providers_.get(receipt.provider_id)
      if (!provider) throw new FiscalProviderError(`Fiscal provider ${receipt.provider_id} is not registered`, false)
      const config = await this.configFor(receipt.issuer, receipt.provider_id)
      if (!config) throw new FiscalProviderError(`No ${receipt.provider_id} credentials for ${receipt.issuer}`, true)
      if (receipt.status === "PENDING") {
        // A settlement or refund never overtakes the receipt it settles/undoes: wait for it.
        const blocker = await this.earlierUnfinished(receipt)
        if (blocker) {
          receipt = await this.updateFiscalReceipts({
            id, next_attempt_at: new Date(now.getTime() + this.pollInterval()), last_error: `Waiting for receipt ${blocker.id} (${blocker.status}) of the same lines`,
          } as any)
          return receipt
        }
        const sent = await provider.send({
          external_id: receipt.external_id,
          document: receipt.document as any,
          config,
          callback_url: this.options_.callback_base_url ? `${this.options_.callback_base_url.replace(/\/+$/, "")}/hooks/fiscal/${receipt.provider_id}` : undefined,
          now,
        })
        receipt = await this.updateFiscalReceipts({
          id, status: "SENT", priority: PRIORITY.SENT, provider_ref: sent.provider_ref, sent_at: now, last_error: null, attempts: 0,
          next_attempt_at: new Date(now.getTime() + this.pollInterval()),
        } as any)
      }
      const result = await provider.poll({ provider_ref: receipt.provider_ref!, external_id: receipt.external_id, config, operation: receipt.operation as any })
      if (result.status === "pending") {
        // Poll again after a delay that grows with the document's age (not counted as a failed attempt).
        const age = receipt.sent_at ? now.getTime() - new Date(receipt.sent_at).getTime() : 0
        const delay = Math.min(Math.max(this.pollInterval(), Math.floor(age / 2)), this.options_.max_backoff_ms ?? 60 * 60 * 1000)
        receipt = await this.updateFiscalReceipts({ id, next_attempt_at: new Date(now.getTime() + delay) } as any)
      } else if (result.status === "done") {
        const f = result.fiscal
        receipt = await this.updateFiscalReceipts({
          id, status: "DONE", priority: PRIORITY.DONE, done_at: now, next_attempt_at: null, last_error: null,
          fn_number: f.fn_number, fd_number: f.fd_number, fpd: f.fpd, registered_at: f.registered_at, ofd_url: f.ofd_url,
        } as any)
      } else if (result.status === "failed") {
        // The provider registered nothing: a retry sends again (under a new id, see retry()).
        receipt = await this.updateFiscalReceipts({ id, status: "FAILED", priority: PRIORITY.FAILED, last_error: result.error, next_attempt_at: null, provider_ref: null } as any)
      } else {
        // Expired at the provider: a new id, sent from scratch.
        const resends = receipt.resends + 1
        receipt = await this.updateFiscalReceipts({
          id, status: "PENDING", priority: PRIORITY.PENDING, resends, external_id: `${receipt.idempotency_key}-r${resends}`, provider_ref: null, next_attempt_at: now,
        } as any)
      }
    } catch (e: any) {
      const retryable = e instanceof FiscalProviderError ? e.retryable : false
      const attempts = receipt.attempts + 1
      const exhausted = attempts >= (this.options_.max_attempts ?? 10)
      receipt = await this.updateFiscalReceipts({
        id,
        attempts,
        last_error: String(e?.message ?? e).slice(0, 1000),
        ...(retryable && !exhausted
          ? { next_attempt_at: new Date(now.getTime() + this.backoff(attempts - 1, this.options_.backoff_ms ?? 5000)) }
          : { status: "FAILED", priority: PRIORITY.FAILED, next_attempt_at: null }),
      } as any)
    } finally {
      await this.updateFiscalReceipts({ id, locked_until: null } as any)
    }
    return receipt
  }

  /**
   * Admin retry of a FAILED receipt, back to where it stopped: still at the provider (provider_ref)
   * → poll again; refused before acceptance → send again under the same id (nothing registered,
   * and if it was, the provider dedups); failed at the provider after acceptance → send again
   * under a new id (`key-rN`), since the provider keeps the failed one under the old id.
   */
  async retry(id: string) {
    const r = await this.retrieveFiscalReceipt(id)
    if (r.status !== "FAILED") return r
    const failedAtProvider = !r.provider_ref && !!r.sent_at
    const resends = failedAtProvider ? r.resends + 1 : r.resends
    return this.updateFiscalReceipts({
      id, status: r.provider_ref ? "SENT" : "PENDING", priority: PRIORITY.PENDING, attempts: 0, next_attempt_at: new Date(), last_error: r.last_error,
      resends, external_id: failedAtProvider ? `${r.idempotency_key}-r${resends}` : r.external_id,
    } as any)
  }

  /** An earlier receipt of the same order and lines that is not registered yet (the one this one must follow). */
  private async earlierUnfinished(receipt: any) {
    if (receipt.operation === "sell" && receipt.settlement === "prepayment") return null
    const lines = new Set<string>(receipt.line_ids ?? [])
    const others = await this.listFiscalReceipts({ order_id: receipt.order_id, status: ["PENDING", "SENT", "FAILED"] })
    return (
      others.find(
        (o) => o.id !== receipt.id && new Date(o.created_at).getTime() < new Date(receipt.created_at).getTime() &&
          ((o.line_ids as any as string[]) ?? []).some((l) => lines.has(l))
      ) ?? null
    )
  }

  /** keys:rotate: re-seals the phones in every receipt document still in clear or under an older key. */
  @InjectManager()
  async resealReceiptDocuments(batchSize = 200, @MedusaContext() sharedContext: Context = {}): Promise<{ scanned: number; resealed: number }> {
    const em = sharedContext.manager as any
    let scanned = 0
    let resealed = 0
    let after = ""
    for (;;) {
      const rows: { id: string; document: any }[] = await em.execute(
        `SELECT "id", "document" FROM "fiscal_receipt" WHERE "id" > ? ORDER BY "id" LIMIT ?`, [after, batchSize]
      )
      if (!rows.length) break
      after = rows[rows.length - 1].id
      for (const row of rows) {
        scanned++
        const update = resealStoredDocument(row.document)
        if (!update) continue
        // Only the phones change; a concurrent status update touches other columns.
        await em.execute(`UPDATE "fiscal_receipt" SET "document" = ?::jsonb WHERE "id" = ?`, [JSON.stringify(update), row.id])
        resealed++
      }
    }
    return { scanned, resealed }
  }

  private pollInterval() {
    return this.options_.poll_interval_ms ?? 2000
  }

  private backoff(attempt: number, base: number) {
    return Math.min(base * 2 ** Math.max(0, attempt), this.options_.max_backoff_ms ?? 60 * 60 * 1000)
  }
}

// Phones in receipt documents are sealed on write and opened on read here, the only door to the table
// (query.graph included). Wrapped on the prototype so callers keep the generated methods' types.
const wrap = generatedMethodWrapper(FiscalModuleService)
const same = sameArguments
const sealPayload = sealWritePayload((row: any) => sealReceipt(row))
const revealAll = (value: any) => (Array.isArray(value) ? value.map(revealReceipt) : revealReceipt(value))
wrap("createFiscalReceipts", ([data, ...rest]) => [sealPayload(data), ...rest], revealAll)
wrap("updateFiscalReceipts", ([data, ...rest]) => [sealPayload(data), ...rest], revealAll)
wrap("retrieveFiscalReceipt", same, revealAll)
wrap("listFiscalReceipts", same, revealAll)
wrap("listAndCountFiscalReceipts", same, ([rows, count]) => [revealAll(rows), count])

function loadFactory(resolve: string): ProviderFactory {
  const target = path.isAbsolute(resolve) || !resolve.startsWith(".") ? resolve : path.join(process.cwd(), resolve)
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require(target)
  const factory = mod.default ?? mod
  if (typeof factory !== "function") throw new Error(`Fiscal provider ${resolve} must export a factory function by default`)
  return factory
}
