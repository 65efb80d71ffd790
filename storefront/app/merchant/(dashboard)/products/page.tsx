"use client"

import { ProductList } from "@/components/dashboard/catalog/ProductList"

/** Products (issue 22 §2): the catalogue with search, filters and bulk publishing. */
export default function ProductsPage() {
  return (
    <div data-testid="dash-products">
      <ProductList />
    </div>
  )
}
