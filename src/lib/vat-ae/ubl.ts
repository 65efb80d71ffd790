/**
 * UBL 2.1 Invoice in the PINT AE profile (the UAE e-invoicing specialisation of Peppol PINT) for
 * B2B invoices and credit notes. Pure string building; amounts are exact decimals from minor units.
 * PINT AE carries both on the UBL `Invoice` document: IBT-003 `InvoiceTypeCode` 380 (commercial
 * invoice) or 381 (credit note, with a `BillingReference` to the invoice it corrects, IBG-03).
 */
import { toMajorString } from "../money"

export const PINT_AE_CUSTOMIZATION = "urn:peppol:pint:billing-1@ae-1"
export const PINT_AE_PROFILE = "urn:peppol:bis:billing"

const CATEGORY: Record<string, string> = { STANDARD: "S", ZERO_RATED: "Z", EXEMPT: "E", OUT_OF_SCOPE: "O" }

function esc(v: unknown): string {
  return String(v ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

function party(tag: string, p: any) {
  const a = p.address ?? {}
  return `  <cac:${tag}>
    <cac:Party>
${p.trn ? `      <cbc:EndpointID schemeID="0235">${esc(p.trn)}</cbc:EndpointID>\n` : ""}      <cac:PostalAddress>
${a.address_1 ? `        <cbc:StreetName>${esc(a.address_1)}</cbc:StreetName>\n` : ""}${a.city ? `        <cbc:CityName>${esc(a.city)}</cbc:CityName>\n` : ""}${a.postal_code ? `        <cbc:PostalZone>${esc(a.postal_code)}</cbc:PostalZone>\n` : ""}${a.province ? `        <cbc:CountrySubentity>${esc(a.province)}</cbc:CountrySubentity>\n` : ""}        <cac:Country>
          <cbc:IdentificationCode>${esc((a.country_code ?? "AE").toUpperCase())}</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
${p.trn ? `      <cac:PartyTaxScheme>
        <cbc:CompanyID>${esc(p.trn)}</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>\n` : ""}      <cac:PartyLegalEntity>
        <cbc:RegistrationName>${esc(p.name ?? "-")}</cbc:RegistrationName>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:${tag}>`
}

type UblLine = { quantity: unknown; taxable_minor: unknown; vat_minor: unknown; discount_minor?: unknown; description: string; treatment: string; rate_bps: number; unit_price_minor: unknown }

/** What one PINT AE document carries, whichever its type. */
type UblDocument = {
  number: string
  issued_at: unknown
  type_code: "380" | "381"
  note: string
  tax_point?: unknown
  currency_code: string
  order_reference: string
  billing_reference?: { number: string; issued_at: unknown } | null
  supplier: any
  recipient: any
  exchange_rate?: string | null
  vat_minor: unknown
  vat_aed_minor: unknown
  taxable_minor: unknown
  total_minor: unknown
  lines: UblLine[]
}

/** A tax invoice (IBT-003 = 380). */
export function invoiceUbl(inv: any): string {
  return ublDocument({
    ...inv, type_code: "380", note: inv.kind === "FULL" ? "Tax Invoice" : "Tax Invoice (simplified)", tax_point: inv.supply_date,
    order_reference: inv.order_display_id ?? inv.order_id, lines: inv.lines ?? [],
  })
}

/**
 * A tax credit note (IBT-003 = 381) referencing its invoice (IBT-025 number, IBT-026 date); supplier
 * and recipient are the invoice's. Credit notes state positive amounts: the type says they are credited.
 */
export function creditNoteUbl(cn: any): string {
  if (!cn.supplier?.trn || !cn.supplier?.name) throw new Error(`Credit note ${cn.number} has no supplier name and TRN`)
  return ublDocument({
    ...cn, type_code: "381", note: "Tax Credit Note", order_reference: cn.order_display_id ?? cn.order_id,
    billing_reference: { number: cn.invoice_number, issued_at: cn.invoice_issued_at },
    lines: (cn.lines ?? []).map((l: any) => ({ ...l, quantity: 1, unit_price_minor: l.taxable_minor, discount_minor: 0 })),
  })
}

function ublDocument(inv: UblDocument): string {
  const cur = String(inv.currency_code).toUpperCase()
  const amt = (minor: unknown, c = cur) => `currencyID="${c}">${toMajorString(Number(minor), c)}`
  const lines = inv.lines
  const groups = new Map<string, { cat: string; rate: number; taxable: number; vat: number }>()
  for (const l of lines) {
    const key = `${CATEGORY[l.treatment]}:${l.rate_bps}`
    const g = groups.get(key) ?? { cat: CATEGORY[l.treatment], rate: l.rate_bps, taxable: 0, vat: 0 }
    g.taxable += Number(l.taxable_minor)
    g.vat += Number(l.vat_minor)
    groups.set(key, g)
  }
  const day = new Date(inv.issued_at as any).toISOString().slice(0, 10)
  const supply = inv.tax_point ? new Date(inv.tax_point as any).toISOString().slice(0, 10) : null
  const taxCat = (cat: string, rate: number) => `<cac:TaxCategory>
        <cbc:ID>${cat}</cbc:ID>
        <cbc:Percent>${(rate / 100).toFixed(2)}</cbc:Percent>
${cat === "E" || cat === "O" ? `        <cbc:TaxExemptionReason>${cat === "E" ? "Exempt supply" : "Outside the scope of UAE VAT"}</cbc:TaxExemptionReason>\n` : ""}        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>${PINT_AE_CUSTOMIZATION}</cbc:CustomizationID>
  <cbc:ProfileID>${PINT_AE_PROFILE}</cbc:ProfileID>
  <cbc:ID>${esc(inv.number)}</cbc:ID>
  <cbc:IssueDate>${day}</cbc:IssueDate>
  <cbc:InvoiceTypeCode>${inv.type_code}</cbc:InvoiceTypeCode>
  <cbc:Note>${esc(inv.note)}</cbc:Note>
${supply ? `  <cbc:TaxPointDate>${supply}</cbc:TaxPointDate>\n` : ""}
  <cbc:DocumentCurrencyCode>${cur}</cbc:DocumentCurrencyCode>
  <cbc:TaxCurrencyCode>AED</cbc:TaxCurrencyCode>
  <cac:OrderReference>
    <cbc:ID>${esc(inv.order_reference)}</cbc:ID>
  </cac:OrderReference>
${inv.billing_reference ? `  <cac:BillingReference>
    <cac:InvoiceDocumentReference>
      <cbc:ID>${esc(inv.billing_reference.number)}</cbc:ID>
${inv.billing_reference.issued_at ? `      <cbc:IssueDate>${new Date(inv.billing_reference.issued_at as any).toISOString().slice(0, 10)}</cbc:IssueDate>\n` : ""}    </cac:InvoiceDocumentReference>
  </cac:BillingReference>\n` : ""}${party("AccountingSupplierParty", inv.supplier)}
${party("AccountingCustomerParty", inv.recipient)}
${cur !== "AED" ? `  <cac:TaxExchangeRate>
    <cbc:SourceCurrencyCode>${cur}</cbc:SourceCurrencyCode>
    <cbc:TargetCurrencyCode>AED</cbc:TargetCurrencyCode>
    <cbc:CalculationRate>${esc(inv.exchange_rate)}</cbc:CalculationRate>
    <cbc:MathematicOperatorCode>Multiply</cbc:MathematicOperatorCode>
  </cac:TaxExchangeRate>\n` : ""}  <cac:TaxTotal>
    <cbc:TaxAmount ${amt(inv.vat_minor)}</cbc:TaxAmount>
${[...groups.values()].map((g) => `    <cac:TaxSubtotal>
      <cbc:TaxableAmount ${amt(g.taxable)}</cbc:TaxableAmount>
      <cbc:TaxAmount ${amt(g.vat)}</cbc:TaxAmount>
      ${taxCat(g.cat, g.rate)}
    </cac:TaxSubtotal>`).join("\n")}
  </cac:TaxTotal>
${cur !== "AED" ? `  <cac:TaxTotal>
    <cbc:TaxAmount ${amt(inv.vat_aed_minor, "AED")}</cbc:TaxAmount>
  </cac:TaxTotal>\n` : ""}  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount ${amt(Number(inv.taxable_minor))}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount ${amt(inv.taxable_minor)}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount ${amt(inv.total_minor)}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount ${amt(inv.total_minor)}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${lines.map((l, i) => `  <cac:InvoiceLine>
    <cbc:ID>${i + 1}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">${l.quantity}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount ${amt(l.taxable_minor)}</cbc:LineExtensionAmount>
${Number(l.discount_minor) > 0 ? `    <cac:AllowanceCharge>
      <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
      <cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>
      <cbc:Amount ${amt(l.discount_minor)}</cbc:Amount>
    </cac:AllowanceCharge>\n` : ""}    <cac:Item>
      <cbc:Name>${esc(l.description)}</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>${CATEGORY[l.treatment]}</cbc:ID>
        <cbc:Percent>${(l.rate_bps / 100).toFixed(2)}</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount ${amt(l.unit_price_minor)}</cbc:PriceAmount>
    </cac:Price>
  </cac:InvoiceLine>`).join("\n")}
</Invoice>
`.replace(/\n\s*\n/g, "\n")
}

