import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"
import { courseApi, courseKey, CourseGrant, CourseLesson, CoursePolicy, fileToBase64, grantsKey } from "../lib/courses"

type ProductWithKind = AdminProduct & { kind?: string | null }

/** Course content editor (policy, lessons) and the course's grants with revoke, on COURSE products only. */
const CourseContentWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const { data: product } = useQuery({
    queryKey: ["snail-product-kind", data.id],
    queryFn: async () => (await sdk.admin.product.retrieve(data.id, { fields: "id" })).product as ProductWithKind,
  })
  if (product?.kind !== "COURSE") return null
  return (
    <>
      <CourseEditor productId={data.id} />
      <CourseGrants productId={data.id} />
    </>
  )
}

function CourseEditor({ productId }: { productId: string }) {
  const qc = useQueryClient()
  const { data, isLoading } = useQuery({
    queryKey: courseKey(productId),
    queryFn: () => courseApi<{ policy: CoursePolicy; lessons: CourseLesson[] }>(`/admin/courses/${productId}`),
  })
  const [policy, setPolicy] = useState<Partial<CoursePolicy>>({})
  useEffect(() => { if (data) setPolicy(data.policy) }, [data])
  const refresh = () => qc.invalidateQueries({ queryKey: courseKey(productId) })
  const onError = (e: Error) => toast.error(e.message)

  const savePolicy = useMutation({
    mutationFn: () => courseApi(`/admin/courses/${productId}/policy`, { method: "POST", body: {
      delivery: policy.delivery, access_days: policy.access_days ?? null, refund_days: Number(policy.refund_days),
      consumption_threshold_pct: Number(policy.consumption_threshold_pct), max_sessions: policy.max_sessions ?? null,
      external_url: policy.external_url || null,
    } }),
    onSuccess: () => { toast.success("Course policy saved"); refresh() },
    onError,
  })

  const [title, setTitle] = useState("")
  const [file, setFile] = useState<File | null>(null)
  const [segments, setSegments] = useState<File[]>([])
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error("Choose a file")
      const isPlaylist = file.name.endsWith(".m3u8")
      const body = isPlaylist
        ? { kind: "hls", title, filename: file.name, playlist: await file.text(),
            segments: await Promise.all(segments.map(async (s) => ({ name: s.name, mime_type: s.type || "video/mp2t", content_base64: await fileToBase64(s) }))) }
        : { kind: "file", title, filename: file.name.replace(/[^A-Za-z0-9._-]/g, "_"), mime_type: file.type || "application/octet-stream", content_base64: await fileToBase64(file) }
      return courseApi(`/admin/courses/${productId}/lessons`, { method: "POST", body })
    },
    onSuccess: () => { toast.success("Lesson uploaded"); setTitle(""); setFile(null); setSegments([]); refresh() },
    onError,
  })
  const remove = useMutation({
    mutationFn: (id: string) => courseApi(`/admin/courses/${productId}/lessons/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
    onError,
  })
  const rename = useMutation({
    mutationFn: (l: { id: string; position: number }) => courseApi(`/admin/courses/${productId}/lessons/${l.id}`, { method: "POST", body: { position: l.position } }),
    onSuccess: refresh,
    onError,
  })

  const num = (v: string) => (v === "" ? null : Number(v))
  return (
    <Container className="divide-y p-0" data-testid="course-content-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Course content</Heading>
        {data?.policy.is_default && <Badge color="orange">default policy</Badge>}
      </div>
      {isLoading || !data ? <Text className="px-6 py-4">Loading…</Text> : (
        <>
          <div className="grid grid-cols-3 gap-3 px-6 py-4">
            <div>
              <Label size="small">Delivery</Label>
              <Select value={policy.delivery} onValueChange={(v) => setPolicy({ ...policy, delivery: v as CoursePolicy["delivery"] })}>
                <Select.Trigger><Select.Value /></Select.Trigger>
                <Select.Content>
                  {["FILE", "STREAM", "LINK"].map((d) => <Select.Item key={d} value={d}>{d}</Select.Item>)}
                </Select.Content>
              </Select>
            </div>
            <div><Label size="small">Access days (empty = lifetime)</Label>
              <Input type="number" value={policy.access_days ?? ""} onChange={(e) => setPolicy({ ...policy, access_days: num(e.target.value) })} /></div>
            <div><Label size="small">Refund days</Label>
              <Input type="number" value={policy.refund_days ?? ""} onChange={(e) => setPolicy({ ...policy, refund_days: Number(e.target.value) })} /></div>
            <div><Label size="small">Refund threshold %</Label>
              <Input type="number" value={policy.consumption_threshold_pct ?? ""} onChange={(e) => setPolicy({ ...policy, consumption_threshold_pct: Number(e.target.value) })} /></div>
            <div><Label size="small">Max devices (empty = any)</Label>
              <Input type="number" value={policy.max_sessions ?? ""} onChange={(e) => setPolicy({ ...policy, max_sessions: num(e.target.value) })} /></div>
            <div><Label size="small">External URL (LINK)</Label>
              <Input value={policy.external_url ?? ""} onChange={(e) => setPolicy({ ...policy, external_url: e.target.value })} /></div>
            <div className="col-span-3 flex justify-end">
              <Button size="small" variant="secondary" isLoading={savePolicy.isPending} onClick={() => savePolicy.mutate()}>Save policy</Button>
            </div>
          </div>
          <Table>
            <Table.Header><Table.Row>
              <Table.HeaderCell>#</Table.HeaderCell><Table.HeaderCell>Lesson</Table.HeaderCell><Table.HeaderCell>Asset</Table.HeaderCell><Table.HeaderCell />
            </Table.Row></Table.Header>
            <Table.Body>
              {data.lessons.map((l, i) => (
                <Table.Row key={l.id}>
                  <Table.Cell>{l.position}</Table.Cell>
                  <Table.Cell>{l.title}</Table.Cell>
                  <Table.Cell>{l.kind === "hls" ? `HLS, ${l.segment_count} segments` : `${l.filename} (${l.mime_type}, ${l.size_bytes} B)`}</Table.Cell>
                  <Table.Cell className="flex gap-1">
                    <Button size="small" variant="transparent" disabled={i === 0} onClick={() => rename.mutate({ id: l.id, position: Math.max(0, l.position - 1) })}>↑</Button>
                    <Button size="small" variant="transparent" onClick={() => rename.mutate({ id: l.id, position: l.position + 1 })}>↓</Button>
                    <Button size="small" variant="danger" onClick={() => remove.mutate(l.id)}>Delete</Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <div className="flex flex-col gap-2 px-6 py-4">
            <Text size="small" weight="plus">Add a lesson (a file, or an .m3u8 playlist plus its segment files)</Text>
            <Input placeholder="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
            <input type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            {file?.name.endsWith(".m3u8") && <input type="file" multiple onChange={(e) => setSegments(Array.from(e.target.files ?? []))} />}
            <div className="flex justify-end">
              <Button size="small" disabled={!title || !file} isLoading={upload.isPending} onClick={() => upload.mutate()}>Upload</Button>
            </div>
          </div>
        </>
      )}
    </Container>
  )
}

function CourseGrants({ productId }: { productId: string }) {
  const qc = useQueryClient()
  const { data } = useQuery({
    queryKey: grantsKey(productId),
    queryFn: () => courseApi<{ grants: CourseGrant[]; count: number }>(`/admin/course-grants?product_id=${encodeURIComponent(productId)}`),
  })
  const revoke = useMutation({
    mutationFn: (g: CourseGrant) => {
      const reason = window.prompt(`Revoke access of ${g.buyer_email}? Reason:`)
      if (!reason) return Promise.resolve(null)
      return courseApi(`/admin/course-grants/${g.id}/revoke`, { method: "POST", body: { reason } })
    },
    onSuccess: (r) => { if (r) toast.success("Access revoked"); qc.invalidateQueries({ queryKey: grantsKey(productId) }) },
    onError: (e: Error) => toast.error(e.message),
  })
  return (
    <Container className="divide-y p-0" data-testid="course-grants-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Course access grants</Heading>
        <Badge>{data?.count ?? 0}</Badge>
      </div>
      <Table>
        <Table.Header><Table.Row>
          <Table.HeaderCell>Buyer</Table.HeaderCell><Table.HeaderCell>Order</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Consumed</Table.HeaderCell><Table.HeaderCell>Refused URLs</Table.HeaderCell><Table.HeaderCell />
        </Table.Row></Table.Header>
        <Table.Body>
          {(data?.grants ?? []).map((g) => (
            <Table.Row key={g.id}>
              <Table.Cell>{g.buyer_name ? `${g.buyer_name} ` : ""}{g.buyer_email}</Table.Cell>
              <Table.Cell>#{g.order_display_id ?? g.order_id}</Table.Cell>
              <Table.Cell><Badge color={g.effective_status === "ACTIVE" ? "green" : "red"}>{g.effective_status}</Badge>{g.reason ? ` ${g.reason}` : ""}</Table.Cell>
              <Table.Cell>{g.consumption_pct}%</Table.Cell>
              <Table.Cell>{g.refused_attempts}</Table.Cell>
              <Table.Cell>
                {g.status === "ACTIVE" && <Button size="small" variant="danger" isLoading={revoke.isPending} onClick={() => revoke.mutate(g)}>Revoke</Button>}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default CourseContentWidget
