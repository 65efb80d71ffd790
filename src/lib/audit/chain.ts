import { createHash } from "crypto"

/** The hash before the first row. */
export const GENESIS_HASH = "0".repeat(64)

export type ChainFields = {
  seq: number
  actor_type: string
  actor_id: string | null
  action: string
  target_type: string | null
  target_id: string | null
  before_json: string | null
  after_json: string | null
  ip: string | null
  request_id: string | null
  created_at: string // ISO-8601, millisecond precision
}

/** JSON with object keys sorted at every level, so equal values always give equal text (and hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, sortKeys((value as any)[k])]))
  }
  return value
}

/** sha256(prev_hash ‖ canonical JSON of every field of the row). */
export function entryHash(prevHash: string, row: ChainFields): string {
  const fields: ChainFields = {
    seq: Number(row.seq), actor_type: row.actor_type, actor_id: row.actor_id, action: row.action,
    target_type: row.target_type, target_id: row.target_id, before_json: row.before_json, after_json: row.after_json,
    ip: row.ip, request_id: row.request_id, created_at: row.created_at,
  }
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(fields)).digest("hex")
}

export type ChainProblem = { seq: number; problem: "EDITED" | "MISSING_BEFORE" | "BROKEN_LINK" }

export type ChainCursor = { prevHash: string; expectedSeq: number }

/**
 * Walks rows in `seq` order: each must follow the previous without a gap (a deleted row leaves
 * one), link to its hash, and hash to what it stores (an edited row does not). Pass the same
 * cursor to consecutive pages to check a long chain without holding it in memory.
 */
export function verifyChain(
  rows: (ChainFields & { prev_hash: string; hash: string })[],
  cursor: ChainCursor = { prevHash: GENESIS_HASH, expectedSeq: 1 }
): ChainProblem[] {
  const problems: ChainProblem[] = []
  for (const row of rows) {
    const seq = Number(row.seq)
    if (seq !== cursor.expectedSeq) problems.push({ seq, problem: "MISSING_BEFORE" })
    if (row.prev_hash !== cursor.prevHash) problems.push({ seq, problem: "BROKEN_LINK" })
    if (entryHash(row.prev_hash, row) !== row.hash) problems.push({ seq, problem: "EDITED" })
    cursor.prevHash = row.hash
    cursor.expectedSeq = seq + 1
  }
  return problems
}
