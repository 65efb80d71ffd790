import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"

const KINDS = ["PHYSICAL", "SERVICE", "COURSE"] as const
type Kind = (typeof KINDS)[number]
const LABELS: Record<Kind, string> = { PHYSICAL: "Physical goods", SERVICE: "Bookable service", COURSE: "Digital course" }

type ProductWithKind = AdminProduct & { kind?: Kind | null }

// Shows the product's kind (PHYSICAL / SERVICE / COURSE) and lets staff change it.
const ProductKindWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const queryClient = useQueryClient()
  const queryKey = ["snail-product-kind", data.id]
  const { data: product, isLoading } = useQuery({
    queryKey,
    queryFn: async () => (await sdk.admin.product.retrieve(data.id, { fields: "id" })).product as ProductWithKind,
  })
  const [selected, setSelected] = useState<Kind | undefined>()
  useEffect(() => setSelected(product?.kind ?? undefined), [product?.kind])

  const save = useMutation({
    // additional_data is accepted by the server (src/api/middlewares.ts) but absent from the SDK types.
    mutationFn: (kind: Kind) => sdk.admin.product.update(data.id, { additional_data: { kind } } as any),
    onSuccess: () => {
      toast.success("Product kind saved")
      queryClient.invalidateQueries({ queryKey })
    },
    onError: (e: Error) => toast.error(e.message),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Product kind</Heading>
        {product?.kind && <Badge data-testid="product-kind-badge">{LABELS[product.kind]}</Badge>}
      </div>
      <div className="flex items-end gap-x-3 px-6 py-4">
        {isLoading ? (
          <Text size="small">Loading…</Text>
        ) : (
          <>
            <div className="flex-1">
              <Select value={selected} onValueChange={(v) => setSelected(v as Kind)}>
                <Select.Trigger data-testid="product-kind-select">
                  <Select.Value placeholder="Choose a kind" />
                </Select.Trigger>
                <Select.Content>
                  {KINDS.map((k) => (
                    <Select.Item key={k} value={k}>
                      {LABELS[k]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <Button
              size="small"
              variant="secondary"
              disabled={!selected || selected === product?.kind || save.isPending}
              isLoading={save.isPending}
              onClick={() => selected && save.mutate(selected)}
            >
              Save
            </Button>
          </>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.before" })

export default ProductKindWidget
