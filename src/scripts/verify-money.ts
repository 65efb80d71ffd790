import type { ExecArgs } from "@medusajs/framework/types"
import { sandboxPspFigures } from "../workflows/marketplace-money/psp-figures"
import { verifyMoney } from "../workflows/marketplace-money/verify-money"

/**
 * `npm run verify:money`: the money invariants on every order of DATABASE_URL's database
 * (docs/money-integrity.md). Prints each violation with its order; exits non-zero on any.
 * VERIFY_MONEY_PSP=false skips asking the sandbox PSP.
 */
export default async function verifyMoneyScript({ container }: ExecArgs) {
  const report = await verifyMoney(container, { psp: process.env.VERIFY_MONEY_PSP === "false" ? undefined : sandboxPspFigures() })
  for (const v of report.violations) console.log(`VIOLATION ${v.rule} order=${v.order_id ?? "-"}: ${v.message}`)
  console.log(`verify:money: ${report.orders_checked} order(s) checked, ${report.violations.length} violation(s)`)
  if (!report.ok) {
    process.exitCode = 1
    throw new Error(`verify:money found ${report.violations.length} violation(s)`)
  }
}
