import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fiscalCallback } from "../callback"

/** ATOL's callback (service.callback_url) when a document is processed: `uuid` names it. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await fiscalCallback(req, res, "atol", (req.body as { uuid?: unknown } | undefined)?.uuid)
}
