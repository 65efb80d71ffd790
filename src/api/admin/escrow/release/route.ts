import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releaseDueEscrow } from "../../../../workflows/marketplace-money/release-escrow"

/** Runs the escrow release now (the job does it every 10 minutes): lines whose hold passed, no dispute. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await releaseDueEscrow(req.scope))
}
