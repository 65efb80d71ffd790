import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { randomUUID } from "node:crypto"
import { simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

export type CaughtMessage = {
  id: string
  received_at: string
  from: string
  to: string[]
  subject: string
  html: string | null
  text: string | null
  attachments: { filename: string; content_type: string; size: number; content: string /* base64 */ }[]
}

type Options = { smtpPort?: number; httpPort?: number; host?: string; dir?: string; keep?: number }

/**
 * A local mail catcher (development and tests): a real SMTP server on loopback that parses every
 * message with mailparser and keeps it (in memory, and as JSON in `dir` when given), plus a small
 * inbox web page. `refuse` makes it answer 421 to every connection: an SMTP relay that is down.
 */
export async function startMailCatcher(opts: Options = {}) {
  const host = opts.host ?? "127.0.0.1"
  const keep = opts.keep ?? 500
  const messages: CaughtMessage[] = []
  const state = { refuse: false }
  if (opts.dir) {
    fs.mkdirSync(opts.dir, { recursive: true })
    for (const f of fs.readdirSync(opts.dir).filter((f) => f.endsWith(".json")).sort()) {
      try { messages.push(JSON.parse(fs.readFileSync(path.join(opts.dir, f), "utf8"))) } catch { /* a half-written file: skip */ }
    }
  }

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 25 * 1024 * 1024,
    onConnect(_session, callback) {
      if (!state.refuse) return callback()
      const err: any = new Error("Service not available (mail catcher is refusing)")
      err.responseCode = 421
      callback(err)
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const msg: CaughtMessage = {
            id: `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`,
            received_at: new Date().toISOString(),
            from: mail.from?.text ?? String(session.envelope.mailFrom && (session.envelope.mailFrom as any).address),
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            text: mail.text ?? null,
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "attachment", content_type: a.contentType, size: a.size, content: a.content.toString("base64") })),
          }
          messages.push(msg)
          if (messages.length > keep) messages.splice(0, messages.length - keep)
          if (opts.dir) fs.writeFileSync(path.join(opts.dir, `${msg.id}.json`), JSON.stringify(msg))
          callback()
        })
        .catch((e) => callback(e))
    },
  })
  await new Promise<void>((resolve, reject) => {
    smtp.server.once("error", reject)
    smtp.listen(opts.smtpPort ?? 0, host, () => resolve())
  })
  const smtpPort = (smtp.server.address() as any).port as number

  const web = http.createServer((req, res) => inbox(req, res, messages))
  await new Promise<void>((resolve, reject) => {
    web.once("error", reject)
    web.listen(opts.httpPort ?? 0, host, () => resolve())
  })
  const httpPort = (web.address() as any).port as number

  return {
    smtpPort,
    httpUrl: `http://${host}:${httpPort}`,
    messages: () => messages.slice(),
    /** Waits until a message matches (polls; messages arrive asynchronously). */
    async waitFor(pred: (m: CaughtMessage) => boolean, timeoutMs = 15000): Promise<CaughtMessage> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = messages.find(pred)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`No message matched within ${timeoutMs} ms (caught: ${messages.map((m) => m.subject).join(" | ")})`)
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    set refuse(v: boolean) { state.refuse = v },
    get refuse() { return state.refuse },
    clear() { messages.length = 0 },
    async close() {
      await new Promise<void>((r) => smtp.close(() => r()))
      await new Promise<void>((r) => web.close(() => r()))
    },
  }
}

const escHtml = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)

function page(title: string, body: string) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escHtml(title)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#222}header{background:#2f6f4f;color:#fff;padding:10px 16px}
a{color:#2f6f4f}table{border-collapse:collapse;width:100%}td,th{padding:6px 12px;border-bottom:1px solid #eee;text-align:start}
main{padding:12px 16px}iframe{width:100%;height:70vh;border:1px solid #ddd}pre{white-space:pre-wrap;background:#f7f7f7;padding:8px}</style>
</head><body><header><a href="/" style="color:#fff;text-decoration:none"><b>SnailMarketplace mail catcher</b></a></header><main>${body}</main></body></html>`
}

function inbox(req: http.IncomingMessage, res: http.ServerResponse, messages: CaughtMessage[]) {
  const url = new URL(req.url ?? "/", "http://x")
  const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": type, "x-content-type-options": "nosniff", ...headers })
    res.end(body)
  }
  if (url.pathname === "/api/messages") return send(200, "application/json", JSON.stringify(messages.slice().reverse()))
  if (url.pathname === "/") {
    const rows = messages.slice().reverse().map((m) =>
      `<tr><td>${escHtml(new Date(m.received_at).toLocaleString("en-GB"))}</td><td>${escHtml(m.to.join(", "))}</td>` +
      `<td><a href="/messages/${encodeURIComponent(m.id)}">${escHtml(m.subject || "(no subject)")}</a></td><td>${m.attachments.length ? `📎 ${m.attachments.length}` : ""}</td></tr>`).join("")
    return send(200, "text/html; charset=utf-8", page("Inbox", `<h2>Inbox (${messages.length})</h2>` +
      (rows ? `<table><tr><th>Received</th><th>To</th><th>Subject</th><th></th></tr>${rows}</table>` : "<p>No messages yet.</p>")))
  }
  const m = /^\/messages\/([\w-]+)(?:\/(html|attachments\/(\d+)))?$/.exec(url.pathname)
  const msg = m && messages.find((x) => x.id === m[1])
  if (!m || !msg) return send(404, "text/plain", "Not found")
  if (m[2] === "html") {
    // Served on its own with a CSP sandbox too: even opened directly, no script in a message runs.
    return send(200, "text/html; charset=utf-8", msg.html ?? "", { "content-security-policy": "sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline'" })
  }
  if (m[3] !== undefined) {
    const a = msg.attachments[Number(m[3])]
    if (!a) return send(404, "text/plain", "Not found")
    return send(200, a.content_type, Buffer.from(a.content, "base64"), { "content-disposition": `attachment; filename="${a.filename.replace(/[^\w.-]/g, "_")}"` })
  }
  const files = msg.attachments.map((a, i) => `<li><a href="/messages/${msg.id}/attachments/${i}">${escHtml(a.filename)}</a> (${escHtml(a.content_type)}, ${a.size} B)</li>`).join("")
  return send(200, "text/html; charset=utf-8", page(msg.subject, `<p><a href="/">← Inbox</a></p><h2>${escHtml(msg.subject)}</h2>
<p>From: ${escHtml(msg.from)}<br>To: ${escHtml(msg.to.join(", "))}<br>Received: ${escHtml(msg.received_at)}</p>
${files ? `<ul>${files}</ul>` : ""}
${msg.html ? `<iframe sandbox src="/messages/${msg.id}/html" title="message"></iframe>` : ""}
<h3>Plain text</h3><pre>${escHtml(msg.text ?? "")}</pre>`))
}
