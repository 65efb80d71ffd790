import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FISCAL_MODULE } from "../../../../modules/fiscal"
import type FiscalModuleService from "../../../../modules/fiscal/service"
import { SnailError } from "../../../../lib/snail-error"
import { presentCredential } from "../../../fiscal/present"

/** Provider credentials of the platform and of merchants with their own register; secrets never leave the server. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  const rows = await fiscal.listFiscalCredentials({}, { order: { created_at: "ASC" } })
  res.json({ credentials: rows.map(presentCredential), providers: fiscal.providerIds() })
}

/** Creates or replaces the owner's credentials; secret fields left out keep their stored value. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const fiscal: FiscalModuleService = req.scope.resolve(FISCAL_MODULE)
  const body = req.validatedBody as { owner: string; provider_id: string; config: Record<string, any>; is_active?: boolean }
  if (!fiscal.providerIds().includes(body.provider_id)) throw new SnailError(400, "INVALID_FIELD", `Unknown fiscal provider ${body.provider_id}`, "provider_id")
  const saved = await fiscal.saveCredential(body)
  res.json({ credential: presentCredential(saved) })
}
