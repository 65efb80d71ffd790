import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FISCAL_MODULE } from "../../../../modules/fiscal"
import type FiscalModuleService from "../../../../modules/fiscal/service"
import { dispatchFiscalReceipts } from "../../../../workflows/fiscal/dispatch"

/**
 * ATOL's callback (service.callback_url) when a document is processed. ATOL does not sign
 * callbacks, so the body is only a hint: we look the receipt up by uuid and ask ATOL's report
 * ourselves. Always 200 so ATOL does not retry an unknown uuid forever.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const body = (req.body ?? {}) as { uuid?: string }
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  if (typeof body.uuid === "string" && body.uuid) {
    const [receipt] = await fiscal.listFiscalReceipts({ provider_ref: body.uuid, provider_id: "atol" })
    if (receipt && receipt.status === "SENT") await dispatchFiscalReceipts(req.scope as any, { ids: [receipt.id] })
  }
  res.status(200).json({ received: true })
}
