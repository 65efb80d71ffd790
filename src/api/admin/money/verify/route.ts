import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { verifyMoney } from "../../../../workflows/marketplace-money/verify-money"
import { sandboxPspFigures } from "../../../../workflows/marketplace-money/psp-figures"

// The money invariant checker (npm run verify:money); `?psp=false` skips asking the PSP.
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const report = await verifyMoney(req.scope, { psp: req.query.psp === "false" ? undefined : sandboxPspFigures() })
  res.json(report)
}
