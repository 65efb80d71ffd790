import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAndLinkProductOptionsToProductWorkflow, updateProductOptionsWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { SnailError } from "../../../../../../lib/snail-error"
import type { MerchantRequest } from "../../../../context"
import { assertOwnProduct, retrieveMerchantProduct } from "../../../../scope"

/** The option as the product uses it; 404 unless the option is this product's and the product the caller's merchant's. */
async function ownOption(scope: MedusaContainer, merchantId: string, productId: string, optionId: string) {
  await assertOwnProduct(scope, merchantId, productId)
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product", fields: ["options.id", "options.values.id", "options.values.value"], filters: { id: productId },
  })
  const option = ((data[0] as any)?.options ?? []).find((o: any) => o?.id === optionId)
  if (!option) throw new SnailError(404, "NOT_FOUND", `Option ${optionId} not found`)
  return option as { id: string; values: { id: string; value: string }[] }
}

/** Renames the option and/or sets its values (the list given is the whole list; a value a variant still uses cannot go). */
export const POST = async (req: MerchantRequest, res: MedusaResponse) => {
  const option = await ownOption(req.scope, req.merchantContext.merchant.id, req.params.id, req.params.option_id)
  const { title, values } = (req as any).validatedBody as { title?: string; values?: string[] }
  if (values) {
    const current = (option.values ?? []).filter(Boolean)
    const add = values.filter((v) => !current.some((c) => c.value === v)).map((value) => ({ value }))
    const remove = current.filter((c) => !values.includes(c.value)).map((c) => c.id)
    if (add.length || remove.length) {
      await createAndLinkProductOptionsToProductWorkflow(req.scope).run({
        input: { product_id: req.params.id, update: [{ product_option_id: option.id, add, remove }] },
      })
    }
  }
  if (title) {
    await updateProductOptionsWorkflow(req.scope).run({ input: { selector: { id: option.id }, update: { title } } })
  }
  res.json({ product: await retrieveMerchantProduct(req.scope, req.params.id) })
}

/** Takes the option off the product (Medusa refuses while a variant still uses it). */
export const DELETE = async (req: MerchantRequest, res: MedusaResponse) => {
  const option = await ownOption(req.scope, req.merchantContext.merchant.id, req.params.id, req.params.option_id)
  await createAndLinkProductOptionsToProductWorkflow(req.scope).run({ input: { product_id: req.params.id, remove: [option.id] } })
  res.json({ id: option.id, object: "product_option", deleted: true })
}
