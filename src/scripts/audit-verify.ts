import type { ExecArgs } from "@medusajs/framework/types"
import { AUDIT_MODULE } from "../modules/audit"
import type AuditModuleService from "../modules/audit/service"

/**
 * `npm run audit:verify`: walks the audit trail's hash chain on DATABASE_URL's database (docs/security.md).
 * Prints each edited row, broken link and gap (deleted rows); exits non-zero on any. The head hash it
 * prints is worth keeping outside the database: a trail cut at its end is caught by comparing heads.
 * AUDIT_EXPECTED_HEAD=<hash> makes it check that this head is still in the chain.
 */
export default async function auditVerifyScript({ container }: ExecArgs) {
  const audit: AuditModuleService = container.resolve(AUDIT_MODULE)
  const report = await audit.verify()
  for (const p of report.problems) console.log(`AUDIT ${p.problem} at seq=${p.seq}`)
  const expected = process.env.AUDIT_EXPECTED_HEAD
  const headKnown = !expected || (await audit.containsHash(expected))
  if (!headKnown) console.log(`AUDIT HEAD_MISSING: ${expected} is no longer in the chain (rows cut from its end?)`)
  console.log(`audit:verify: ${report.rows} row(s), head ${report.head}, ${report.problems.length} problem(s)`)
  if (report.problems.length || !headKnown) {
    process.exitCode = 1
    throw new Error(`audit:verify found ${report.problems.length + (headKnown ? 0 : 1)} problem(s)`)
  }
}
