import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ProductKindModule from "../modules/product-kind"

// Every product has exactly one kind; deleting the product deletes its kind row.
export default defineLink(ProductModule.linkable.product, {
  linkable: ProductKindModule.linkable.productKind,
  deleteCascade: true,
})
