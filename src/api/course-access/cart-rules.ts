import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SnailError } from "../../lib/snail-error"

// A course is access for one buyer: a second copy in a cart would charge twice for one grant.
// Medusa merges an added variant that is already in the cart into its line (quantity + 1), so
// both adding it again and raising a course line's quantity are refused here, for every client.

const bodyOf = (req: MedusaRequest) => ((req as any).validatedBody ?? req.body ?? {}) as Record<string, any>

async function isCourse(req: MedusaRequest, variantId: string): Promise<boolean> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product.product_kind.kind"], filters: { id: variantId } })
  return (data[0] as any)?.product?.product_kind?.kind === "COURSE"
}

function oneCopy(quantity: unknown) {
  if (quantity !== undefined && Number(quantity) !== 1) {
    throw new SnailError(400, "COURSE_ONE_COPY", "A course is bought once: its quantity is 1", "quantity")
  }
}

/** POST /store/carts/:id/line-items */
export async function courseOnceOnAdd(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const body = bodyOf(req)
    if (typeof body.variant_id !== "string" || !(await isCourse(req, body.variant_id))) return next()
    oneCopy(body.quantity)
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "line_item", fields: ["id"], filters: { cart_id: req.params.id, variant_id: body.variant_id } })
    if (data.length) throw new SnailError(409, "COURSE_ALREADY_IN_CART", "This course is already in the cart", "variant_id")
    next()
  } catch (e) {
    next(e)
  }
}

/** POST /store/carts/:id/line-items/:line_id (0 removes the line, which stays allowed). */
export async function courseOnceOnUpdate(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const quantity = bodyOf(req).quantity
    if (quantity === undefined || Number(quantity) === 0) return next()
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "line_item", fields: ["id", "cart_id", "variant_id"], filters: { id: req.params.line_id } })
    const item: any = data[0]
    if (item?.cart_id === req.params.id && item.variant_id && (await isCourse(req, item.variant_id))) oneCopy(quantity)
    next()
  } catch (e) {
    next(e)
  }
}
