/** The tax invoice and credit note as text lines (PDF body, plain-text view). Pure. */
import { toMajorString } from "../money"

const TREATMENT_LABEL: Record<string, string> = { STANDARD: "Standard 5%", ZERO_RATED: "Zero-rated", EXEMPT: "Exempt", OUT_OF_SCOPE: "Out of scope" }

function addr(a: any): string {
  if (!a) return "-"
  return [a.company, a.address_1, a.address_2, a.city, a.province, a.postal_code, (a.country_code ?? "").toUpperCase()].filter(Boolean).join(", ")
}

const m = (minor: unknown, cur: string) => `${toMajorString(Number(minor), cur)} ${cur.toUpperCase()}`
const day = (d: unknown) => new Date(d as any).toISOString().slice(0, 10)

export function invoiceTextLines(inv: any): string[] {
  const cur = inv.currency_code
  const out = [
    inv.kind === "FULL" ? "Tax Invoice" : "Tax Invoice (simplified)",
    `Invoice number: ${inv.number}`,
    `Invoice date: ${day(inv.issued_at)}    Date of supply: ${day(inv.supply_date)}`,
    `Order: ${inv.order_display_id ?? inv.order_id}`,
    "",
    `Supplier: ${inv.supplier.name}`,
    `Address: ${addr(inv.supplier.address)}`,
    `TRN: ${inv.supplier.trn}`,
    "",
    `Recipient: ${inv.recipient.name ?? "-"}`,
    `Address: ${addr(inv.recipient.address)}`,
    ...(inv.recipient.trn ? [`Recipient TRN: ${inv.recipient.trn}`] : []),
    "",
    `Prices at checkout ${inv.tax_inclusive ? "included" : "excluded"} VAT; amounts below are in ${cur.toUpperCase()}.`,
    "Description | Qty | Unit price (excl. VAT) | Discount | Taxable amount | VAT rate | VAT | Total",
  ]
  for (const l of inv.lines ?? []) {
    out.push([
      l.description, l.quantity, m(l.unit_price_minor, cur), m(l.discount_minor, cur), m(l.taxable_minor, cur),
      `${(l.rate_bps / 100).toFixed(2)}% (${TREATMENT_LABEL[l.treatment] ?? l.treatment})`, m(l.vat_minor, cur), m(l.total_minor, cur),
    ].join(" | "))
  }
  out.push(
    "",
    `Total discount: ${m(inv.discount_minor, cur)}`,
    `Total taxable amount: ${m(inv.taxable_minor, cur)}`,
    `  of which standard-rated: ${m(inv.standard_minor, cur)}; zero-rated: ${m(inv.zero_rated_minor, cur)}; exempt: ${m(inv.exempt_minor, cur)}`,
    `Total VAT: ${m(inv.vat_minor, cur)}`,
    `Total amount payable: ${m(inv.total_minor, cur)}`,
  )
  if (cur.toLowerCase() !== "aed") {
    out.push(
      `Exchange rate: 1 ${cur.toUpperCase()} = ${inv.exchange_rate} AED (${inv.exchange_rate_source}, recorded ${inv.exchange_rate_at ? new Date(inv.exchange_rate_at).toISOString() : "-"})`,
      `Total VAT in AED: ${m(inv.vat_aed_minor, "aed")}`,
      `Total amount in AED: ${m(inv.total_aed_minor, "aed")}`,
    )
  }
  return out
}

export function creditNoteTextLines(cn: any): string[] {
  const cur = cn.currency_code
  const out = [
    "Tax Credit Note",
    `Credit note number: ${cn.number}    Date: ${day(cn.issued_at)}`,
    `Corrects tax invoice: ${cn.invoice_number}${cn.invoice_issued_at ? ` of ${day(cn.invoice_issued_at)}` : ""}`,
    "",
    `Supplier: ${cn.supplier?.name ?? "-"}`,
    `Address: ${addr(cn.supplier?.address)}`,
    `TRN: ${cn.supplier?.trn ?? "-"}`,
    "",
    `Recipient: ${cn.recipient?.name ?? "-"}`,
    ...(cn.recipient?.trn ? [`Recipient TRN: ${cn.recipient.trn}`] : []),
    "",
    `Reason: ${cn.reason ?? "refund"}`,
    "Description | VAT rate | Taxable amount | VAT | Total",
    ...(cn.lines ?? []).map((l: any) => [l.description, `${(l.rate_bps / 100).toFixed(2)}%`, m(l.taxable_minor, cur), m(l.vat_minor, cur), m(l.total_minor, cur)].join(" | ")),
    "",
    `Taxable amount credited: ${m(cn.taxable_minor, cur)}`,
    `VAT credited: ${m(cn.vat_minor, cur)}`,
    `Total credited: ${m(cn.total_minor, cur)}`,
  ]
  if (cur.toLowerCase() !== "aed") out.push(`Exchange rate: 1 ${cur.toUpperCase()} = ${cn.exchange_rate} AED`, `VAT credited in AED: ${m(cn.vat_aed_minor, "aed")}`, `Total credited in AED: ${m(cn.total_aed_minor, "aed")}`)
  return out
}
