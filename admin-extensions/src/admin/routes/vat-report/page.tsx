import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { fetchReport, major, reportUrl } from "../../lib/vat-ae"
import { TreatmentRules } from "./treatment-rules"

const firstOfMonth = () => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)).toISOString().slice(0, 10)
const firstOfNextMonth = () => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)).toISOString().slice(0, 10)

// VAT report per period and merchant: output VAT, zero-rated and exempt totals; CSV download.
const VatReportPage = () => {
  const [from, setFrom] = useState(firstOfMonth())
  const [to, setTo] = useState(firstOfNextMonth())
  const [merchantId, setMerchantId] = useState("")
  const { data, isLoading, error } = useQuery({ queryKey: ["snail-vat-report", from, to, merchantId], queryFn: () => fetchReport(from, to, merchantId) })
  return (
    <Container className="flex flex-col gap-y-4 p-6" data-testid="vat-report-page">
      <Heading level="h1">UAE VAT report</Heading>
      <div className="flex flex-wrap items-end gap-3">
        <div><Label htmlFor="vat-from">From</Label><Input id="vat-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></div>
        <div><Label htmlFor="vat-to">To (exclusive)</Label><Input id="vat-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} /></div>
        <div><Label htmlFor="vat-merchant">Merchant id (optional)</Label><Input id="vat-merchant" value={merchantId} onChange={(e) => setMerchantId(e.target.value.trim())} /></div>
        <a href={reportUrl(from, to, merchantId, "csv")}><Button variant="secondary">Download CSV</Button></a>
      </div>
      {isLoading && <Text>Loading…</Text>}
      {error && <Text className="text-ui-fg-error">{(error as Error).message}</Text>}
      {data && (
        <Table>
          <Table.Header>
            <Table.Row>
              {["Merchant", "TRN", "Documents", "Standard-rated", "Output VAT", "Zero-rated", "Exempt", "Output VAT (AED)"].map((h) => <Table.HeaderCell key={h}>{h}</Table.HeaderCell>)}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.rows.map((r) => (
              <Table.Row key={`${r.merchant_id}-${r.currency}`}>
                <Table.Cell>{r.merchant ?? r.merchant_id}</Table.Cell>
                <Table.Cell>{r.trn ?? "—"}</Table.Cell>
                <Table.Cell>{r.documents}</Table.Cell>
                <Table.Cell>{major(r.standard, r.currency)}</Table.Cell>
                <Table.Cell>{major(r.output_vat, r.currency)}</Table.Cell>
                <Table.Cell>{major(r.zero_rated, r.currency)}</Table.Cell>
                <Table.Cell>{major(r.exempt, r.currency)}</Table.Cell>
                <Table.Cell>{major(r.output_vat_aed, "aed")}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <TreatmentRules />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "VAT report", icon: DocumentText })

export default VatReportPage
