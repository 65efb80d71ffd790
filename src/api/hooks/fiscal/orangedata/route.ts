import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { fiscalCallback } from "../callback"

/**
 * OrangeData's callback (the document's `callbackUrl`, {base}/hooks/fiscal/orangedata) when a document
 * is processed: the body repeats the document status, whose `id` is our document id (issue 17 §2:
 * this route was missing and the URL we sent answered 404).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await fiscalCallback(req, res, "orangedata", (req.body as { id?: unknown } | undefined)?.id)
}
