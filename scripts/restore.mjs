#!/usr/bin/env node
// `npm run restore -- <folder> [--force]`: a backup made by `npm run backup` into DATABASE_URL's
// database and the upload folders (FILE_PUBLIC_DIR, FILE_PRIVATE_DIR). Checksums are verified first;
// a database that already has tables is refused unless --force (then its objects are replaced).
// Stop the servers and the worker first, and run `npm run verify:money` after.
import path from "node:path"
import { UserFacingError } from "./lib/embedded-postgres.mjs"
import { restore } from "./lib/backup.mjs"

const log = (m) => console.log(`[restore] ${m}`)
try {
  const args = process.argv.slice(2)
  const dir = args.find((a) => !a.startsWith("--"))
  if (!dir) throw new UserFacingError("Usage: npm run restore -- <backup folder> [--force]")
  if (!process.env.DATABASE_URL) throw new UserFacingError("Set DATABASE_URL to the database to restore into.")
  await restore({ databaseUrl: process.env.DATABASE_URL, dir: path.resolve(dir), force: args.includes("--force"), log })
  log("done")
} catch (e) {
  console.error(`[restore] ${e instanceof UserFacingError ? e.message : e?.stack ?? e}`)
  process.exit(1)
}
