import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deleteProductsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { SnailError } from "../../../../lib/snail-error"
import { assertReadyToPublish } from "../../../../workflows/marketplace/publish-readiness"
import type { MerchantRequest } from "../../context"
import { assertOwnProduct, refuseOtherMerchant, retrieveMerchantProduct } from "../../scope"
import type { UpdateMerchantProductBody } from "../../validators"

export const GET = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.id)
  res.json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}

export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  const { merchant } = req.merchantContext
  await assertOwnProduct(req.scope, merchant.id, req.params.id)
  const { kind, merchant_id, booking_mode, translations, ...update } = (req as any).validatedBody as UpdateMerchantProductBody
  refuseOtherMerchant(merchant_id, merchant.id)
  const current = await retrieveMerchantProduct(req.scope, req.params.id)
  const nextKind = kind ?? current.kind
  if (booking_mode && nextKind !== "SERVICE") throw new SnailError(400, "INVALID_FIELD", "booking_mode is only for SERVICE products", "booking_mode")
  // Going (or staying) live re-checks that it can be bought (issue 22 §2): prices where it sells,
  // stock for goods, lessons for a course, a schedule for a slots service.
  if ((update.status ?? current.status) === "published" && (update.status === "published" || kind || booking_mode)) {
    await assertReadyToPublish(req.scope, merchant.id, req.params.id, { kind: nextKind, ...(booking_mode ? { booking_mode } : {}) })
  }
  const additional_data = kind || booking_mode ? { ...(kind ? { kind } : {}), ...(booking_mode ? { booking_mode } : {}) } : undefined
  const metadata = translations ? { ...(await rawMetadata(req, req.params.id)), translations: mergeTranslations(current.translations, translations) } : undefined
  // Cards show the thumbnail: a new gallery brings its first picture along unless one is named.
  if (update.images && update.thumbnail === undefined) update.thumbnail = update.images[0]?.url ?? null
  await updateProductsWorkflow(req.scope).run({
    input: { selector: { id: req.params.id }, update: { ...update, ...(metadata ? { metadata } : {}) } as any, additional_data },
  })
  res.json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}

export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  await assertOwnProduct(req.scope, req.merchantContext.merchant.id, req.params.id)
  await deleteProductsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "product", deleted: true })
}

async function rawMetadata(req: MerchantRequest, id: string): Promise<Record<string, unknown>> {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["metadata"], filters: { id } })
  return ((data[0] as any)?.metadata ?? {}) as Record<string, unknown>
}

type Texts = { title?: string; description?: string }

/** Per language, given texts replace the old ones; an empty text removes it, a language left empty goes. */
function mergeTranslations(current: Record<string, Texts>, given: Record<string, Texts | undefined>) {
  const out: Record<string, Texts> = { ...current }
  for (const [locale, texts] of Object.entries(given)) {
    if (!texts) continue
    const merged: Texts = { ...(out[locale] ?? {}) }
    for (const key of ["title", "description"] as const) {
      if (texts[key] === undefined) continue
      const value = texts[key]!.trim()
      if (value) merged[key] = value
      else delete merged[key]
    }
    if (Object.keys(merged).length) out[locale] = merged
    else delete out[locale]
  }
  return out
}
