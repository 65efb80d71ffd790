/**
 * A local server speaking ATOL Online API v5 as its public protocol description puts it
 * (docs/fiscal.md lists the facts and their sources), so the ATOL provider runs against real HTTP:
 *
 * - POST /possystem/v5/getToken {login, pass} → 200 {error: null, token, timestamp}; wrong
 *   credentials → 401 {error: {error_id, code: 12, text, type: "system"}, timestamp}. A token lives
 *   24 h (the server's clock is injectable: `advance(ms)`).
 * - Every other call carries the token in the `Token` header (v5); missing/unknown → 401 code 11,
 *   expired → 401 code 11 "ExpiredToken".
 * - POST /possystem/v5/{group_code}/{sell|sell_refund|sell_correction} → 200 {uuid, status: "wait",
 *   error: null, timestamp}; an external_id already registered for the group → 409 with error code 10
 *   and the uuid of the existing document (nothing new is registered); invalid JSON or arithmetic →
 *   400 error code 32. An unknown group → 400 code 31.
 * - GET /possystem/v5/{group_code}/report/{uuid} → {uuid, status: "wait" | "done" | "fail", error,
 *   payload, timestamp, group_code, daemon_code, device_code, external_id, callback_url}; a document
 *   answers "wait" for its first `pollsBeforeDone` reports, then "done" with the fiscal payload.
 *   When the document has a service.callback_url, the server POSTs the done report there.
 * - Faults on demand: `failNext(status, times)` answers the next request(s) with a 5xx before any
 *   processing; `hangNext(times)` never answers (a timeout); `failDocuments = true` ends documents "fail".
 */
import crypto from "node:crypto"
import http from "node:http"
import type { AddressInfo } from "node:net"

export type AtolDocument = {
  uuid: string
  operation: string
  group_code: string
  external_id: string
  body: any
  raw: string
  polls: number
  status: "wait" | "done" | "fail"
  fiscal_document_number: number
}

export type AtolContractServer = {
  url: string
  login: string
  password: string
  groupCode: string
  documents: AtolDocument[]
  requests: { method: string; path: string; status: number }[]
  tokensIssued: number
  pollsBeforeDone: number
  failDocuments: boolean
  callbacks: { url: string; status: number }[]
  failNext(status: number, times?: number): void
  hangNext(times?: number): void
  advance(ms: number): void
  reset(): void
  close(): Promise<void>
}

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000
const OPERATIONS = new Set(["sell", "sell_refund", "sell_correction", "buy", "buy_refund", "buy_correction"])

export async function startAtolContractServer(opts: { login?: string; password?: string; groupCode?: string; pollsBeforeDone?: number; port?: number } = {}): Promise<AtolContractServer> {
  let offset = 0
  const now = () => Date.now() + offset
  const tokens = new Map<string, number>()
  let faults: number[] = []
  let hangs = 0
  let fdCounter = 1000
  const sockets = new Set<any>()

  const state: AtolContractServer = {
    url: "",
    login: opts.login ?? "snail-test",
    password: opts.password ?? "snail-pass",
    groupCode: opts.groupCode ?? "group_snail",
    documents: [],
    requests: [],
    tokensIssued: 0,
    pollsBeforeDone: opts.pollsBeforeDone ?? 1,
    failDocuments: false,
    callbacks: [],
    failNext(status, times = 1) {
      faults.push(...Array(times).fill(status))
    },
    hangNext(times = 1) {
      hangs += times
    },
    advance(ms) {
      offset += ms
    },
    reset() {
      state.documents.length = 0
      state.requests.length = 0
      state.callbacks.length = 0
      state.tokensIssued = 0
      state.failDocuments = false
      state.pollsBeforeDone = opts.pollsBeforeDone ?? 1
      tokens.clear()
      faults = []
      hangs = 0
      offset = 0
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }

  const timestamp = () => atolTime(new Date(now()))
  const error = (code: number, text: string, type = "system") => ({ error: { error_id: crypto.randomUUID(), code, text, type }, timestamp: timestamp() })

  function send(res: http.ServerResponse, req: http.IncomingMessage, status: number, body: unknown) {
    state.requests.push({ method: req.method!, path: req.url!, status })
    const text = JSON.stringify(body)
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) })
    res.end(text)
  }

  function report(doc: AtolDocument) {
    const base = {
      uuid: doc.uuid, timestamp: timestamp(), group_code: doc.group_code, daemon_code: "prod-agent-1", device_code: "KSR13.11-3-1",
      external_id: doc.external_id, callback_url: doc.body?.service?.callback_url ?? "",
    }
    if (doc.status === "wait") return { ...base, status: "wait", error: null, payload: null }
    if (doc.status === "fail") return { ...base, status: "fail", error: { error_id: crypto.randomUUID(), code: 1, text: "Ошибка ККТ: смена превысила 24 часа", type: "driver" }, payload: null }
    const content = doc.body.receipt ?? doc.body.correction
    return {
      ...base, status: "done", error: null,
      payload: {
        total: content.total, fns_site: "www.nalog.gov.ru", fn_number: "9999078902004567", shift_number: 12,
        receipt_datetime: timestamp(), fiscal_receipt_number: doc.fiscal_document_number - 900,
        fiscal_document_number: doc.fiscal_document_number, ecr_registration_number: "0000000001002292",
        fiscal_document_attribute: 3000000000 + doc.fiscal_document_number, ofd_inn: "7704211201",
        ofd_receipt_url: `https://consumer.1-ofd.ru/v1?fn=9999078902004567&fd=${doc.fiscal_document_number}`,
      },
    }
  }

  function authorized(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const token = (req.headers["token"] as string | undefined) ?? new URL(req.url!, "http://x").searchParams.get("token") ?? undefined
    const expires = token ? tokens.get(token) : undefined
    if (!token || expires === undefined) {
      send(res, req, 401, error(11, "Передан некорректный токен", "system"))
      return false
    }
    if (expires <= now()) {
      send(res, req, 401, { ...error(11, "ExpiredToken: срок действия токена истёк", "system") })
      return false
    }
    return true
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      if (hangs > 0) {
        hangs--
        return // never answer: the client's timeout fires
      }
      const fault = faults.shift()
      if (fault) return send(res, req, fault, { error: { code: 0, text: "Internal Server Error", type: "system" } })
      const raw = Buffer.concat(chunks).toString("utf8")
      const path = new URL(req.url!, "http://x").pathname.replace(/\/+$/, "")
      const parts = path.split("/").filter(Boolean) // possystem, v5, ...
      if (parts[0] !== "possystem" || parts[1] !== "v5") return send(res, req, 404, error(404, "Not found"))
      let body: any = null
      if (raw) {
        try {
          body = JSON.parse(raw)
        } catch {
          return send(res, req, 400, error(32, "Ошибка валидации JSON: тело не является JSON"))
        }
      }

      if (req.method === "POST" && parts.length === 3 && parts[2] === "getToken") {
        if (body?.login !== state.login || body?.pass !== state.password) return send(res, req, 401, error(12, "Неверный логин или пароль", "system"))
        const token = crypto.randomBytes(24).toString("hex")
        tokens.set(token, now() + TOKEN_TTL_MS)
        state.tokensIssued++
        return send(res, req, 200, { error: null, token, timestamp: timestamp() })
      }

      if (!authorized(req, res)) return
      const group = parts[2]
      if (group !== state.groupCode) return send(res, req, 400, error(31, `Неизвестный код группы ККТ: ${group}`))

      if (req.method === "GET" && parts[3] === "report" && parts[4]) {
        const doc = state.documents.find((d) => d.uuid === parts[4] && d.group_code === group)
        if (!doc) return send(res, req, 404, error(34, `Документ ${parts[4]} не найден`))
        doc.polls++
        if (doc.status === "wait" && doc.polls > state.pollsBeforeDone) finish(doc)
        return send(res, req, 200, report(doc))
      }

      if (req.method === "POST" && parts.length === 4 && OPERATIONS.has(parts[3])) {
        const problem = validate(parts[3], body)
        if (problem) return send(res, req, 400, error(32, `Ошибка валидации JSON: ${problem}`))
        const existing = state.documents.find((d) => d.external_id === body.external_id && d.group_code === group)
        if (existing) {
          return send(res, req, 409, { ...error(10, `В системе существует чек с external_id: ${body.external_id} и group_code: ${group}`), uuid: existing.uuid, status: "fail" })
        }
        const doc: AtolDocument = {
          uuid: crypto.randomUUID(), operation: parts[3], group_code: group, external_id: body.external_id, body, raw, polls: 0,
          status: "wait", fiscal_document_number: ++fdCounter,
        }
        state.documents.push(doc)
        if (state.pollsBeforeDone === 0) finish(doc)
        return send(res, req, 200, { uuid: doc.uuid, status: "wait", error: null, timestamp: timestamp() })
      }
      return send(res, req, 404, error(404, "Not found"))
    })
  })

  function finish(doc: AtolDocument) {
    doc.status = state.failDocuments ? "fail" : "done"
    const url = doc.body?.service?.callback_url
    if (url) {
      const text = JSON.stringify(report(doc))
      fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: text })
        .then((r) => state.callbacks.push({ url, status: r.status }))
        .catch(() => state.callbacks.push({ url, status: 0 }))
    }
  }

  server.on("connection", (s) => {
    sockets.add(s)
    s.on("close", () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", () => resolve()))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/possystem`
  return state
}

/** What the ATOL protocol requires of a document, checked to the kopeck. */
function validate(operation: string, body: any): string | null {
  if (!body || typeof body !== "object") return "пустое тело"
  if (typeof body.external_id !== "string" || !body.external_id || body.external_id.length > 256) return "external_id"
  if (typeof body.timestamp !== "string" || !/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}$/.test(body.timestamp)) return "timestamp (dd.mm.yyyy HH:MM:SS)"
  const content = operation.endsWith("correction") ? body.correction : body.receipt
  if (!content) return operation.endsWith("correction") ? "correction" : "receipt"
  if (operation.endsWith("correction")) {
    const info = content.correction_info
    if (!info || !["self", "instruction"].includes(info.type) || !/^\d{2}\.\d{2}\.\d{4}$/.test(info.base_date ?? "")) return "correction_info"
  }
  if (!operation.endsWith("correction") && !content.client?.email && !content.client?.phone) return "client.email или client.phone"
  const c = content.company
  if (!c?.inn || !c?.sno || !c?.payment_address || !c?.email) return "company"
  if (!Array.isArray(content.items) || !content.items.length || content.items.length > 100) return "items"
  const kop = (n: number) => Math.round(n * 100)
  let sum = 0
  for (const [i, it] of content.items.entries()) {
    if (typeof it.name !== "string" || !it.name || it.name.length > 128) return `items[${i}].name`
    if (!Number.isInteger(it.measure)) return `items[${i}].measure (число в v5)`
    if (!Number.isInteger(it.payment_object)) return `items[${i}].payment_object (число в v5)`
    if (kop(it.price) * it.quantity !== kop(it.sum)) return `items[${i}]: price × quantity ≠ sum`
    if (!/^(none|vat0|vat5|vat7|vat10|vat20|vat22|vat105|vat107|vat110|vat120|vat122)$/.test(it.vat?.type ?? "")) return `items[${i}].vat.type`
    if (it.agent_info && !it.supplier_info?.inn) return `items[${i}].supplier_info.inn`
    sum += kop(it.sum)
  }
  if (kop(content.total) !== sum) return "total ≠ сумма позиций"
  const paid = (content.payments ?? []).reduce((s: number, p: any) => s + kop(p.sum), 0)
  if (paid !== sum) return "payments ≠ total"
  return null
}

function atolTime(d: Date) {
  const msk = new Date(d.getTime() + 3 * 3600 * 1000)
  const p = (n: number) => String(n).padStart(2, "0")
  return `${p(msk.getUTCDate())}.${p(msk.getUTCMonth() + 1)}.${msk.getUTCFullYear()} ${p(msk.getUTCHours())}:${p(msk.getUTCMinutes())}:${p(msk.getUTCSeconds())}`
}
