import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FISCAL_MODULE } from "../../../modules/fiscal"
import type FiscalModuleService from "../../../modules/fiscal/service"
import { dispatchFiscalReceipts } from "../../../workflows/fiscal/dispatch"

/**
 * A register's callback that a document was processed. Neither ATOL nor OrangeData signs it, so it
 * is a hint only: the receipt is looked up by the provider's reference and its status asked of the
 * provider. Always 200, so the provider does not retry an unknown reference forever.
 */
export async function fiscalCallback(req: MedusaRequest, res: MedusaResponse, providerId: string, providerRef: unknown) {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  if (typeof providerRef === "string" && providerRef) {
    const [receipt] = await fiscal.listFiscalReceipts({ provider_ref: providerRef, provider_id: providerId })
    if (receipt && receipt.status === "SENT") await dispatchFiscalReceipts(req.scope as any, { ids: [receipt.id] })
  }
  res.status(200).json({ received: true })
}
