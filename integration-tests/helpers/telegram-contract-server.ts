import http from "node:http"

/**
 * A Telegram Bot API contract server (https://core.telegram.org/bots/api): the subset we use —
 * `sendMessage` (JSON) and `sendDocument` (multipart/form-data) — with the documented error shapes:
 * 401 for a wrong token, 400 "chat not found", 403 "bot was blocked by the user", and 429 with
 * `parameters.retry_after` (queued with `rateLimitNext(seconds)`).
 */
export async function startTelegramContractServer(opts: { token: string }) {
  const sent: { method: string; chat_id: string; text?: string; caption?: string; document?: { filename: string; size: number; type: string }; at: number }[] = []
  const blocked = new Set<string>()
  const rateLimits: number[] = []
  let nextId = 1

  const server = http.createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(body))
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "")
    if (!m || req.method !== "POST") return reply(404, { ok: false, error_code: 404, description: "Not Found" })
    if (m[1] !== opts.token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" })
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    // Parsed the way any HTTP client would: JSON or multipart through the Fetch API's own parser.
    const request = new Request("http://local/", { method: "POST", headers: { "content-type": String(req.headers["content-type"] ?? "") }, body: raw })
    let fields: Record<string, any> = {}
    let document: { filename: string; size: number; type: string } | undefined
    if (String(req.headers["content-type"]).startsWith("multipart/form-data")) {
      const form = await request.formData()
      for (const [k, v] of form.entries()) {
        if (typeof v === "string") fields[k] = v
        else if (k === "document") document = { filename: (v as File).name, size: (v as File).size, type: (v as File).type }
      }
    } else {
      fields = await request.json().catch(() => ({}))
    }
    const method = m[2]
    if (method !== "sendMessage" && method !== "sendDocument") return reply(404, { ok: false, error_code: 404, description: "Not Found: method not found" })
    const chatId = String(fields.chat_id ?? "")
    if (!chatId) return reply(400, { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" })
    if (rateLimits.length) {
      const retryAfter = rateLimits.shift()!
      return reply(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } })
    }
    if (blocked.has(chatId)) return reply(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" })
    if (!/^-?\d+$/.test(chatId)) return reply(400, { ok: false, error_code: 400, description: "Bad Request: chat not found" })
    if (method === "sendMessage" && !fields.text) return reply(400, { ok: false, error_code: 400, description: "Bad Request: message text is empty" })
    if (method === "sendDocument" && !document) return reply(400, { ok: false, error_code: 400, description: "Bad Request: there is no document in the request" })
    const message_id = nextId++
    sent.push({ method, chat_id: chatId, text: fields.text, caption: fields.caption, document, at: Date.now() })
    reply(200, { ok: true, result: { message_id, chat: { id: Number(chatId), type: "private" }, date: Math.floor(Date.now() / 1000), text: fields.text, caption: fields.caption } })
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()))
  return {
    url: `http://127.0.0.1:${(server.address() as any).port}`,
    sent,
    block: (chatId: string) => blocked.add(chatId),
    rateLimitNext: (retryAfterSeconds: number) => rateLimits.push(retryAfterSeconds),
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
