import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { VAT_AE_MODULE } from "../../../../modules/vat-ae"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ exchange_rates: await (req.scope.resolve(VAT_AE_MODULE) as any).listVatExchangeRates({}) })
}

// Sets AED per unit for a currency; invoices keep the rate they were issued with.
export const POST = async (req: MedusaRequest<any>, res: MedusaResponse) => {
  const vat = req.scope.resolve(VAT_AE_MODULE) as any
  const body = req.validatedBody as any
  const [existing] = await vat.listVatExchangeRates({ currency_code: body.currency_code })
  const rate = existing
    ? await vat.updateVatExchangeRates({ id: existing.id, aed_per_unit: body.aed_per_unit, source: "admin" })
    : await vat.createVatExchangeRates({ ...body, source: "admin" })
  res.json({ exchange_rate: rate })
}
