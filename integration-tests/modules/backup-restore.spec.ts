import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"

// Restore drill (issue 23 §4): `npm run backup` of a scratch database and upload folders, then
// `npm run restore` into another scratch database and folders; what comes back is what went in.
jest.setTimeout(120_000)

const root = path.resolve(__dirname, "../..")
const server = `postgres://${encodeURIComponent(process.env.DB_USERNAME || "postgres")}${process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}`
const tag = `${process.pid}_${Date.now().toString(36)}`
const source = `snail_drill_src_${tag}`
const target = `snail_drill_dst_${tag}`
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "snail-drill-"))
const dirs = (side: string) => ({ FILE_PUBLIC_DIR: path.join(tmp, side, "public"), FILE_PRIVATE_DIR: path.join(tmp, side, "private") })

async function sql(db: string, text: string, params: unknown[] = []) {
  const c = new Client({ connectionString: `${server}/${db}` })
  await c.connect()
  try {
    return (await c.query(text, params)).rows
  } finally {
    await c.end()
  }
}

function npm(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(root, `scripts/${script}.mjs`), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

const ROWS = [
  [1, "Snail mug", 1999n, { kind: "PHYSICAL", tags: ["ceramic"] }],
  [2, "Урок садоводства", 250000n, { kind: "COURSE" }],
  [3, "عطر", 9007199254740993n, { kind: "SERVICE", note: "beyond 2^53" }],
]

beforeAll(async () => {
  await sql("postgres", `create database "${source}"`)
  await sql("postgres", `create database "${target}"`)
  await sql(source, `create table item (id int primary key, title text not null, amount bigint not null, meta jsonb)`)
  for (const [id, title, amount, meta] of ROWS) await sql(source, `insert into item values ($1, $2, $3, $4)`, [id, title, String(amount), meta])
  const from = dirs("from")
  fs.mkdirSync(path.join(from.FILE_PUBLIC_DIR, "products"), { recursive: true })
  fs.mkdirSync(from.FILE_PRIVATE_DIR, { recursive: true })
  fs.writeFileSync(path.join(from.FILE_PUBLIC_DIR, "products", "mug.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x42]))
  fs.writeFileSync(path.join(from.FILE_PRIVATE_DIR, "lesson-1.pdf"), "%PDF-1.4 private course asset")
})

afterAll(async () => {
  for (const db of [source, target]) await sql("postgres", `drop database if exists "${db}" with (force)`).catch(() => undefined)
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe("backup and restore drill", () => {
  const backupDir = path.join(tmp, "backup")

  it("backs up the database and both upload folders with checksums, and restores them into an empty database", async () => {
    const made = npm("backup", [backupDir], { DATABASE_URL: `${server}/${source}`, ...dirs("from") })
    expect(made.code).toBe(0)
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "manifest.json"), "utf8"))
    expect(manifest.files.map((f: any) => f.name).sort()).toEqual(["database.dump", "private-uploads.tar.gz", "public-uploads.tar.gz"])
    expect(manifest.database).not.toContain(process.env.DB_PASSWORD || "\u0000never")

    // The source changes after the backup: the restore must bring back the backup's state, not today's.
    await sql(source, `update item set amount = 0`)

    const restored = npm("restore", [backupDir], { DATABASE_URL: `${server}/${target}`, ...dirs("to") })
    expect(restored.out).toContain("done")
    expect(restored.code).toBe(0)
    const rows = await sql(target, `select id, title, amount::text as amount, meta from item order by id`)
    expect(rows).toEqual(ROWS.map(([id, title, amount, meta]) => ({ id, title, amount: String(amount), meta })))
    const to = dirs("to")
    expect([...fs.readFileSync(path.join(to.FILE_PUBLIC_DIR, "products", "mug.jpg"))]).toEqual([0xff, 0xd8, 0xff, 0x00, 0x42])
    expect(fs.readFileSync(path.join(to.FILE_PRIVATE_DIR, "lesson-1.pdf"), "utf8")).toBe("%PDF-1.4 private course asset")
  })

  it("refuses a database that has tables unless --force, and a damaged backup always", async () => {
    const refused = npm("restore", [backupDir], { DATABASE_URL: `${server}/${source}`, ...dirs("again") })
    expect(refused.code).toBe(1)
    expect(refused.out).toContain("--force")
    expect((await sql(source, `select sum(amount)::int as s from item`))[0].s).toBe(0) // untouched

    const forced = npm("restore", [backupDir, "--force"], { DATABASE_URL: `${server}/${source}`, ...dirs("again") })
    expect(forced.code).toBe(0)
    expect((await sql(source, `select amount::text as a from item where id = 3`))[0].a).toBe("9007199254740993")

    const dump = path.join(backupDir, "database.dump")
    const bytes = fs.readFileSync(dump)
    bytes[bytes.length - 10] ^= 0xff
    fs.writeFileSync(dump, bytes)
    const damaged = npm("restore", [backupDir, "--force"], { DATABASE_URL: `${server}/${target}`, ...dirs("damaged") })
    expect(damaged.code).toBe(1)
    expect(damaged.out).toContain("checksum")
  })
})
