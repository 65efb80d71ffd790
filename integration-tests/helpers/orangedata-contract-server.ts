/**
 * A local HTTPS server speaking OrangeData's Nebula API v2 as its public documentation puts it
 * (docs/fiscal.md lists the facts and their sources):
 *
 * - TLS with a test CA; the client MUST present a certificate signed by that CA (mutual TLS),
 *   otherwise the handshake fails.
 * - POST /api/v2/documents and /api/v2/corrections: header X-Signature = base64 RSA-SHA256 of the
 *   exact body bytes, verified with the public key registered under the body's `key` → 401 when
 *   missing or wrong. 201 (empty body) accepted; 409 when a document with that id exists for the
 *   INN (nothing new is registered); 400 {errors: [...]} for an invalid document.
 * - GET /api/v2/documents/{inn}/status/{id} (and /corrections/...): 202 while the register works on
 *   it (`pollsBeforeDone` times), then 200 with the fiscal data (fsNumber, documentNumber, fp,
 *   processedAt, ofdWebsite, …); 524 for a document that was not processed in time (`expire(id)`):
 *   it must be sent again under a new id; 404 for an unknown id.
 * - Positions as OrangeData's official Node client (node-orangedata 1.5) builds them: FFD 1.2
 *   (`ffdVersion` 4) needs `quantityMeasurementUnit` (tag 2108, 0..255) → 400 without it; `agentType`
 *   1..127 (tag 1222 bits); `useTax20` (content, refunds/corrections of sales at the old 20 % rate) boolean.
 * - Faults on demand: `failNext(status, times)`, `hangNext(times)` (no answer → client timeout).
 */
import crypto from "node:crypto"
import https from "node:https"
import type { AddressInfo } from "node:net"
import type { TestPki } from "./test-pki"

export type OdDocument = { id: string; inn: string; kind: "documents" | "corrections"; body: any; raw: string; polls: number; expired: boolean; number: number }

export type OrangeDataContractServer = {
  url: string
  inn: string
  documents: OdDocument[]
  requests: { method: string; path: string; status: number }[]
  pollsBeforeDone: number
  failNext(status: number, times?: number): void
  hangNext(times?: number): void
  expire(id: string): void
  reset(): void
  close(): Promise<void>
}

export async function startOrangeDataContractServer(pki: TestPki, opts: { inn?: string; keys?: Record<string, string>; pollsBeforeDone?: number } = {}): Promise<OrangeDataContractServer> {
  const inn = opts.inn ?? "7707083893"
  const keys: Record<string, string> = opts.keys ?? { [inn]: pki.signPublicKey }
  let faults: number[] = []
  let hangs = 0
  let counter = 500
  const sockets = new Set<any>()

  const state: OrangeDataContractServer = {
    url: "",
    inn,
    documents: [],
    requests: [],
    pollsBeforeDone: opts.pollsBeforeDone ?? 1,
    failNext(status, times = 1) {
      faults.push(...Array(times).fill(status))
    },
    hangNext(times = 1) {
      hangs += times
    },
    expire(id) {
      const doc = state.documents.find((d) => d.id === id)
      if (doc) doc.expired = true
    },
    reset() {
      state.documents.length = 0
      state.requests.length = 0
      state.pollsBeforeDone = opts.pollsBeforeDone ?? 1
      faults = []
      hangs = 0
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }

  function send(req: any, res: any, status: number, body?: unknown) {
    state.requests.push({ method: req.method, path: req.url, status })
    if (body === undefined) {
      res.writeHead(status, { "Content-Length": 0 })
      return res.end()
    }
    const text = JSON.stringify(body)
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) })
    res.end(text)
  }

  const server = https.createServer(
    { cert: pki.serverCert, key: pki.serverKey, ca: pki.ca, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const chunks: Buffer[] = []
      req.on("data", (c) => chunks.push(c))
      req.on("end", () => {
        if (hangs > 0) {
          hangs--
          return
        }
        const fault = faults.shift()
        if (fault) return send(req, res, fault, { errors: ["Service temporarily unavailable"] })
        const rawBuf = Buffer.concat(chunks)
        const raw = rawBuf.toString("utf8")
        const parts = new URL(req.url!, "https://x").pathname.split("/").filter(Boolean) // api, v2, ...
        if (parts[0] !== "api" || parts[1] !== "v2") return send(req, res, 404, { errors: ["Not found"] })
        const kind = parts[2] as "documents" | "corrections"
        if (kind !== "documents" && kind !== "corrections") return send(req, res, 404, { errors: ["Not found"] })

        if (req.method === "POST" && parts.length === 3) {
          let body: any
          try {
            body = JSON.parse(raw)
          } catch {
            return send(req, res, 400, { errors: ["Тело запроса не является JSON"] })
          }
          const publicKey = keys[body?.key]
          const signature = req.headers["x-signature"] as string | undefined
          if (!publicKey || !signature || !crypto.createVerify("RSA-SHA256").update(rawBuf).verify(publicKey, signature, "base64")) {
            return send(req, res, 401, { errors: ["Неверная подпись запроса (X-Signature)"] })
          }
          const problem = validate(kind, body, inn)
          if (problem) return send(req, res, 400, { errors: [problem] })
          if (state.documents.some((d) => d.id === body.id && d.inn === body.inn)) {
            return send(req, res, 409, { errors: [`Документ с идентификатором ${body.id} уже существует`] })
          }
          state.documents.push({ id: body.id, inn: body.inn, kind, body, raw, polls: 0, expired: false, number: ++counter })
          return send(req, res, 201)
        }

        if (req.method === "GET" && parts[4] === "status" && parts[3] && parts[5]) {
          const doc = state.documents.find((d) => d.kind === kind && d.inn === decodeURIComponent(parts[3]) && d.id === decodeURIComponent(parts[5]))
          if (!doc) return send(req, res, 404, { errors: ["Документ не найден"] })
          if (doc.expired) return send(req, res, 524, { errors: ["Документ не был обработан за отведённое время"] })
          doc.polls++
          if (doc.polls <= state.pollsBeforeDone) return send(req, res, 202)
          return send(req, res, 200, {
            id: doc.id, deviceSN: "1710000000001234", deviceRN: "0000000001002292", fsNumber: "9999078902004567", ofdName: "ООО Ярус",
            ofdWebsite: "www.ofd-ya.ru", ofdinn: "7728699517", fnsWebsite: "www.nalog.gov.ru", companyINN: doc.inn, companyName: "Snail Platform",
            documentNumber: doc.number, shiftNumber: 7, documentIndex: doc.number - 400, processedAt: new Date().toISOString(),
            content: doc.body.content, change: 0, fp: String(2000000000 + doc.number), callbackUrl: doc.body.callbackUrl ?? null,
          })
        }
        return send(req, res, 404, { errors: ["Not found"] })
      })
    }
  )
  server.on("connection", (s) => {
    sockets.add(s)
    s.on("close", () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`
  return state
}

function validate(kind: string, body: any, inn: string): string | null {
  if (typeof body?.id !== "string" || !body.id || body.id.length > 64) return "id: от 1 до 64 символов"
  if (body.inn !== inn) return "inn: организация не найдена"
  const c = body.content
  if (!c) return "content"
  if (kind === "documents" && ![1, 2, 3, 4].includes(c.type)) return "content.type (1054)"
  if (!Array.isArray(c.positions) || !c.positions.length) return "content.positions"
  const kop = (n: number) => Math.round(n * 100)
  let total = 0
  for (const [i, p] of c.positions.entries()) {
    if (![1, 2, 3, 4, 5, 6, 7, 8, 9, 10].includes(p.tax)) return `positions[${i}].tax (1199)`
    if (![1, 2, 3, 4, 5, 6, 7].includes(p.paymentMethodType)) return `positions[${i}].paymentMethodType (1214)`
    if (!Number.isInteger(p.paymentSubjectType)) return `positions[${i}].paymentSubjectType (1212)`
    if (p.agentType !== undefined && !p.supplierINN) return `positions[${i}].supplierINN (1226)`
    if (p.agentType !== undefined && (!Number.isInteger(p.agentType) || p.agentType < 1 || p.agentType > 127)) return `positions[${i}].agentType (1222): 1..127`
    // FFD 1.2 needs the measure of quantity (tag 2108), under the name the protocol and official client use.
    if (c.ffdVersion === 4 && (!Number.isInteger(p.quantityMeasurementUnit) || p.quantityMeasurementUnit < 0 || p.quantityMeasurementUnit > 255)) {
      return `positions[${i}].quantityMeasurementUnit (2108): обязателен для ФФД 1.2`
    }
    if (typeof p.text !== "string" || !p.text || p.text.length > 128) return `positions[${i}].text`
    total += kop(p.price) * p.quantity
  }
  if (c.useTax20 !== undefined && typeof c.useTax20 !== "boolean") return "content.useTax20: булево значение"
  const paid = (c.checkClose?.payments ?? []).reduce((s: number, p: any) => s + kop(p.amount), 0)
  if (paid !== total) return "checkClose.payments: сумма оплат не равна сумме позиций"
  if (kind === "documents" && !c.customerContact) return "customerContact (1008)"
  return null
}
