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
