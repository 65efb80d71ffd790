import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { moneyKeys } from "../lib/money"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { listOrderLines, moveOrderLine, OrderLine, orderLinesKey } from "../lib/order-lines"

const TERMINAL_COLORS: Record<string, "green" | "red" | "grey" | "orange" | "blue"> = {
  CLOSED: "grey", CANCELLED: "red", REFUNDED: "red", NO_SHOW: "orange", DELIVERED: "green", SERVED: "green", CONSUMED: "green",
}

// Every line of the order with its own state, history and the moves an operator may make.
const OrderLinesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, error } = useQuery({ queryKey: orderLinesKey(order.id), queryFn: () => listOrderLines(order.id) })
  return (
    <Container className="divide-y p-0" data-testid="order-lines-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Line lifecycles</Heading>
        <Text size="small" className="text-ui-fg-subtle">Each line runs the process of its kind (physical, service, course).</Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {data?.lines.length === 0 && <Text className="px-6 py-4">No line lifecycles for this order.</Text>}
      {data && <NativeCardsNote lines={data.lines} />}
      {data?.lines.map((line) => <LineRow key={line.id} orderId={order.id} line={line} />)}
    </Container>
  )
}

/**
 * Medusa's fulfilment cards above list bookings and courses too (every line has a native fulfilment,
 * issue 16), in shipping words. Said once here, for orders that have them, what those cards mean.
 */
function NativeCardsNote({ lines }: { lines: OrderLine[] }) {
  const service = lines.some((l) => l.kind === "SERVICE")
  const course = lines.some((l) => l.kind === "COURSE")
  if (!service && !course) return null
  return (
    <div className="flex flex-col gap-y-1 px-6 py-4" data-testid="order-lines-native-note">
      <Text size="small" weight="plus">
        Nothing is shipped for {service && course ? "bookings and courses" : service ? "bookings" : "courses"}; Medusa's fulfilment cards above list {service && course ? "them" : "it"} anyway.
      </Text>
      {service && (
        <Text size="small" className="text-ui-fg-subtle">
          Bookings: “Fulfill items” (the merchant's location, option “No delivery”) confirms the booking and takes its payment; “Awaiting delivery” then means confirmed, not yet given; “Mark as delivered” records it as given.
        </Text>
      )}
      {course && (
        <Text size="small" className="text-ui-fg-subtle">
          Courses: access is granted and paid for at purchase, and the card reads “Delivered”. If the payment could not be taken then, “Fulfill items” (the merchant's location, option “No delivery”) grants it.
        </Text>
      )}
    </div>
  )
}

function LineRow({ orderId, line }: { orderId: string; line: OrderLine }) {
  const queryClient = useQueryClient()
  const [tracking, setTracking] = useState({ carrier: "", tracking_number: "" })
  const move = useMutation({
    mutationFn: (to: string) =>
      moveOrderLine(orderId, line.id, to === "SHIPPED" ? { to, ...tracking } : { to, reason: "operator action in admin" }),
    onSuccess: (res) => {
      toast.success(`${line.title ?? "Line"} → ${res.line.state}`)
      // The move also changed Medusa's own order (fulfilments, payment) and the split: refresh the
      // native cards ("orders" is the admin's own query key) and the split widget with the lines.
      queryClient.invalidateQueries({ queryKey: orderLinesKey(orderId) })
      queryClient.invalidateQueries({ queryKey: moneyKeys.splits(orderId) })
      queryClient.invalidateQueries({ queryKey: ["orders"] })
    },
    onError: (e: Error) => toast.error(e.message),
  })
  const needsTracking = line.allowed_transitions.some((t) => t.to === "SHIPPED")
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid={`order-line-${line.id}`}>
      <div className="flex items-center justify-between gap-x-2">
        <Text weight="plus">{line.title} {line.subtitle ? `· ${line.subtitle}` : ""} × {line.quantity}</Text>
        <div className="flex gap-x-2">
          <Badge size="2xsmall">{line.kind} v{line.process_version}</Badge>
          <Badge size="2xsmall" color={TERMINAL_COLORS[line.state] ?? "blue"} data-testid="order-line-state">{line.state}</Badge>
        </div>
      </div>
      {line.tracking_number && <Text size="small">Tracking: {line.carrier} {line.tracking_number}</Text>}
      <Text size="xsmall" className="text-ui-fg-subtle">
        {line.history.map((h) => `${h.to} (${h.actor_type}${h.reason ? `: ${h.reason}` : ""})`).join(" → ")}
      </Text>
      {needsTracking && (
        <div className="flex gap-x-2">
          <Input size="small" placeholder="Carrier" value={tracking.carrier} onChange={(e) => setTracking({ ...tracking, carrier: e.target.value })} />
          <Input size="small" placeholder="Tracking number" value={tracking.tracking_number}
            onChange={(e) => setTracking({ ...tracking, tracking_number: e.target.value })} />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {line.allowed_transitions.map((t) => (
          <Button key={t.name} size="small" variant={t.to === "CANCELLED" || t.to === "REFUNDED" ? "danger" : "secondary"}
            isLoading={move.isPending && move.variables === t.to} disabled={move.isPending}
            onClick={() => move.mutate(t.to)} data-testid={`order-line-move-${t.to}`}>
            {t.name.replace(/_/g, " ")} → {t.to}
          </Button>
        ))}
      </div>
    </div>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderLinesWidget
