import type { MedusaResponse } from "@medusajs/framework/http"
import { updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { SnailError } from "../../../../lib/snail-error"
import { loadReadiness, refusalOf } from "../../../../workflows/marketplace/publish-readiness"
import type { MerchantRequest } from "../../context"
import { ownProductIds } from "../../scope"
import type { CatalogStatusBody } from "../../validators"

/**
 * POST /merchant/catalog/status — publish or unpublish several products at once (issue 22 §2).
 * Each product is judged on its own: the ready ones change, the others are listed in `refused`
 * with the code and `reason_code` a single publish would answer. Any id that is not the caller's
 * merchant's makes the whole request 404 (nothing changes).
 */
export const POST = async (req: MerchantRequest<CatalogStatusBody>, res: MedusaResponse) => {
  const { product_ids, status } = (req as any).validatedBody as CatalogStatusBody
  const merchantId = req.merchantContext.merchant.id
  const own = new Set(await ownProductIds(req.scope, merchantId))
  const foreign = product_ids.find((id) => !own.has(id))
  if (foreign) throw new SnailError(404, "NOT_FOUND", `Product ${foreign} not found`, "product_ids")
  const ids = [...new Set(product_ids)]

  const refused: { id: string; code: string; reason_code: string; message: string }[] = []
  let changing = ids
  if (status === "published") {
    const readiness = await loadReadiness(req.scope, merchantId, ids)
    changing = ids.filter((id) => {
      const verdict = readiness.get(id)
      if (!verdict || verdict.ready) return true
      const err = refusalOf(verdict.title, verdict.problems[0])
      refused.push({ id, code: err.code as string, reason_code: err.detail!.reason_code!, message: err.message })
      return false
    })
  }
  if (changing.length) {
    await updateProductsWorkflow(req.scope).run({ input: { selector: { id: changing }, update: { status } } })
  }
  res.json({ status, updated: changing, refused })
}
