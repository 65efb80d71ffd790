import type { FiscalDocument } from "../../../lib/fiscal/receipt"

/**
 * One cash-register service (ATOL Online, OrangeData, …) behind one interface. A plugin author
 * copies a sibling folder under providers/, registers it by id in medusa-config.ts (fiscal module
 * options) and runs the shared contract suite (integration-tests/modules/fiscal-provider-contract.ts)
 * against a local server speaking the service's documented protocol.
 */
export interface FiscalProvider {
  readonly id: string
  /**
   * Sends a document. `external_id` is our idempotency key: the same id sent twice must never
   * register two receipts (the provider dedups; a duplicate answer becomes "accepted").
   */
  send(input: SendInput): Promise<SendResult>
  /** Asks for the state of a sent document. */
  poll(input: PollInput): Promise<PollResult>
}

export type SendInput = {
  external_id: string
  document: FiscalDocument
  /** Issuer settings (company INN, tax system, group, …) — provider specific, from config. */
  config: Record<string, any>
  callback_url?: string
  now?: Date
}

export type SendResult = {
  /** The provider's reference to poll with (ATOL uuid, OrangeData document id). */
  provider_ref: string
  /** True when the provider said the external id already exists (a resend after a crash). */
  duplicate: boolean
}

export type PollInput = { provider_ref: string; external_id: string; config: Record<string, any>; operation: FiscalDocument["operation"] }

export type FiscalAttributes = {
  fn_number: string | null
  fd_number: string | null
  fpd: string | null
  registered_at: string | null
  ofd_url: string | null
  raw?: unknown
}

export type PollResult =
  | { status: "pending" }
  | { status: "done"; fiscal: FiscalAttributes }
  /** The provider refused or failed the document for good. */
  | { status: "failed"; error: string }
  /** The document expired at the provider: send again under a NEW id (OrangeData 524). */
  | { status: "resend" }

/** A transport or server problem worth retrying later (5xx, timeout, 401 after refresh). */
export class FiscalProviderError extends Error {
  constructor(message: string, public readonly retryable: boolean, public readonly status?: number) {
    super(message)
    this.name = "FiscalProviderError"
  }
}

export type ProviderFactory = (options: Record<string, any>) => FiscalProvider
