/**
 * Fault injection for tests (docs/sandbox-psp.md "Fault modes"): the PSP misbehaves the way real
 * processors do, so callers can prove they neither lose nor double a money movement.
 *
 * - slow: waits `delay_ms` (default beyond the provider's 10 s timeout), then commits and answers;
 * - commit_then_drop: commits, then destroys the socket without answering;
 * - error_after_commit: commits, then answers 500;
 * - down: closes every connection before reading it (the listener stays up so a test can switch it off).
 */
export const FAULT_MODES = ["none", "slow", "commit_then_drop", "error_after_commit", "down"] as const
export type FaultMode = (typeof FAULT_MODES)[number]

/** The PSP calls a fault can target; `retrieve` is any GET under /v1 (intents, idempotency keys, events). */
export const FAULT_OPERATIONS = ["authorize", "capture", "refund", "cancel", "authenticate", "retrieve"] as const
export type FaultOperation = (typeof FAULT_OPERATIONS)[number]

export type FaultConfig = {
  mode: FaultMode
  /** Calls it applies to; default: the money-moving POSTs, or every call for `down`. */
  operations?: FaultOperation[]
  /** How many matching calls misbehave before the mode switches itself off; default: until switched off. */
  count?: number
  /** `slow` only: how long to wait before committing. */
  delay_ms?: number
}

export const DEFAULT_SLOW_DELAY_MS = 15_000
const MONEY_OPERATIONS: FaultOperation[] = ["authorize", "capture", "refund", "cancel"]

export class FaultConfigError extends Error {}

/** Validates a config from JSON (HTTP body, env var); throws FaultConfigError naming the bad field. */
export function parseFaultConfig(input: unknown): FaultConfig {
  if (typeof input === "string") input = input.trim().startsWith("{") ? JSON.parse(input) : { mode: input.trim() }
  if (!input || typeof input !== "object" || Array.isArray(input)) throw new FaultConfigError("a fault config is an object with a mode")
  const { mode, operations, count, delay_ms, ...rest } = input as Record<string, unknown>
  const unknown = Object.keys(rest)
  if (unknown.length) throw new FaultConfigError(`unknown field ${unknown[0]}`)
  if (!FAULT_MODES.includes(mode as FaultMode)) throw new FaultConfigError(`mode must be one of ${FAULT_MODES.join(", ")}`)
  if (operations !== undefined && (!Array.isArray(operations) || !operations.every((o) => FAULT_OPERATIONS.includes(o)))) {
    throw new FaultConfigError(`operations must be a list of ${FAULT_OPERATIONS.join(", ")}`)
  }
  if (count !== undefined && (!Number.isSafeInteger(count) || (count as number) < 1)) throw new FaultConfigError("count must be a positive integer")
  if (delay_ms !== undefined && (!Number.isSafeInteger(delay_ms) || (delay_ms as number) < 0)) throw new FaultConfigError("delay_ms must be a non-negative integer")
  return {
    mode: mode as FaultMode,
    ...(operations ? { operations: operations as FaultOperation[] } : {}),
    ...(count !== undefined ? { count: count as number } : {}),
    ...(delay_ms !== undefined ? { delay_ms: delay_ms as number } : {}),
  }
}

/** The PSP call a request is, from its method and path segments (undefined: not a fault target). */
export function operationOf(method: string, parts: string[]): FaultOperation | undefined {
  if (parts[0] !== "v1") return undefined
  if (method === "GET") return "retrieve"
  if (method !== "POST" || parts[1] !== "payment_intents") return undefined
  if (parts.length === 2) return "authorize"
  if (parts.length !== 4) return undefined
  if (parts[3] === "refunds") return "refund"
  return (["capture", "cancel", "authenticate"] as const).find((op) => op === parts[3])
}

/** The current fault and its remaining count; `take` consumes one occurrence when a call matches. */
export class FaultSwitch {
  private current: FaultConfig = { mode: "none" }
  private remaining = Infinity

  set(config: FaultConfig) {
    this.current = config
    this.remaining = config.count ?? Infinity
  }

  get state(): FaultConfig & { remaining: number | null } {
    return { ...this.current, remaining: this.current.mode === "none" || this.remaining === Infinity ? null : this.remaining }
  }

  /**
   * The fault this call suffers, if any, consuming one occurrence. `down` strikes when the request
   * arrives (any request, also ones no operation names); the others when it is about to be processed,
   * so a replayed answer or a refused key does not use them up.
   */
  take(operation: FaultOperation | undefined, phase: "arrive" | "process"): FaultConfig | undefined {
    const { mode, operations } = this.current
    if (mode === "none" || (mode === "down") !== (phase === "arrive")) return undefined
    const targets = operations ?? (mode === "down" ? undefined : MONEY_OPERATIONS)
    if (targets && (!operation || !targets.includes(operation))) return undefined
    if (--this.remaining <= 0) {
      const spent = this.current
      this.set({ mode: "none" })
      return spent
    }
    return this.current
  }
}
