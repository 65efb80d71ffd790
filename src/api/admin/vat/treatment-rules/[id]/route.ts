import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../../lib/snail-error"
import { VAT_AE_MODULE } from "../../../../../modules/vat-ae"

async function ruleOr404(vat: any, id: string) {
  const [rule] = await vat.listVatTreatmentRules({ id })
  if (!rule) throw new SnailError(404, "NOT_FOUND", `Treatment rule ${id} not found`)
  return rule
}

export const POST = async (req: MedusaRequest<any>, res: MedusaResponse) => {
  const vat = req.scope.resolve(VAT_AE_MODULE) as any
  await ruleOr404(vat, req.params.id)
  const body = req.validatedBody as any
  const rule = await vat.updateVatTreatmentRules({ id: req.params.id, ...body, match_value: body.match_value.toLowerCase() })
  res.json({ treatment_rule: rule })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const vat = req.scope.resolve(VAT_AE_MODULE) as any
  await ruleOr404(vat, req.params.id)
  await vat.deleteVatTreatmentRules(req.params.id)
  res.json({ id: req.params.id, object: "treatment_rule", deleted: true })
}
