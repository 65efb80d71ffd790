// Turns jest's JSON results (--json --outputFile) into the rows of `npm test`'s summary: per suite
// the files and tests that passed, failed or were skipped, with every skipped test named (its title
// carries the reason, e.g. "Redis-backed modules (REDIS_URL not set)").
import fs from "node:fs"
import path from "node:path"

/** Which suite a spec file belongs to, from its path. */
export function suiteOf(file) {
  if (file.includes(`${path.sep}integration-tests${path.sep}http${path.sep}`)) return "http"
  if (file.includes(`${path.sep}integration-tests${path.sep}modules${path.sep}`)) return "modules"
  return "unit"
}

/**
 * @param {string} jsonFile  jest's --outputFile
 * @param {string} root      to print paths relative to the project
 * @returns {Record<string, { files: number, passed: number, failed: number, skipped: number, failedFiles: {file: string, message: string}[], skips: string[], slowest: {file: string, seconds: number} | null }>}
 */
export function readJestResults(jsonFile, root) {
  const out = {}
  if (!fs.existsSync(jsonFile)) return out
  const results = JSON.parse(fs.readFileSync(jsonFile, "utf8"))
  for (const file of results.testResults) {
    const suite = suiteOf(file.name)
    const row = (out[suite] ||= { files: 0, passed: 0, failed: 0, skipped: 0, failedFiles: [], skips: [], slowest: null })
    const rel = path.relative(root, file.name)
    const seconds = ((file.endTime ?? 0) - (file.startTime ?? 0)) / 1000
    row.files++
    if (!row.slowest || seconds > row.slowest.seconds) row.slowest = { file: rel, seconds }
    for (const t of file.assertionResults) {
      if (t.status === "passed") row.passed++
      else if (t.status === "failed") row.failed++
      else {
        row.skipped++
        row.skips.push(`${rel} › ${[...t.ancestorTitles, t.title].filter(Boolean).join(" › ")} (${t.status})`)
      }
    }
    // A file that could not run at all (syntax error, beforeAll failure) has no failed test of its own.
    if (file.status === "failed") row.failedFiles.push({ file: rel, message: file.message || "failed" })
  }
  return out
}

/**
 * Reads the per-file timings integration-tests/setup-after-env.js writes (SNAIL_TEST_TIMINGS): wall
 * seconds, the CPU seconds of the worker on the file and, for HTTP files, the app boot's share. CPU
 * seconds hold on a shared machine where wall time stretches with other people's load.
 * @returns {Record<string, { files: number, wall: number, cpu: number, bootCpu: number, rows: { file: string, wall: number, cpu: number, bootWall: number|null, bootCpu: number|null, rssMb: number }[] }>}
 */
export function readTimings(file, root) {
  const out = {}
  if (!fs.existsSync(file)) return out
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue
    let t
    try {
      t = JSON.parse(line)
    } catch {
      continue
    }
    const suite = suiteOf(t.file)
    const s = (out[suite] ||= { files: 0, wall: 0, cpu: 0, bootCpu: 0, rows: [] })
    s.files++
    s.wall += t.wall_s
    s.cpu += t.cpu_s
    s.bootCpu += t.boot_cpu_s ?? 0
    s.rows.push({ file: path.relative(root, t.file), wall: t.wall_s, cpu: t.cpu_s, bootWall: t.boot_wall_s, bootCpu: t.boot_cpu_s, rssMb: t.rss_mb })
  }
  return out
}
