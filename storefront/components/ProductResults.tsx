"use client"

import type { UseQueryResult } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { ProductCard } from "@/components/ProductCard"
import { ErrorMessage, Loading } from "@/components/Status"
import type { Product } from "@/lib/sdk"

/** A grid of product cards. */
export function ProductGrid({ products }: { products: Product[] }) {
  return (
    <div className="grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </div>
  )
}

/**
 * A product listing's states: region error, query error, loading, empty (`emptyText`),
 * else `children` with the products (a plain ProductGrid by default).
 */
export function ProductResults({
  regionsError,
  query,
  emptyText,
  children = (products) => <ProductGrid products={products} />,
}: {
  regionsError: unknown
  query: Pick<UseQueryResult<{ products: Product[] }>, "data" | "error">
  emptyText: string
  children?: (products: Product[]) => ReactNode
}) {
  if (regionsError) return <ErrorMessage error={regionsError} />
  if (query.error) return <ErrorMessage error={query.error} />
  if (!query.data) return <Loading />
  if (query.data.products.length === 0) {
    return <p className="muted" data-testid="products-empty">{emptyText}</p>
  }
  return <>{children(query.data.products)}</>
}
