import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type ChainProblem } from "../../lib/audit/chain"
import { AuditEntry } from "./models/audit-entry"

export type AuditInput = {
  actor_type: string
  actor_id?: string | null
  action: string
  target_type?: string | null
  target_id?: string | null
  before?: unknown
  after?: unknown
  ip?: string | null
  request_id?: string | null
  event_key?: string | null
}

export type AuditFilters = { action?: string; actor_id?: string; actor_type?: string; target_type?: string; target_id?: string; q?: string }

const COLUMNS = `"id", "seq", "actor_type", "actor_id", "action", "target_type", "target_id", "before_json", "after_json", "ip", "request_id", "prev_hash", "hash", "created_at"`
// Every process appends through this lock, so the chain stays one line even with several instances.
const CHAIN_LOCK = 720_020

const json = (v: unknown) => (v === undefined || v === null ? null : canonicalJson(v))
const cut = (v: string | null | undefined, n: number) => (v ? String(v).slice(0, n) : null)

export default class AuditModuleService extends MedusaService({ AuditEntry }) {
  /** Appends one row linked to the newest one, inside a transaction holding the chain's lock. */
  @InjectTransactionManager()
  async append(input: AuditInput, @MedusaContext() sharedContext: Context = {}) {
    const em = sharedContext.transactionManager as any
    await em.execute(`SELECT pg_advisory_xact_lock(?)`, [CHAIN_LOCK])
    if (input.event_key) {
      const [seen] = await em.execute(`SELECT "id", "seq", "hash" FROM "audit_entry" WHERE "event_key" = ?`, [input.event_key])
      if (seen) return { id: seen.id, seq: Number(seen.seq), hash: seen.hash }
    }
    const [last]: { seq: string; hash: string }[] = await em.execute(`SELECT "seq", "hash" FROM "audit_entry" ORDER BY "seq" DESC LIMIT 1`)
    const row = {
      seq: last ? Number(last.seq) + 1 : 1,
      actor_type: input.actor_type,
      actor_id: cut(input.actor_id, 200),
      action: input.action.slice(0, 200),
      target_type: cut(input.target_type, 100),
      target_id: cut(input.target_id, 200),
      before_json: json(input.before),
      after_json: json(input.after),
      ip: cut(input.ip, 100),
      request_id: cut(input.request_id, 200),
      created_at: new Date().toISOString(),
    }
    const prev_hash = last?.hash ?? GENESIS_HASH
    const hash = entryHash(prev_hash, row)
    const id = generateEntityId(undefined, "aud")
    await em.execute(
      `INSERT INTO "audit_entry" (${COLUMNS}, "event_key") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, row.seq, row.actor_type, row.actor_id, row.action, row.target_type, row.target_id, row.before_json, row.after_json,
        row.ip, row.request_id, prev_hash, hash, row.created_at, input.event_key ?? null]
    )
    return { id, seq: row.seq, hash }
  }

  /** Newest first, filtered; `q` matches action, actor, target and the before/after text. */
  @InjectManager()
  async search(filters: AuditFilters, limit = 50, offset = 0, @MedusaContext() sharedContext: Context = {}) {
    const em = sharedContext.manager as any
    const where: string[] = []
    const params: unknown[] = []
    for (const key of ["action", "actor_id", "actor_type", "target_type", "target_id"] as const) {
      if (filters[key]) {
        where.push(`"${key}" = ?`)
        params.push(filters[key])
      }
    }
    if (filters.q) {
      where.push(`("action" ILIKE ? OR "actor_id" ILIKE ? OR "target_id" ILIKE ? OR "before_json" ILIKE ? OR "after_json" ILIKE ?)`)
      const like = `%${filters.q.replace(/[\\%_]/g, (c) => "\\" + c)}%`
      params.push(like, like, like, like, like)
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const rows = await em.execute(`SELECT ${COLUMNS} FROM "audit_entry" ${clause} ORDER BY "seq" DESC LIMIT ? OFFSET ?`, [...params, limit, offset])
    const [{ count }] = await em.execute(`SELECT count(*)::int AS "count" FROM "audit_entry" ${clause}`, params)
    return { entries: rows.map(present), count }
  }

  @InjectManager()
  async containsHash(hash: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const rows = await (sharedContext.manager as any).execute(`SELECT 1 FROM "audit_entry" WHERE "hash" = ? LIMIT 1`, [hash])
    return rows.length > 0
  }

  /** Checks the whole chain, oldest first, in pages; returns the problems and the head to keep elsewhere. */
  @InjectManager()
  async verify(@MedusaContext() sharedContext: Context = {}): Promise<{ rows: number; head: string; problems: ChainProblem[] }> {
    const em = sharedContext.manager as any
    const cursor = { prevHash: GENESIS_HASH, expectedSeq: 1 }
    const problems: ChainProblem[] = []
    let rows = 0
    for (let after = 0; ; ) {
      const page: any[] = await em.execute(`SELECT ${COLUMNS} FROM "audit_entry" WHERE "seq" > ? ORDER BY "seq" LIMIT 5000`, [after])
      if (!page.length) break
      problems.push(...verifyChain(page.map((r) => ({ ...r, seq: Number(r.seq), created_at: new Date(r.created_at).toISOString() })), cursor))
      rows += page.length
      after = Number(page[page.length - 1].seq)
    }
    return { rows, head: cursor.prevHash, problems }
  }
}

function present(r: any) {
  return {
    id: r.id, seq: Number(r.seq), actor_type: r.actor_type, actor_id: r.actor_id, action: r.action,
    target_type: r.target_type, target_id: r.target_id,
    before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null,
    ip: r.ip, request_id: r.request_id, created_at: r.created_at, hash: r.hash,
  }
}
