#!/usr/bin/env node
// `npm run backup [-- <folder>]`: DATABASE_URL's database (pg_dump, custom format) and the uploaded
// files (FILE_PUBLIC_DIR, FILE_PRIVATE_DIR as medusa-config reads them) into <folder> (default
// .data/backups/<time>), with manifest.json (checksums). PG_DUMP picks the pg_dump binary: it must be
// at least the server's major version (the embedded PostgreSQL 18 needs PostgreSQL 18's client tools).
import path from "node:path"
import { root } from "./lib/app-stack.mjs"
import { backup } from "./lib/backup.mjs"
import { UserFacingError } from "./lib/embedded-postgres.mjs"

const log = (m) => console.log(`[backup] ${m}`)
try {
  if (!process.env.DATABASE_URL) throw new UserFacingError("Set DATABASE_URL to the database to back up.")
  const dir = path.resolve(process.argv[2] || process.env.BACKUP_DIR || path.join(root, ".data/backups", new Date().toISOString().replace(/[:.]/g, "-")))
  const manifest = await backup({ databaseUrl: process.env.DATABASE_URL, dir, log })
  log(`done: ${dir} (${manifest.files.map((f) => `${f.name} ${f.bytes} B`).join(", ")})`)
} catch (e) {
  console.error(`[backup] ${e instanceof UserFacingError ? e.message : e?.stack ?? e}`)
  process.exit(1)
}
