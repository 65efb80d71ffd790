import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { searchService } from "../../../../workflows/search/indexer"
import { searchContext } from "../context"
import { parseSuggestParams } from "../validators"

/** GET /store/search/suggest?q= — autocomplete: product titles by word prefix, typo-tolerant. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const params = parseSuggestParams(req.query as Record<string, unknown>)
  const ctx = await searchContext(req, params)
  const suggestions = params.q
    ? await searchService(req.scope).suggest(params.q, { currency_code: ctx.currency_code, sales_channel_ids: ctx.sales_channel_ids, limit: params.limit })
    : []
  res.json({ q: params.q, suggestions: suggestions.map((s) => ({ text: s.text, product_id: s.product_id })) })
}
