import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { parse, parseAllDocuments } from "yaml"
import { assertProductionSecrets } from "../lib/config/secrets"

// Issue 23 §4: the deployment files are checked against the code, not only kept beside it.
const root = path.resolve(__dirname, "../..")
const read = (p: string) => fs.readFileSync(path.join(root, p), "utf8")

/** `${NAME:?msg}` / `${NAME:-default}` / `${NAME}` as compose substitutes them, with strong values for required secrets. */
function substitute(value: unknown): string {
  return String(value).replace(/\$\{([A-Z0-9_]+)(?::([?-])((?:[^{}]|\{[^}]*\})*))?\}/g, (_m, name: string, op?: string, rest?: string) => {
    if (op === "-") return substitute(rest ?? "")
    return `${name.toLowerCase()}-${"x".repeat(40)}`
  })
}

/** Every environment variable the code reads: medusa-config.ts and src/ (env.X, process.env.X, env["X"]). */
function variablesTheCodeReads(): Set<string> {
  const names = new Set(["NODE_ENV", "PORT", "MEDUSA_DISABLE_TELEMETRY", "LOG_LEVEL", "LOG_FILE"]) // read by Medusa itself
  const scan = (file: string) => {
    const text = fs.readFileSync(file, "utf8")
    for (const m of text.matchAll(/\benv(?:\.|\[["'])([A-Z][A-Z0-9_]+)/g)) names.add(m[1])
    // Names kept in constants and read as env[NAME] (src/lib/config/secrets.ts).
    if (/\benv\[[A-Za-z_]+\]/.test(text)) for (const m of text.matchAll(/["']([A-Z][A-Z0-9]*_[A-Z0-9_]+)["']/g)) names.add(m[1])
  }
  scan(path.join(root, "medusa-config.ts"))
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory() && e.name !== "__tests__" && e.name !== "admin") walk(p)
      else if (/\.ts$/.test(e.name)) scan(p)
    }
  }
  walk(path.join(root, "src"))
  return names
}

describe("docker-compose.yml", () => {
  const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, any> }
  const services = compose.services
  const medusa = Object.entries(services).filter(([, s]) => String(s.image ?? "").startsWith("snail-marketplace/server"))
  const dockerfilePort = Number(/^\s*(?:ENV\s+)?PORT=(\d+)/m.exec(read("Dockerfile"))?.[1])

  it("has the production services, each with an image or a build whose Dockerfile exists", () => {
    expect(Object.keys(services).sort()).toEqual(["meilisearch", "migrate", "postgres", "redis", "server", "storefront", "worker"])
    for (const [name, s] of Object.entries(services)) {
      expect([name, Boolean(s.image || s.build)]).toEqual([name, true])
      if (s.build) expect([name, fs.existsSync(path.join(root, s.build.context ?? ".", s.build.dockerfile ?? "Dockerfile"))]).toEqual([name, true])
    }
    expect(medusa.map(([n]) => n).sort()).toEqual(["migrate", "server", "worker"])
  })

  it("runs the server and worker modes the code accepts, after a one-shot migration", () => {
    expect(services.server.environment.MEDUSA_WORKER_MODE).toBe("server")
    expect(services.worker.environment.MEDUSA_WORKER_MODE).toBe("worker")
    expect(services.migrate.command).toEqual(["medusa", "db:migrate"])
    expect(services.migrate.restart).toBe("no")
    for (const name of ["server", "worker"]) expect(services[name].depends_on.migrate.condition).toBe("service_completed_successfully")
  })

  it("gives the Medusa services an environment production accepts, naming only variables the code reads", () => {
    const known = variablesTheCodeReads()
    for (const [name, s] of medusa) {
      const env = Object.fromEntries(Object.entries(s.environment as Record<string, unknown>).map(([k, v]) => [k, substitute(v)]))
      expect([name, env.NODE_ENV]).toEqual([name, "production"])
      for (const required of ["DATABASE_URL", "REDIS_URL", "JWT_SECRET", "COOKIE_SECRET"]) expect([name, required, Boolean(env[required])]).toEqual([name, required, true])
      // The same check medusa-config.ts runs at start: weak secrets or the sandbox's public keys refuse to boot.
      expect(() => assertProductionSecrets(env)).not.toThrow()
      const unknown = Object.keys(env).filter((k) => !known.has(k))
      expect([name, unknown]).toEqual([name, []])
    }
  })

  it("health-checks every long-running service, the Medusa ones on the port they listen on", () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === "migrate") continue
      expect([name, Array.isArray(s.healthcheck?.test) && !s.healthcheck.disable]).toEqual([name, true])
    }
    for (const name of ["server", "worker"]) {
      const probe = JSON.stringify(services[name].healthcheck.test)
      expect(probe).toContain(`127.0.0.1:${dockerfilePort}/health`)
    }
    expect(services.server.ports).toEqual([`\${SERVER_PORT:-9000}:${dockerfilePort}`])
    // Queues must never lose keys to eviction.
    expect(services.redis.command.join(" ")).toContain("--maxmemory-policy noeviction")
  })
})

// Kubernetes: every object validated against the Kubernetes OpenAPI schemas by scripts/validate-kubernetes.mjs
// (kubernetes-models is ESM-only, so it runs in its own node process).
function validateFiles(files: string[] = []) {
  const run = spawnSync(process.execPath, [path.join(root, "scripts/validate-kubernetes.mjs"), ...files], { encoding: "utf8", cwd: root })
  const lines = run.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l))
  return { code: run.status, lines }
}

describe("deploy/kubernetes", () => {
  const dir = path.join(root, "deploy/kubernetes")
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).flatMap((f) => parseAllDocuments(fs.readFileSync(path.join(dir, f), "utf8")).map((d) => d.toJS()))
  const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name)
  const container = (deployment: string) => find("Deployment", deployment).spec.template.spec.containers[0]
  const env = (deployment: string, name: string) => container(deployment).env?.find((e: any) => e.name === name)?.value

  it("every object is valid against the Kubernetes schema (and the validator rejects a broken one)", () => {
    const { code, lines } = validateFiles()
    expect(lines.filter((l) => !l.ok)).toEqual([])
    expect(code).toBe(0)
    expect(lines.length).toBe(docs.length)
    const broken = JSON.parse(JSON.stringify(find("Deployment", "snail-server")))
    broken.spec.replicas = "two"
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "k8s-")), "broken.yaml")
    fs.writeFileSync(file, JSON.stringify(broken))
    const refused = validateFiles([file])
    expect(refused.code).toBe(1)
    expect(refused.lines[0]).toEqual(expect.objectContaining({ kind: "Deployment", ok: false }))
  })

  it("has server, worker, storefront, a migrations job, an HPA on CPU and disruption budgets that select real pods", () => {
    expect(env("snail-server", "MEDUSA_WORKER_MODE")).toBe("server")
    expect(env("snail-worker", "MEDUSA_WORKER_MODE")).toBe("worker")
    expect(find("Job", "snail-migrations").spec.template.spec.containers[0].command).toEqual(["medusa", "db:migrate"])
    const hpa = find("HorizontalPodAutoscaler", "snail-server")
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "snail-server" })
    expect(hpa.spec.metrics[0].resource.name).toBe("cpu")
    for (const pdb of docs.filter((d) => d.kind === "PodDisruptionBudget")) {
      const target = docs.find((d) => d.kind === "Deployment" && JSON.stringify(d.spec.template.metadata.labels).includes(JSON.stringify(pdb.spec.selector.matchLabels).slice(1, -1)))
      expect([pdb.metadata.name, Boolean(target)]).toEqual([pdb.metadata.name, true])
      expect(pdb.spec.minAvailable).toBeLessThan(target.spec.replicas)
    }
  })

  it("probes the routes the app serves, on the port it listens on, and outlasts the shutdown bound", () => {
    const server = container("snail-server")
    expect(server.readinessProbe.httpGet.path).toBe("/ready")
    expect(server.livenessProbe.httpGet.path).toBe("/health")
    expect(Number(env("snail-server", "PORT"))).toBe(server.ports[0].containerPort)
    expect(fs.existsSync(path.join(root, "src/api/ready/route.ts"))).toBe(true)
    const config = find("ConfigMap", "snail-config").data
    for (const d of ["snail-server", "snail-worker"]) {
      expect(find("Deployment", d).spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(Number(config.SHUTDOWN_TIMEOUT_MS))
    }
    const known = variablesTheCodeReads()
    expect(Object.keys(config).filter((k) => !known.has(k))).toEqual([])
  })
})
