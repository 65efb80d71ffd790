// Backups (issue 23 §4): the database with pg_dump (custom format) and the uploaded files (the
// local file provider's public and private folders) as tarballs, with a manifest of checksums.
// Used by `npm run backup` and `npm run restore` (scripts/backup.mjs, scripts/restore.mjs).
import { spawn } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { root } from "./app-stack.mjs"
import { UserFacingError } from "./embedded-postgres.mjs"

/** Where uploads live, as medusa-config.ts reads them (relative paths are from the project root). */
export function uploadDirs(env = process.env) {
  const abs = (p) => (path.isAbsolute(p) ? p : path.join(root, p))
  return { public: abs(env.FILE_PUBLIC_DIR || "static"), private: abs(env.FILE_PRIVATE_DIR || ".data/private-uploads") }
}

function exec(cmd, args, { env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => (out += d))
    child.stderr.on("data", (d) => (err += d))
    child.on("error", (e) => reject(new UserFacingError(`${cmd} could not run (${e.message}): install PostgreSQL's client tools (apt-get install postgresql-client) or set PG_DUMP / PG_RESTORE`)))
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new UserFacingError(`${cmd} failed (exit ${code}): ${err.trim().split("\n").slice(-3).join(" | ")}`))))
  })
}

const sha256 = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex")
const redact = (url) => {
  const u = new URL(url)
  u.password = u.password ? "***" : ""
  return u.toString()
}

export async function backup({ databaseUrl, dir, env = process.env, log = () => {} }) {
  fs.mkdirSync(dir, { recursive: true })
  const pgDump = env.PG_DUMP || "pg_dump"
  const dump = path.join(dir, "database.dump")
  await exec(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${dump}`, `--dbname=${databaseUrl}`], { env })
  log(`database dumped (${fs.statSync(dump).size} bytes)`)
  const files = ["database.dump"]
  for (const [name, folder] of Object.entries(uploadDirs(env))) {
    if (!fs.existsSync(folder)) continue
    const archive = `${name}-uploads.tar.gz`
    await exec("tar", ["-czf", path.join(dir, archive), "-C", folder, "."])
    files.push(archive)
    log(`${name} uploads archived from ${folder}`)
  }
  const manifest = {
    created_at: new Date().toISOString(),
    database: redact(databaseUrl),
    pg_dump: (await exec(pgDump, ["--version"], { env })).trim(),
    files: files.map((f) => ({ name: f, bytes: fs.statSync(path.join(dir, f)).size, sha256: sha256(path.join(dir, f)) })),
  }
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2))
  return manifest
}

export async function restore({ databaseUrl, dir, force = false, env = process.env, log = () => {} }) {
  const manifestFile = path.join(dir, "manifest.json")
  if (!fs.existsSync(manifestFile)) throw new UserFacingError(`${dir} is not a backup (no manifest.json)`)
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"))
  // A truncated or altered file is refused before anything is overwritten.
  for (const f of manifest.files) {
    const file = path.join(dir, f.name)
    if (!fs.existsSync(file) || sha256(file) !== f.sha256) throw new UserFacingError(`${f.name} does not match its checksum in manifest.json: the backup is damaged`)
  }
  const tables = await countTables(databaseUrl)
  if (tables > 0 && !force) {
    throw new UserFacingError(`The target database has ${tables} table(s). Restore into an empty database, or pass --force to replace its contents.`)
  }
  const pgRestore = env.PG_RESTORE || "pg_restore"
  await exec(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...(tables > 0 ? ["--clean", "--if-exists"] : []), `--dbname=${databaseUrl}`, path.join(dir, "database.dump")], { env })
  log(`database restored into ${redact(databaseUrl)}`)
  const dirs = uploadDirs(env)
  for (const [name, folder] of Object.entries(dirs)) {
    const archive = path.join(dir, `${name}-uploads.tar.gz`)
    if (!fs.existsSync(archive)) continue
    fs.mkdirSync(folder, { recursive: true })
    await exec("tar", ["-xzf", archive, "-C", folder])
    log(`${name} uploads restored into ${folder}`)
  }
  return manifest
}

async function countTables(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`)
    return rows[0].n
  } finally {
    await client.end()
  }
}
