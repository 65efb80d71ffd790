import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminPromotion, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"

type Funder = "platform" | "merchant"
type Funding = { promotion_id: string; funded_by: Funder; is_default: boolean; default_funded_by: Funder }
const LABELS: Record<Funder, string> = { platform: "The platform", merchant: "The merchants" }

// Issue 17 §3: who pays for this promotion's discount. Orders already placed keep the funding
// they were split with; the change applies to orders placed from now on.
const PromotionFundingWidget = ({ data }: DetailWidgetProps<AdminPromotion>) => {
  const queryClient = useQueryClient()
  const queryKey = ["snail-promotion-funding", data.id]
  const url = `/admin/promotions/${data.id}/funding`
  const { data: funding, isLoading, error } = useQuery({
    queryKey,
    queryFn: async () => (await sdk.client.fetch<{ promotion_funding: Funding }>(url)).promotion_funding,
  })
  const [selected, setSelected] = useState<Funder | undefined>()
  useEffect(() => setSelected(funding?.funded_by), [funding?.funded_by])
  const save = useMutation({
    mutationFn: (funded_by: Funder) => sdk.client.fetch(url, { method: "POST", body: { funded_by } }),
    onSuccess: () => {
      toast.success("Funding saved")
      queryClient.invalidateQueries({ queryKey })
    },
    onError: (e: Error) => toast.error(e.message),
  })

  return (
    <Container className="divide-y p-0" data-testid="promotion-funding-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Funded by</Heading>
        {funding && <Badge data-testid="promotion-funding-badge">{LABELS[funding.funded_by]}{funding.is_default ? " (default)" : ""}</Badge>}
      </div>
      <div className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle mb-3">
          A platform-funded discount is the platform's cost: merchants are paid and charged commission as if it were not given. A merchant-funded one lowers the merchant's commission base and net.
        </Text>
        {isLoading && <Text size="small">Loading…</Text>}
        {error && <Text size="small" className="text-ui-fg-error">{(error as Error).message}</Text>}
        {funding && (
          <div className="flex items-end gap-x-3">
            <div className="flex-1">
              <Select value={selected} onValueChange={(v) => setSelected(v as Funder)}>
                <Select.Trigger data-testid="promotion-funding-select">
                  <Select.Value placeholder="Choose who funds it" />
                </Select.Trigger>
                <Select.Content>
                  {(Object.keys(LABELS) as Funder[]).map((f) => (
                    <Select.Item key={f} value={f}>{LABELS[f]}</Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <Button
              size="small"
              variant="secondary"
              disabled={!selected || (selected === funding.funded_by && !funding.is_default) || save.isPending}
              isLoading={save.isPending}
              onClick={() => selected && save.mutate(selected)}
            >
              Save
            </Button>
          </div>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "promotion.details.side.after" })

export default PromotionFundingWidget
