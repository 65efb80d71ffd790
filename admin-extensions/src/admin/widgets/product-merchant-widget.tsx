import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { sdk } from "../lib/sdk"

type ProductMerchant = { id: string; handle: string; display_name: string } | null
type ProductWithMerchant = AdminProduct & { merchant?: ProductMerchant }

// Shows which merchant owns the product (the server adds `merchant` to every admin product).
const ProductMerchantWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const { data: product, isLoading, error } = useQuery({
    queryKey: ["snail-product-merchant", data.id],
    queryFn: async () => (await sdk.admin.product.retrieve(data.id, { fields: "id" })).product as ProductWithMerchant,
  })
  const merchant = product?.merchant ?? null

  return (
    <Container className="divide-y p-0" data-testid="product-merchant-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Merchant</Heading>
      </div>
      <div className="px-6 py-4">
        {isLoading ? (
          <Text size="small">Loading…</Text>
        ) : error ? (
          <Text size="small" className="text-ui-fg-error">
            {(error as Error).message}
          </Text>
        ) : merchant ? (
          <div className="flex flex-col gap-y-1">
            <Link
              to={`/merchants/${merchant.id}`}
              data-testid="product-merchant-link"
              className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
            >
              {merchant.display_name}
            </Link>
            <Text size="small" className="text-ui-fg-subtle">
              @{merchant.handle}
            </Text>
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-subtle" data-testid="product-merchant-none">
            Platform-owned (no merchant)
          </Text>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.before" })

export default ProductMerchantWidget
