import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EnvelopeSolid } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Select, Switch, Text, toast } from "@medusajs/ui"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useSearchParams } from "react-router-dom"
import {
  CHANNEL_WORDS, type Delivery, getDelivery, listDeliveries, listTemplates, LOCALE_WORDS, myPreferences, myPreferencesKey, type MyPreference,
  notificationKeys, previewTemplate, resendDelivery, setMyPreference, STATUS_COLOR, STATUS_WORDS, TYPE_WORDS,
} from "../../lib/notifications"

const PAGE_SIZE = 20
const ALL = "all"

// The delivery log (every message, every attempt) with filters in the URL, Resend, and template previews per locale.
const NotificationsPage = () => {
  const [params, setParams] = useSearchParams()
  const status = params.get("status") ?? ""
  const channel = params.get("channel") ?? ""
  const type = params.get("notification_type") ?? ""
  const recipient = params.get("recipient") ?? ""
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0)
  const set = (k: string, v: string | number) => {
    const next = new URLSearchParams(params)
    if (v === "" || v === ALL || v === 0) next.delete(k)
    else next.set(k, String(v))
    if (k !== "offset") next.delete("offset")
    setParams(next, { replace: true })
  }
  const query = { status, channel, notification_type: type, recipient, limit: PAGE_SIZE, offset }
  const { data, isLoading, error } = useQuery({ queryKey: notificationKeys.list(query), queryFn: () => listDeliveries(query), placeholderData: keepPreviousData })
  const [open, setOpen] = useState<string | null>(null)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
          <div>
            <Heading>Notifications</Heading>
            <Text size="small" className="text-ui-fg-subtle">Every email and Telegram message, newest first, with each attempt.</Text>
          </div>
          <div className="flex flex-wrap gap-x-2">
            <Input size="small" placeholder="Recipient" defaultValue={recipient} onKeyDown={(e) => e.key === "Enter" && set("recipient", (e.target as HTMLInputElement).value)} />
            <Select value={status || ALL} onValueChange={(v) => set("status", v)}>
              <Select.Trigger><Select.Value placeholder="Status" /></Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All statuses</Select.Item>
                {Object.entries(STATUS_WORDS).map(([k, w]) => <Select.Item key={k} value={k}>{w}</Select.Item>)}
              </Select.Content>
            </Select>
            <Select value={channel || ALL} onValueChange={(v) => set("channel", v)}>
              <Select.Trigger><Select.Value placeholder="Channel" /></Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All channels</Select.Item>
                {Object.entries(CHANNEL_WORDS).map(([k, w]) => <Select.Item key={k} value={k}>{w}</Select.Item>)}
              </Select.Content>
            </Select>
            <Select value={type || ALL} onValueChange={(v) => set("notification_type", v)}>
              <Select.Trigger><Select.Value placeholder="Kind" /></Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All kinds</Select.Item>
                {Object.entries(TYPE_WORDS).map(([k, w]) => <Select.Item key={k} value={k}>{w}</Select.Item>)}
              </Select.Content>
            </Select>
          </div>
        </div>
        {isLoading && <Text className="px-6 py-4">Loading…</Text>}
        {error && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
        {data?.deliveries.length === 0 && <Text className="px-6 py-4">No messages.</Text>}
        {data?.deliveries.map((d) => <DeliveryRow key={d.id} d={d} open={open === d.id} onToggle={() => setOpen(open === d.id ? null : d.id)} />)}
        {data && data.count > PAGE_SIZE && (
          <div className="flex items-center justify-between px-6 py-4">
            <Text size="small">{offset + 1}–{Math.min(offset + PAGE_SIZE, data.count)} of {data.count}</Text>
            <div className="flex gap-x-2">
              <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => set("offset", Math.max(0, offset - PAGE_SIZE))}>Previous</Button>
              <Button size="small" variant="secondary" disabled={offset + PAGE_SIZE >= data.count} onClick={() => set("offset", offset + PAGE_SIZE)}>Next</Button>
            </div>
          </div>
        )}
      </Container>
      <MyNotifications />
      <TemplatePreview />
    </div>
  )
}

// The signed-in admin's own choices; admins' e-mails link here (#my-notifications).
const MyNotifications = () => {
  const qc = useQueryClient()
  const mine = useQuery({ queryKey: myPreferencesKey, queryFn: myPreferences })
  const save = useMutation({
    mutationFn: (p: MyPreference) => setMyPreference({ notification_type: p.notification_type, channel: p.channel, enabled: !p.enabled }),
    onSuccess: (data) => {
      qc.setQueryData(myPreferencesKey, data)
      toast.success("Saved")
    },
    onError: () => toast.error("Could not save the choice"),
  })
  // Telegram only once a chat is linked (admins have no Connect button yet): a switch that reaches nothing is not shown.
  const switchable = (mine.data?.preferences ?? []).filter((p) => !p.transactional && (p.channel === "email" || mine.data?.telegram_linked))
  const types = [...new Set(switchable.map((p) => p.notification_type))]
  return (
    <Container className="divide-y p-0" id="my-notifications">
      <div className="px-6 py-4">
        <Heading level="h2">My notifications</Heading>
        <Text size="small" className="text-ui-fg-subtle">The platform notices you get yourself, per channel. Password resets and invites always arrive.</Text>
      </div>
      {types.map((type) => (
        <div key={type} className="flex flex-wrap items-center justify-between gap-2 px-6 py-3" data-testid="admin-my-pref" data-type={type}>
          <Text size="small">{TYPE_WORDS[type] ?? type}</Text>
          <div className="flex gap-x-6">
            {switchable.filter((p) => p.notification_type === type).map((p) => (
              <label key={p.channel} className="flex items-center gap-x-2">
                <Switch checked={p.enabled} disabled={save.isPending} onCheckedChange={() => save.mutate(p)} aria-label={`${TYPE_WORDS[type] ?? type} · ${CHANNEL_WORDS[p.channel]}`} />
                <Text size="small">{CHANNEL_WORDS[p.channel]}</Text>
              </label>
            ))}
          </div>
        </div>
      ))}
    </Container>
  )
}

const DeliveryRow = ({ d, open, onToggle }: { d: Delivery; open: boolean; onToggle: () => void }) => {
  const qc = useQueryClient()
  const resend = useMutation({
    mutationFn: () => resendDelivery(d.id),
    onSuccess: (r) => {
      toast.success(r.delivery.status === "SENT" ? "Sent again" : "Queued again; it will be retried")
      qc.invalidateQueries({ queryKey: notificationKeys.all })
    },
    onError: (e) => toast.error((e as Error).message),
  })
  const detail = useQuery({ queryKey: notificationKeys.one(d.id), queryFn: () => getDelivery(d.id), enabled: open })
  return (
    <div className="px-6 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <button className="text-start" onClick={onToggle}>
          <Text size="small" weight="plus">{d.subject ?? TYPE_WORDS[d.notification_type] ?? "Message"}</Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {CHANNEL_WORDS[d.channel]} to {d.recipient} · {LOCALE_WORDS[d.locale]} · {TYPE_WORDS[d.notification_type] ?? "Other"} · {new Date(d.created_at).toLocaleString()}
          </Text>
        </button>
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall" color={STATUS_COLOR[d.status]}>{STATUS_WORDS[d.status]}</Badge>
          <Text size="xsmall" className="text-ui-fg-subtle">{d.attempts} attempt{d.attempts === 1 ? "" : "s"}</Text>
          {(d.status === "FAILED" || d.status === "SENT") && (
            <Button size="small" variant="secondary" isLoading={resend.isPending} onClick={() => resend.mutate()}>Resend</Button>
          )}
        </div>
      </div>
      {d.last_error && d.status !== "SENT" && <Text size="xsmall" className="text-ui-fg-error">{d.last_error.split("\n").pop()}</Text>}
      {open && detail.data && (
        <div className="mt-2 flex flex-col gap-y-1">
          {detail.data.attempts.map((a) => (
            <Text key={a.id} size="xsmall">
              Attempt {a.attempt} · {new Date(a.created_at).toLocaleString()} · {a.status === "SENT" ? "sent" : `failed${a.permanent ? " (will not retry)" : ""}: ${(a.error ?? "").split("\n").pop()}`}
            </Text>
          ))}
          {detail.data.delivery.html && <iframe sandbox="" title="message" className="h-96 w-full rounded border" srcDoc={detail.data.delivery.html} />}
          {!detail.data.delivery.html && detail.data.delivery.text && <pre className="whitespace-pre-wrap text-xs">{detail.data.delivery.text}</pre>}
        </div>
      )}
    </div>
  )
}

const TemplatePreview = () => {
  const templates = useQuery({ queryKey: notificationKeys.templates, queryFn: listTemplates })
  const [name, setName] = useState("order-placed")
  const [locale, setLocale] = useState("en")
  const preview = useQuery({ queryKey: notificationKeys.preview(name, locale), queryFn: () => previewTemplate(name, locale) })
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h2">Template preview</Heading>
          <Text size="small" className="text-ui-fg-subtle">Each message with sample data, as a reader sees it in their language.</Text>
        </div>
        <div className="flex gap-x-2">
          <Select value={name} onValueChange={setName}>
            <Select.Trigger><Select.Value placeholder="Template" /></Select.Trigger>
            <Select.Content>
              {templates.data?.templates.map((t) => <Select.Item key={t.name} value={t.name}>{TYPE_WORDS[t.notification_type] ?? t.name}</Select.Item>)}
            </Select.Content>
          </Select>
          <Select value={locale} onValueChange={setLocale}>
            <Select.Trigger><Select.Value placeholder="Language" /></Select.Trigger>
            <Select.Content>
              {Object.entries(LOCALE_WORDS).map(([k, w]) => <Select.Item key={k} value={k}>{w}</Select.Item>)}
            </Select.Content>
          </Select>
        </div>
      </div>
      {preview.data && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text weight="plus">{preview.data.subject}</Text>
          {preview.data.attachments.length > 0 && <Text size="xsmall">Attached: {preview.data.attachments.map((a) => a.filename).join(", ")}</Text>}
          <iframe sandbox="" title="preview" className="h-[32rem] w-full rounded border" srcDoc={preview.data.html} />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Notifications", icon: EnvelopeSolid })

export default NotificationsPage
