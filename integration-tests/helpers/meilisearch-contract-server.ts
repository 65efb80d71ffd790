import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A local stand-in for a Meilisearch server (v1.x), implementing the documented REST subset the
 * search provider uses, with Meilisearch's own response and error shapes
 * (https://www.meilisearch.com/docs/reference/api):
 *   POST /indexes · GET /indexes/:uid · PATCH /indexes/:uid/settings
 *   POST /indexes/:uid/documents · POST /indexes/:uid/documents/delete · DELETE /indexes/:uid/documents
 *   GET /indexes/:uid/documents · POST /indexes/:uid/documents/fetch
 *   POST /indexes/:uid/search (q, filter, facets, sort, limit/offset or page/hitsPerPage, distinct,
 *     attributesToHighlight, attributesToRetrieve, matchingStrategy "all")
 *   GET /tasks/:uid
 * Writes are asynchronous tasks processed in order, as in Meilisearch. Search semantics: words are
 * Unicode letters/digits, lower-cased, diacritics removed; every query word must match (the
 * provider asks for matchingStrategy "all"); the last word also matches as a prefix; typos by
 * Damerau-Levenshtein distance (1 from 5 letters, 2 from 9, per typoTolerance.minWordSizeForTypos);
 * synonyms expand a query word; with `sort` the sort comes first (the provider's rankingRules put
 * "sort" first), then relevance (fewer typos, earlier searchable attribute), then insertion order.
 */

type Doc = Record<string, any>
type Settings = Record<string, any>
type Index = { uid: string; primaryKey: string | null; docs: Map<string, Doc>; settings: Settings; createdAt: string; updatedAt: string }
type Task = { uid: number; indexUid: string | null; status: "enqueued" | "processing" | "succeeded" | "failed"; type: string; error: MeiliError | null; enqueuedAt: string; startedAt: string | null; finishedAt: string | null; details: Record<string, unknown> }
type MeiliError = { message: string; code: string; type: string; link: string }

const DEFAULT_SETTINGS: Settings = {
  searchableAttributes: ["*"], filterableAttributes: [], sortableAttributes: [], synonyms: {},
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"], pagination: { maxTotalHits: 1000 },
}
const SETTINGS_KEYS = new Set([...Object.keys(DEFAULT_SETTINGS), "displayedAttributes", "stopWords", "distinctAttribute", "faceting"])

class HttpError extends Error {
  constructor(public status: number, public code: string, message: string, public type = "invalid_request") {
    super(message)
  }
}
const err = (code: string, message: string, type = "invalid_request"): MeiliError => ({ message, code, type, link: `https://docs.meilisearch.com/errors#${code}` })

export type MeiliContractServer = { url: string; apiKey: string; close(): Promise<void>; requests: { method: string; path: string }[] }

export async function startMeilisearchContractServer(opts: { apiKey?: string } = {}): Promise<MeiliContractServer> {
  const apiKey = opts.apiKey ?? "meili-master-key-for-tests"
  const indexes = new Map<string, Index>()
  const tasks: Task[] = []
  const queue: { task: Task; run: () => void }[] = []
  const requests: { method: string; path: string }[] = []
  let processing = false

  const now = () => new Date().toISOString()
  const enqueue = (indexUid: string | null, type: string, run: () => Record<string, unknown> | void) => {
    const task: Task = { uid: tasks.length, indexUid, status: "enqueued", type, error: null, enqueuedAt: now(), startedAt: null, finishedAt: null, details: {} }
    tasks.push(task)
    queue.push({
      task,
      run: () => {
        task.status = "processing"
        task.startedAt = now()
        try {
          task.details = run() ?? {}
          task.status = "succeeded"
        } catch (e: any) {
          task.status = "failed"
          task.error = e instanceof HttpError ? err(e.code, e.message, e.type) : err("internal", String(e?.message ?? e), "internal")
        }
        task.finishedAt = now()
      },
    })
    setImmediate(processQueue)
    return { taskUid: task.uid, indexUid, status: "enqueued", type, enqueuedAt: task.enqueuedAt }
  }
  const processQueue = () => {
    if (processing) return
    processing = true
    while (queue.length) queue.shift()!.run()
    processing = false
  }
  const indexOf = (uid: string) => {
    const index = indexes.get(uid)
    if (!index) throw new HttpError(404, "index_not_found", `Index \`${uid}\` not found.`)
    return index
  }
  const indexOrCreate = (uid: string) => {
    let index = indexes.get(uid)
    if (!index) {
      index = { uid, primaryKey: null, docs: new Map(), settings: structuredClone(DEFAULT_SETTINGS), createdAt: now(), updatedAt: now() }
      indexes.set(uid, index)
    }
    return index
  }

  const routes: [string, RegExp, (m: RegExpMatchArray, body: any, query: URLSearchParams) => [number, unknown]][] = [
    ["POST", /^\/indexes$/, (_m, body) => {
      if (typeof body?.uid !== "string" || !/^[A-Za-z0-9_-]{1,400}$/.test(body.uid)) throw new HttpError(400, "invalid_index_uid", "`uid` is missing or invalid.")
      return [202, enqueue(body.uid, "indexCreation", () => {
        if (indexes.has(body.uid)) throw new HttpError(409, "index_already_exists", `Index \`${body.uid}\` already exists.`)
        indexOrCreate(body.uid).primaryKey = body.primaryKey ?? null
        return { primaryKey: body.primaryKey ?? null }
      })]
    }],
    ["GET", /^\/indexes\/([^/]+)$/, (m) => {
      const i = indexOf(m[1])
      return [200, { uid: i.uid, primaryKey: i.primaryKey, createdAt: i.createdAt, updatedAt: i.updatedAt }]
    }],
    ["PATCH", /^\/indexes\/([^/]+)\/settings$/, (m, body) => {
      const unknown = Object.keys(body ?? {}).find((k) => !SETTINGS_KEYS.has(k))
      if (unknown) throw new HttpError(400, "bad_request", `Unknown field \`${unknown}\`: expected one of ${[...SETTINGS_KEYS].join(", ")}`)
      return [202, enqueue(m[1], "settingsUpdate", () => {
        const i = indexOrCreate(m[1])
        Object.assign(i.settings, body)
        i.updatedAt = now()
      })]
    }],
    ["POST", /^\/indexes\/([^/]+)\/documents$/, (m, body, query) => {
      if (!Array.isArray(body)) throw new HttpError(400, "malformed_payload", "The payload must be an array of documents.")
      return [202, enqueue(m[1], "documentAdditionOrUpdate", () => {
        const i = indexOrCreate(m[1])
        i.primaryKey ??= query.get("primaryKey") ?? (body[0] && Object.keys(body[0]).find((k) => /id$/i.test(k))) ?? null
        if (!i.primaryKey) throw new HttpError(400, "index_primary_key_no_candidate_found", "The primary key inference failed.")
        for (const doc of body) {
          const id = doc?.[i.primaryKey]
          if (id === undefined) throw new HttpError(400, "missing_document_id", `Document doesn't have a \`${i.primaryKey}\` attribute.`)
          if (!/^[A-Za-z0-9_-]{1,511}$/.test(String(id))) throw new HttpError(400, "invalid_document_id", `Document identifier \`${id}\` is invalid.`)
        }
        // Replacement, in payload order (a later duplicate wins).
        for (const doc of body) i.docs.set(String(doc[i.primaryKey]), structuredClone(doc))
        i.updatedAt = now()
        return { receivedDocuments: body.length, indexedDocuments: body.length }
      })]
    }],
    ["POST", /^\/indexes\/([^/]+)\/documents\/delete$/, (m, body) => {
      return [202, enqueue(m[1], "documentDeletion", () => {
        const i = indexOf(m[1])
        const match = compileFilter(body?.filter, i.settings, "invalid_document_filter")
        let deleted = 0
        for (const [id, doc] of i.docs) if (match(doc)) (i.docs.delete(id), deleted++)
        return { deletedDocuments: deleted }
      })]
    }],
    ["DELETE", /^\/indexes\/([^/]+)\/documents$/, (m) => [202, enqueue(m[1], "documentDeletion", () => {
      const i = indexOf(m[1])
      const deleted = i.docs.size
      i.docs.clear()
      return { deletedDocuments: deleted }
    })]],
    ["GET", /^\/indexes\/([^/]+)\/documents$/, (m, _b, query) => {
      const fields = query.get("fields")?.split(",").filter(Boolean)
      return [200, fetchDocuments(indexOf(m[1]), { fields, limit: Number(query.get("limit") ?? 20), offset: Number(query.get("offset") ?? 0) })]
    }],
    ["POST", /^\/indexes\/([^/]+)\/documents\/fetch$/, (m, body) => [200, fetchDocuments(indexOf(m[1]), body ?? {})]],
    ["POST", /^\/indexes\/([^/]+)\/search$/, (m, body) => [200, search(indexOf(m[1]), body ?? {})]],
    ["GET", /^\/tasks\/(\d+)$/, (m) => {
      const t = tasks[Number(m[1])]
      if (!t) throw new HttpError(404, "task_not_found", `Task \`${m[1]}\` not found.`)
      return [200, { ...t, duration: t.finishedAt ? "PT0S" : null }]
    }],
  ]

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost")
      requests.push({ method: req.method ?? "", path: url.pathname })
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" })
        res.end(JSON.stringify(payload))
      }
      try {
        const auth = req.headers.authorization
        if (!auth) throw new HttpError(401, "missing_authorization_header", "The Authorization header is missing. It must use the bearer authorization method.", "auth")
        if (auth !== `Bearer ${apiKey}`) throw new HttpError(403, "invalid_api_key", "The provided API key is invalid.", "auth")
        let body: any
        const raw = Buffer.concat(chunks).toString("utf8")
        if (raw) {
          try {
            body = JSON.parse(raw)
          } catch {
            throw new HttpError(400, "malformed_payload", "The json payload provided is malformed.")
          }
        }
        for (const [method, pattern, handler] of routes) {
          const m = url.pathname.match(pattern)
          if (m && req.method === method) {
            const [status, payload] = handler(m, body, url.searchParams)
            return send(status, payload)
          }
        }
        throw new HttpError(404, "not_found", `Not found: ${req.method} ${url.pathname}`)
      } catch (e: any) {
        if (e instanceof HttpError) return send(e.status, err(e.code, e.message, e.type))
        send(500, err("internal", String(e?.message ?? e), "internal"))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, apiKey, requests, close: () => new Promise((r) => server.close(() => r())) }
}

// ── documents ────────────────────────────────────────────────────────────────────────────────

function pick(doc: Doc, fields?: string[]): Doc {
  if (!fields?.length || fields.includes("*")) return structuredClone(doc)
  return Object.fromEntries(fields.filter((f) => f in doc).map((f) => [f, structuredClone(doc[f])]))
}

function fetchDocuments(i: Index, body: { filter?: unknown; fields?: string[]; limit?: number; offset?: number }) {
  const match = body.filter === undefined ? () => true : compileFilter(body.filter, i.settings, "invalid_document_filter")
  const all = [...i.docs.values()].filter(match)
  const offset = body.offset ?? 0
  const limit = body.limit ?? 20
  return { results: all.slice(offset, offset + limit).map((d) => pick(d, body.fields)), offset, limit, total: all.length }
}

// ── filters: `attr = v`, `!=`, `>`, `>=`, `<`, `<=`, `attr IN [a, b]`, AND / OR, arrays (AND of ORs) ──

type Pred = (doc: Doc) => boolean

function compileFilter(filter: unknown, settings: Settings, code: string): Pred {
  if (filter === undefined || filter === null || filter === "") return () => true
  if (Array.isArray(filter)) {
    const parts = filter.map((f) => (Array.isArray(f) ? orOf(f.map((g) => compileFilter(g, settings, code))) : compileFilter(f, settings, code)))
    return (doc) => parts.every((p) => p(doc))
  }
  if (typeof filter !== "string") throw new HttpError(400, code, "Invalid syntax for the filter parameter: expected a string or an array.")
  const filterable = new Set<string>(settings.filterableAttributes ?? [])
  return parseExpression(filter, filterable, code)
}
const orOf = (preds: Pred[]): Pred => (doc) => preds.some((p) => p(doc))

function parseExpression(text: string, filterable: Set<string>, code: string): Pred {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\[|\]|,|>=|<=|!=|=|>|<|\(|\)|[^\s\[\],()=<>!]+/g) ?? []
  let pos = 0
  const peek = () => tokens[pos]
  const next = () => tokens[pos++]
  const value = (): string | number | boolean => {
    const t = next()
    if (t === undefined) throw new HttpError(400, code, `Was expecting a value but instead got nothing in \`${text}\`.`)
    if (/^["']/.test(t)) return JSON.parse(t[0] === '"' ? t : `"${t.slice(1, -1).replace(/"/g, '\\"')}"`)
    return t
  }
  const cmp = (a: unknown, b: string | number | boolean) => String(a) === String(b)
  const condition = (): Pred => {
    if (peek() === "(") {
      next()
      const inner = or()
      if (next() !== ")") throw new HttpError(400, code, `Expected \`)\` in \`${text}\`.`)
      return inner
    }
    if (peek()?.toUpperCase() === "NOT") {
      next()
      const inner = condition()
      return (doc) => !inner(doc)
    }
    const attr = next()
    if (!attr) throw new HttpError(400, code, `Was expecting an attribute in \`${text}\`.`)
    if (!filterable.has(attr)) {
      throw new HttpError(400, code, `Attribute \`${attr}\` is not filterable. Available filterable attributes are: \`${[...filterable].sort().join(", ")}\`.`)
    }
    const op = next()?.toUpperCase()
    const values = (doc: Doc) => [doc[attr]].flat()
    if (op === "IN") {
      if (next() !== "[") throw new HttpError(400, code, `Expected \`[\` after IN in \`${text}\`.`)
      const list: (string | number | boolean)[] = []
      while (peek() !== "]") {
        list.push(value())
        if (peek() === ",") next()
        else if (peek() !== "]") throw new HttpError(400, code, `Expected \`,\` or \`]\` in \`${text}\`.`)
      }
      next()
      return (doc) => values(doc).some((v) => list.some((l) => cmp(v, l)))
    }
    const v = value()
    switch (op) {
      case "=": return (doc) => values(doc).some((x) => cmp(x, v))
      case "!=": return (doc) => !values(doc).some((x) => cmp(x, v))
      case ">": case ">=": case "<": case "<=": {
        const n = Number(v)
        if (!Number.isFinite(n)) throw new HttpError(400, code, `\`${v}\` is not a number in \`${text}\`.`)
        const test = { ">": (x: number) => x > n, ">=": (x: number) => x >= n, "<": (x: number) => x < n, "<=": (x: number) => x <= n }[op]
        return (doc) => values(doc).some((x) => typeof x === "number" && test(x))
      }
      default:
        throw new HttpError(400, code, `Was expecting an operation \`=\`, \`!=\`, \`>=\`, \`>\`, \`<=\`, \`<\`, \`IN\` at \`${attr} ${op ?? ""}\`.`)
    }
  }
  const and = (): Pred => {
    const parts = [condition()]
    while (peek()?.toUpperCase() === "AND") (next(), parts.push(condition()))
    return (doc) => parts.every((p) => p(doc))
  }
  const or = (): Pred => {
    const parts = [and()]
    while (peek()?.toUpperCase() === "OR") (next(), parts.push(and()))
    return orOf(parts)
  }
  const pred = or()
  if (pos < tokens.length) throw new HttpError(400, code, `Unexpected \`${tokens[pos]}\` in \`${text}\`.`)
  return pred
}

// ── search ───────────────────────────────────────────────────────────────────────────────────

const normalize = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ـ/g, "")
const words = (s: string) => normalize(s).match(/[\p{L}\p{N}]+/gu) ?? []

function damerau(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** Typos a query word of this length may have (typoTolerance.minWordSizeForTypos). */
function allowedTypos(word: string, settings: Settings): number {
  const t = settings.typoTolerance ?? {}
  if (t.enabled === false) return 0
  const sizes = t.minWordSizeForTypos ?? { oneTypo: 5, twoTypos: 9 }
  return [...word].length >= sizes.twoTypos ? 2 : [...word].length >= sizes.oneTypo ? 1 : 0
}

/** Best (fewest typos) match of a query word against a document word; null when none. */
function matchWord(q: string, w: string, prefix: boolean, typos: number): number | null {
  if (w === q || (prefix && w.startsWith(q))) return 0
  if (!typos) return null
  const whole = damerau(q, w)
  const asPrefix = prefix && w.length > q.length ? damerau(q, w.slice(0, q.length)) : Infinity
  const best = Math.min(whole, asPrefix)
  return best <= typos ? best : null
}

function searchableFields(i: Index): string[] {
  const s = i.settings.searchableAttributes ?? ["*"]
  if (s.includes("*")) return [...new Set([...i.docs.values()].flatMap((d) => Object.keys(d)))].filter((k) => k !== i.primaryKey)
  return s
}

function search(i: Index, body: any) {
  const started = Date.now()
  const settings = i.settings
  const filterable = new Set<string>(settings.filterableAttributes ?? [])
  const sortable = new Set<string>(settings.sortableAttributes ?? [])
  for (const f of body.facets ?? []) {
    if (!filterable.has(f)) throw new HttpError(400, "invalid_search_facets", `Invalid facet requested. Attribute \`${f}\` is not filterable.`)
  }
  const sort: [string, 1 | -1][] = (body.sort ?? []).map((s: string) => {
    const [attr, dir] = s.split(":")
    if (!sortable.has(attr)) throw new HttpError(400, "invalid_search_sort", `Attribute \`${attr}\` is not sortable. Available sortable attributes are: \`${[...sortable].sort().join(", ")}\`.`)
    if (dir !== "asc" && dir !== "desc") throw new HttpError(400, "invalid_search_sort", `Invalid syntax for the sort parameter: expected \`${attr}:asc\` or \`${attr}:desc\`.`)
    return [attr, dir === "asc" ? 1 : -1]
  })
  if (body.distinct !== undefined && !filterable.has(body.distinct)) {
    throw new HttpError(400, "invalid_search_distinct", `Attribute \`${body.distinct}\` is not filterable and thus, cannot be used as distinct attribute.`)
  }
  if (body.matchingStrategy !== undefined && !["last", "all", "frequency"].includes(body.matchingStrategy)) {
    throw new HttpError(400, "invalid_search_matching_strategy", "Unknown value for `matchingStrategy`.")
  }
  const match = compileFilter(body.filter, settings, "invalid_search_filter")
  const fields = searchableFields(i)
  const queryWords = words(String(body.q ?? ""))
  const synonyms: Record<string, string[]> = Object.fromEntries(Object.entries(settings.synonyms ?? {}).map(([k, v]) => [normalize(k), (v as string[]).map(normalize)]))

  type Scored = { doc: Doc; typos: number; attribute: number; order: number; matched: Set<string> }
  const scored: Scored[] = []
  let order = 0
  for (const doc of i.docs.values()) {
    order++
    if (!match(doc)) continue
    if (!queryWords.length) {
      scored.push({ doc, typos: 0, attribute: 0, order, matched: new Set() })
      continue
    }
    const fieldWords = fields.map((f) => [doc[f]].flat().filter((v) => v !== null && v !== undefined).flatMap((v) => words(String(v))))
    let typos = 0
    let attribute = Infinity
    const matched = new Set<string>()
    const ok = queryWords.every((q, qi) => {
      const prefix = qi === queryWords.length - 1
      let best: { typos: number; field: number } | null = null
      for (const candidate of [q, ...(synonyms[q] ?? [])]) {
        const allowed = candidate === q ? allowedTypos(q, settings) : 0
        fieldWords.forEach((ws, fi) => {
          for (const w of ws) {
            const t = matchWord(candidate, w, prefix, allowed)
            if (t === null) continue
            matched.add(w)
            if (!best || t < best.typos || (t === best.typos && fi < best.field)) best = { typos: t, field: fi }
          }
        })
      }
      if (!best) return false
      typos += (best as { typos: number }).typos
      attribute = Math.min(attribute, (best as { field: number }).field)
      return true
    })
    if (ok) scored.push({ doc, typos, attribute, order, matched })
  }

  const bySort = (a: Scored, b: Scored) => {
    for (const [attr, dir] of sort) {
      const x = a.doc[attr]
      const y = b.doc[attr]
      if (x === y) continue
      if (x === undefined || x === null) return 1
      if (y === undefined || y === null) return -1
      return (x < y ? -1 : 1) * dir
    }
    return 0
  }
  const sortFirst = (settings.rankingRules ?? []).indexOf("sort") === 0
  const relevance = (a: Scored, b: Scored) => a.typos - b.typos || a.attribute - b.attribute
  scored.sort((a, b) => (sortFirst ? bySort(a, b) || relevance(a, b) : relevance(a, b) || bySort(a, b)) || a.order - b.order)

  let results = scored
  if (body.distinct) {
    const seen = new Set<string>()
    results = scored.filter((s) => {
      const key = JSON.stringify(s.doc[body.distinct])
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  }

  const facetDistribution: Record<string, Record<string, number>> = {}
  for (const f of body.facets ?? []) {
    const counts: Record<string, number> = {}
    for (const s of results) for (const v of [s.doc[f]].flat()) if (v !== null && v !== undefined) counts[String(v)] = (counts[String(v)] ?? 0) + 1
    facetDistribution[f] = counts
  }

  const pre = body.highlightPreTag ?? "<em>"
  const post = body.highlightPostTag ?? "</em>"
  const highlight = (text: unknown, matched: Set<string>) =>
    typeof text !== "string" ? text : text.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => (matched.has(words(w)[0] ?? "") ? `${pre}${w}${post}` : w))
  const toHit = (s: Scored) => {
    const hit = pick(s.doc, body.attributesToRetrieve)
    if (body.attributesToHighlight?.length) {
      const formatted = pick(s.doc, body.attributesToRetrieve)
      for (const a of body.attributesToHighlight) if (a in formatted) formatted[a] = highlight(formatted[a], s.matched)
      hit._formatted = formatted
    }
    return hit
  }

  const maxTotal = settings.pagination?.maxTotalHits ?? 1000
  const total = Math.min(results.length, maxTotal)
  const base = { query: body.q ?? "", processingTimeMs: Date.now() - started, ...(body.facets ? { facetDistribution, facetStats: {} } : {}) }
  if (body.page !== undefined || body.hitsPerPage !== undefined) {
    const hitsPerPage = body.hitsPerPage ?? 20
    const page = body.page ?? 1
    const start = (page - 1) * hitsPerPage
    return { hits: results.slice(start, Math.min(start + hitsPerPage, total)).map(toHit), ...base, hitsPerPage, page, totalPages: Math.ceil(total / Math.max(1, hitsPerPage)), totalHits: total }
  }
  const limit = body.limit ?? 20
  const offset = body.offset ?? 0
  return { hits: results.slice(offset, Math.min(offset + limit, total)).map(toHit), ...base, limit, offset, estimatedTotalHits: total }
}
