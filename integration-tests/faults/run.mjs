#!/usr/bin/env node
// The fault suite (issue 15): the real server as a child process, SIGKILLed at each named fault
// point and restarted, and the sandbox PSP switched into each fault mode; after each, the recovery
// routine runs and the money invariant checker must find nothing. One database and one seed for
// every scenario. `node integration-tests/faults/run.mjs [name-filter…]` (npm test -- faults).
// Needs DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (scripts/test.mjs provides them); Redis when REDIS_URL is set.
import fs from "node:fs"
import path from "node:path"
import { clients, shopContext } from "./api.mjs"
import { FINAL, SCENARIOS } from "./scenarios.mjs"
import { createStack, root, tail } from "./stack.mjs"

const started = Date.now()
const since = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s`
const log = (m) => console.log(`\x1b[36m[faults ${since()}]\x1b[0m ${m}`)

// Every fault point the code declares has its scenario: a new point without one fails the suite.
const declared = [...fs.readFileSync(path.join(root, "src/lib/faults/fault-points.ts"), "utf8")
  .match(/FAULT_POINTS = \[([^\]]*)\]/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1])
const uncovered = declared.filter((p) => !SCENARIOS.some((s) => s.name === p))

const filters = process.argv.slice(2)
const chosen = filters.length ? SCENARIOS.filter((s) => filters.some((f) => s.name.includes(f))) : SCENARIOS
if (!chosen.length) {
  console.error(`No scenario matches ${filters.join(", ")}. Scenarios: ${SCENARIOS.map((s) => s.name).join(", ")}`)
  process.exit(2)
}

const results = []
let stack
// Ctrl-C or a CI timeout: the server and PSP run in their own process groups, stop them too.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.log(`[faults] ${signal}: stopping the server and the PSP`)
    Promise.resolve(stack?.stop()).finally(() => process.exit(130))
  })
}
try {
  stack = await createStack({ log })
  await stack.start()
  log(`server up (${stack.restartSeconds[0].toFixed(1)} s)`)
  const c = clients(stack)
  const shop = await shopContext(c)

  for (const scenario of [...chosen, FINAL]) {
    // Only the scenarios kill servers: a main server found dead was stopped from outside the suite.
    if (!stack.serverAlive()) {
      log(`the main server was found dead (${stack.mainExit()}) before "${scenario.name}": restarting it`)
      await stack.start()
    }
    const t = Date.now()
    const notes = [] // what happened so far: a failing scenario still reports its steps
    let error
    try {
      await scenario.run({ stack, c, shop, notes })
    } catch (e) {
      error = e
    }
    const seconds = (Date.now() - t) / 1000
    results.push({ name: scenario.name, ok: !error, seconds, notes, error: error?.message ?? null })
    const head = `${error ? "\x1b[31mFAIL\x1b[0m" : "\x1b[32mPASS\x1b[0m"} ${scenario.name.padEnd(30)} ${seconds.toFixed(1).padStart(5)} s`
    console.log(`[faults] ${head}  ${notes.join("; ")}${error ? `${notes.length ? "; " : ""}\x1b[31m${error.message}\x1b[0m` : ""}`)
    if (error && !(error.name === "Check")) console.log(String(error.stack).split("\n").slice(1, 4).join("\n"))
    // A failed scenario may leave a server dead or armed: the next one starts from a clean server.
    await stack.stopSibling()
    if (!stack.serverAlive() || stack.armed) {
      if (stack.serverLog()) console.log(`  server log (${stack.serverLog()}):\n${tail(stack.serverLog(), 15).replace(/^/gm, "    ")}`)
      await stack.start()
    }
  }
} catch (e) {
  console.error(`\x1b[31m[faults] the harness failed: ${e?.stack ?? e}\x1b[0m`)
  results.push({ name: "harness", ok: false, seconds: 0, notes: [], error: e?.message ?? String(e) })
} finally {
  await stack?.stop()
}

const failed = results.filter((r) => !r.ok)
console.log(`\n[faults] ${results.length - failed.length}/${results.length} scenarios passed in ${since().trim()}` +
  (stack ? `; ${stack.restartSeconds.length} server starts, ${stack.restartSeconds.reduce((a, b) => a + b, 0).toFixed(0)} s of them` : ""))
if (uncovered.length) console.log(`\x1b[31m[faults] fault points without a scenario: ${uncovered.join(", ")}\x1b[0m`)
if (process.env.FAULTS_REPORT) fs.writeFileSync(process.env.FAULTS_REPORT, JSON.stringify({ results, uncovered }, null, 2))
process.exit(failed.length || uncovered.length ? 1 : 0)
