import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Checkbox, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"
import { deleteProductSchedule, errorText, getProductSchedule, saveProductSchedule, type Schedule } from "../lib/bookings"

type Form = Record<string, string | boolean>

const NUMBER_FIELDS: [keyof Schedule, string][] = [
  ["slot_minutes", "Slot (minutes)"], ["buffer_minutes", "Buffer (minutes)"], ["window_minutes", "Window (minutes)"],
  ["capacity", "Capacity per slot"], ["horizon_days", "Horizon (days)"], ["min_notice_minutes", "Minimum notice (minutes)"],
  ["free_cancel_hours", "Free cancellation until (hours before)"], ["cancel_fee_bps", "Cancellation fee (basis points)"],
  ["reschedule_until_hours", "Reschedule until (hours before)"], ["max_reschedules", "Max reschedules"],
]
const LIST_FIELDS: [keyof Schedule, string, string][] = [
  ["exdates", "Days / slots off (local, comma-separated)", "2026-05-01, 2026-05-02T10:00"],
  ["extra_slots", "Extra one-off slots (local, comma-separated)", "2026-05-03T14:00"],
]
const DEFAULTS: Form = {
  timezone: "Asia/Dubai", rrule: "FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH;BYHOUR=10;BYMINUTE=0", slot_minutes: "60", buffer_minutes: "0",
  window_minutes: "480", capacity: "1", horizon_days: "60", min_notice_minutes: "120", free_cancel_hours: "24", cancel_fee_bps: "0",
  reschedule_until_hours: "24", max_reschedules: "1", auto_confirm: true, exdates: "", extra_slots: "", blackouts: "",
}

function toForm(s: Schedule | null): Form {
  if (!s) return { ...DEFAULTS }
  const f: Form = { timezone: s.timezone, rrule: s.rrule, auto_confirm: s.auto_confirm }
  for (const [k] of NUMBER_FIELDS) f[k] = s[k] === null || s[k] === undefined ? "" : String(s[k])
  for (const [k] of LIST_FIELDS) f[k] = ((s[k] as string[] | null) ?? []).join(", ")
  f.blackouts = (s.blackouts ?? []).map((b) => `${b.start}/${b.end}`).join(", ")
  return f
}

function toBody(f: Form): Partial<Schedule> {
  const list = (v: string | boolean) => String(v).split(",").map((x) => x.trim()).filter(Boolean)
  const body: any = { timezone: f.timezone, rrule: f.rrule, auto_confirm: !!f.auto_confirm }
  for (const [k] of NUMBER_FIELDS) body[k] = f[k] === "" ? (k === "window_minutes" ? null : undefined) : Number(f[k])
  for (const [k] of LIST_FIELDS) body[k] = list(f[k])
  body.blackouts = list(f.blackouts).map((r) => {
    const [start, end] = r.split("/")
    return { start, end }
  })
  return body
}

// Schedule editor for SERVICE products: when and how the service can be booked, and its policies.
const ProductScheduleWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const queryClient = useQueryClient()
  const { data: kind } = useQuery({
    queryKey: ["snail-product-kind", data.id, "schedule"],
    queryFn: async () => ((await sdk.admin.product.retrieve(data.id, { fields: "id" })).product as any).kind as string | undefined,
  })
  const key = ["snail-product-schedule", data.id]
  const { data: schedule, isLoading } = useQuery({ queryKey: key, queryFn: async () => (await getProductSchedule(data.id)).schedule, enabled: kind === "SERVICE" })
  const [form, setForm] = useState<Form>(DEFAULTS)
  useEffect(() => setForm(toForm(schedule ?? null)), [schedule])

  const save = useMutation({
    mutationFn: () => saveProductSchedule(data.id, toBody(form)),
    onSuccess: () => {
      toast.success("Schedule saved")
      queryClient.invalidateQueries({ queryKey: key })
    },
    onError: (e) => toast.error(errorText(e)),
  })
  const remove = useMutation({
    mutationFn: () => deleteProductSchedule(data.id),
    onSuccess: () => {
      toast.success("Schedule removed")
      queryClient.invalidateQueries({ queryKey: key })
    },
    onError: (e) => toast.error(errorText(e)),
  })

  if (kind !== "SERVICE") return null
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }))
  return (
    <Container className="divide-y p-0" data-testid="schedule-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Booking schedule</Heading>
        <Text size="small" className="text-ui-fg-subtle">{schedule ? `Times are local to ${schedule.timezone}` : "Not bookable by slot yet"}</Text>
      </div>
      {isLoading ? (
        <Text size="small" className="px-6 py-4">Loading…</Text>
      ) : (
        <div className="grid grid-cols-2 gap-3 px-6 py-4">
          <div className="col-span-2">
            <Label size="xsmall">Time zone (IANA)</Label>
            <Input size="small" value={String(form.timezone)} onChange={set("timezone")} data-testid="schedule-timezone" />
          </div>
          <div className="col-span-2">
            <Label size="xsmall">Recurrence (RRULE: opening times)</Label>
            <Input size="small" value={String(form.rrule)} onChange={set("rrule")} data-testid="schedule-rrule" />
          </div>
          {NUMBER_FIELDS.map(([k, label]) => (
            <div key={k}>
              <Label size="xsmall">{label}</Label>
              <Input size="small" type="number" value={String(form[k])} onChange={set(k)} data-testid={`schedule-${k}`} />
            </div>
          ))}
          {LIST_FIELDS.map(([k, label, placeholder]) => (
            <div key={k} className="col-span-2">
              <Label size="xsmall">{label}</Label>
              <Input size="small" placeholder={placeholder} value={String(form[k])} onChange={set(k)} />
            </div>
          ))}
          <div className="col-span-2">
            <Label size="xsmall">Blackouts (UTC start/end, comma-separated)</Label>
            <Input size="small" placeholder="2026-05-01T00:00:00Z/2026-05-03T00:00:00Z" value={String(form.blackouts)} onChange={set("blackouts")} />
          </div>
          <div className="col-span-2 flex items-center gap-x-2">
            <Checkbox id="auto-confirm" checked={!!form.auto_confirm} onCheckedChange={(v) => setForm((f) => ({ ...f, auto_confirm: v === true }))} />
            <Label htmlFor="auto-confirm" size="small">Confirm paid bookings automatically</Label>
          </div>
          <div className="col-span-2 flex justify-end gap-x-2">
            {schedule && (
              <Button size="small" variant="danger" isLoading={remove.isPending} onClick={() => remove.mutate()}>Remove</Button>
            )}
            <Button size="small" variant="secondary" isLoading={save.isPending} onClick={() => save.mutate()} data-testid="schedule-save">Save schedule</Button>
          </div>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductScheduleWidget
