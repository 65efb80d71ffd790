import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SnailError } from "../../../../lib/snail-error"
import { VAT_AE_MODULE } from "../../../../modules/vat-ae"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const rules = await (req.scope.resolve(VAT_AE_MODULE) as any).listVatTreatmentRules({}, { order: { match_type: "ASC", match_value: "ASC" }, take: 1000 })
  res.json({ treatment_rules: rules })
}

// A (match_type, match_value) pair has one rule: 409 DUPLICATE otherwise.
export const POST = async (req: MedusaRequest<any>, res: MedusaResponse) => {
  const vat = req.scope.resolve(VAT_AE_MODULE) as any
  const body = req.validatedBody as any
  const [existing] = await vat.listVatTreatmentRules({ match_type: body.match_type, match_value: body.match_value.toLowerCase() })
  if (existing) throw new SnailError(409, "DUPLICATE", `A rule for ${body.match_type} '${body.match_value}' exists (${existing.id})`, "match_value")
  const rule = await vat.createVatTreatmentRules({ ...body, match_value: body.match_value.toLowerCase() })
  res.status(201).json({ treatment_rule: rule })
}
