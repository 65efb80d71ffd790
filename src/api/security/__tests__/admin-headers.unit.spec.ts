import { spawnSync } from "node:child_process"
import http from "node:http"
import path from "node:path"
import { adminHeaderSet, installAdminHeadersHook } from "../headers"

/*
 * Issue 20 §6: the admin dashboard (/app) is served by Medusa before our middlewares, so its security
 * headers come from (1) a hook around the HTTP handler installed from instrumentation.ts and (2) the
 * balancer in front of the instances. Both are checked on real sockets here.
 */
const root = path.resolve(__dirname, "../../../..")

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers })
  await res.text()
  return Object.fromEntries(res.headers.entries())
}

describe("admin /app security headers", () => {
  it("the instrumentation hook sets them on the dashboard's page and assets ahead of Express, not on the API", async () => {
    const undo = installAdminHeadersHook({ NODE_ENV: "production" })
    // What Medusa's admin static handler does: caching headers and the file.
    const server = http.createServer((req, res) => {
      res.setHeader("Cache-Control", "no-cache")
      res.end(req.url?.startsWith("/app") ? "<html></html>" : "{}")
    })
    undo()
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
    const base = `http://127.0.0.1:${(server.address() as any).port}`
    try {
      for (const p of ["/app", "/app/", "/app/orders/order_1", "/app/assets/index-abc.js?v=1"]) {
        const h = await get(`${base}${p}`)
        expect([p, h["content-security-policy"]]).toEqual([p, expect.stringContaining("frame-ancestors 'none'")])
        expect(h["content-security-policy"]).toContain("script-src 'self';")
        expect([h["x-content-type-options"], h["x-frame-options"], h["cache-control"]]).toEqual(["nosniff", "DENY", "no-cache"])
        expect(h["strict-transport-security"]).toBeUndefined()
      }
      expect((await get(`${base}/app/`, { "x-forwarded-proto": "https" }))["strict-transport-security"]).toMatch(/max-age=31536000/)
      expect((await get(`${base}/application`))["content-security-policy"]).toBeUndefined()
      expect((await get(`${base}/store/products`))["content-security-policy"]).toBeUndefined()
    } finally {
      await new Promise((r) => server.close(r))
    }
    // Undone: a server created afterwards is untouched.
    const later = http.createServer((_req, res) => res.end("ok"))
    await new Promise<void>((r) => later.listen(0, "127.0.0.1", r))
    expect((await get(`http://127.0.0.1:${(later.address() as any).port}/app/`))["content-security-policy"]).toBeUndefined()
    await new Promise((r) => later.close(r))
  })

  it("the balancer adds them to /app answers that lack them and keeps the instance's own", () => {
    const script = `
      import http from "node:http"
      import { startBalancer } from "./scripts/lib/balancer.mjs"
      const upstream = http.createServer((req, res) => {
        if (req.url === "/ready") return res.end("{}")
        if (req.url === "/app/own") res.setHeader("Content-Security-Policy", "frame-ancestors 'self'")
        res.end("ok")
      })
      await new Promise((r) => upstream.listen(0, "127.0.0.1", r))
      const port = 20000 + Math.floor(Math.random() * 30000)
      const lb = await startBalancer({ port, upstreams: ["http://127.0.0.1:" + upstream.address().port] })
      const out = {}
      for (const [p, h] of [["/app/", {}], ["/app/own", {}], ["/store/products", {}], ["/app/", { "x-forwarded-proto": "https" }]]) {
        const res = await fetch("http://127.0.0.1:" + port + p, { headers: h })
        await res.text()
        out[p + (h["x-forwarded-proto"] ? " https" : "")] = Object.fromEntries(res.headers.entries())
      }
      const { adminHeaderSet } = await import("./scripts/lib/admin-headers.mjs")
      out.copies = {
        prod: adminHeaderSet(true, { NODE_ENV: "production", MEDUSA_BACKEND_URL: "https://api.example.com/x" }),
        dev: adminHeaderSet(false, { NODE_ENV: "development" }),
      }
      console.log(JSON.stringify(out))
      await lb.stop(); upstream.close(); process.exit(0)
    `
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } })
    expect(run.stderr).toBe("")
    const out = JSON.parse(run.stdout.trim().split("\n").pop()!)
    const page = out["/app/"]
    expect([page["content-security-policy"], page["x-content-type-options"], page["x-frame-options"]])
      .toEqual([expect.stringContaining("frame-ancestors 'none'"), "nosniff", "DENY"])
    expect(page["strict-transport-security"]).toBeUndefined()
    expect(out["/app/ https"]["strict-transport-security"]).toMatch(/max-age=31536000/)
    expect(out["/app/own"]["content-security-policy"]).toBe("frame-ancestors 'self'")
    expect(out["/store/products"]["content-security-policy"]).toBeUndefined()
    // The balancer's copy of the header set is the server's.
    expect(out.copies.prod).toEqual(adminHeaderSet(true, { NODE_ENV: "production", MEDUSA_BACKEND_URL: "https://api.example.com/x" }))
    expect(out.copies.dev).toEqual(adminHeaderSet(false, { NODE_ENV: "development" }))
  })
})
