import { validateXML } from "xmllint-wasm"
import { ublSchemaFiles } from "../../../../integration-tests/helpers/ubl-schema"
import { creditNoteTextLines, invoiceTextLines } from "../document"
import { creditNoteUbl, invoiceUbl } from "../ubl"

const invoice = {
  number: "INV-DESERT-WELLNESS-000007", kind: "FULL", order_id: "order_1", order_display_id: "42",
  issued_at: "2026-11-24T10:00:00Z", supply_date: "2026-11-23T09:00:00Z",
  supplier: { name: "Desert Wellness LLC", trn: "100123456700003", address: { address_1: "Al Wasl Rd 5", city: "Dubai", country_code: "ae" } },
  recipient: { name: "Sand & Sea Trading", trn: "100999888777666", address: { address_1: "Corniche 1", city: "Abu Dhabi", country_code: "ae" } },
  currency_code: "usd", tax_inclusive: false, exchange_rate: "3.6725", exchange_rate_source: "fixed", exchange_rate_at: "2026-11-24T10:00:00Z",
  discount_minor: 1000, taxable_minor: 29000, vat_minor: 1000, total_minor: 30000, standard_minor: 20000, zero_rated_minor: 0, exempt_minor: 9000,
  out_of_scope_minor: 0, vat_aed_minor: 3673, total_aed_minor: 110175,
  lines: [
    { description: "Massage <90 min>", quantity: 2, unit_price_minor: 10500, discount_minor: 1000, taxable_minor: 20000, treatment: "STANDARD", rate_bps: 500, vat_minor: 1000, total_minor: 21000 },
    { description: "Home rental", quantity: 1, unit_price_minor: 9000, discount_minor: 0, taxable_minor: 9000, treatment: "EXEMPT", rate_bps: 0, vat_minor: 0, total_minor: 9000 },
  ],
}

describe("tax invoice rendering", () => {
  it("text carries the FTA fields and the AED figures", () => {
    const text = invoiceTextLines(invoice).join("\n")
    for (const s of ["Tax Invoice", "INV-DESERT-WELLNESS-000007", "Desert Wellness LLC", "TRN: 100123456700003", "Recipient TRN: 100999888777666",
      "Al Wasl Rd 5, Dubai, AE", "Date of supply: 2026-11-23", "Massage <90 min> | 2 | 105.00 USD | 10.00 USD | 200.00 USD | 5.00% (Standard 5%) | 10.00 USD | 210.00 USD",
      "Home rental | 1 | 90.00 USD | 0.00 USD | 90.00 USD | 0.00% (Exempt)", "Exchange rate: 1 USD = 3.6725 AED", "Total VAT in AED: 36.73 AED", "Total amount in AED: 1101.75 AED"]) {
      expect(text).toContain(s)
    }
    expect(invoiceTextLines({ ...invoice, kind: "SIMPLIFIED" })[0]).toBe("Tax Invoice (simplified)")
  })

  it("credit note references its invoice", () => {
    const text = creditNoteTextLines({ number: "CN-X-000001", invoice_number: invoice.number, issued_at: "2026-11-25T00:00:00Z", currency_code: "aed", reason: "dented",
      taxable_minor: 952, vat_minor: 48, total_minor: 1000, lines: [{ description: "Lamp", rate_bps: 500, taxable_minor: 952, vat_minor: 48, total_minor: 1000 }] }).join("\n")
    expect(text).toContain(`Corrects tax invoice: ${invoice.number}`)
    expect(text).toContain("VAT credited: 0.48 AED")
  })

  // Issue 17 §4: a credit note of 10.00 AED (incl. VAT) on the invoice above. VAT in a refund of
  // what the buyer paid = round(1000 × 5/105) = round(47.62) = 48 fils; taxable 952 fils.
  const creditNote = {
    number: "CN-DESERT-WELLNESS-000001", invoice_number: invoice.number, invoice_issued_at: invoice.issued_at, order_id: "order_1", order_display_id: "42",
    issued_at: "2026-11-25T00:00:00Z", currency_code: "aed", reason: "dented", supplier: invoice.supplier, recipient: invoice.recipient,
    exchange_rate: null, taxable_minor: 952, vat_minor: 48, total_minor: 1000, vat_aed_minor: 48, total_aed_minor: 1000,
    lines: [{ description: "Massage <90 min>", treatment: "STANDARD", rate_bps: 500, taxable_minor: 952, vat_minor: 48, total_minor: 1000 }],
  }

  it("credit note shows the supplier's name and TRN (Art. 60 Executive Regulation)", () => {
    const text = creditNoteTextLines(creditNote).join("\n")
    for (const s of ["Tax Credit Note", "Supplier: Desert Wellness LLC", "TRN: 100123456700003", "Recipient: Sand & Sea Trading", "Recipient TRN: 100999888777666",
      `Corrects tax invoice: ${invoice.number} of 2026-11-24`]) expect(text).toContain(s)
  })

  it("credit note exports as PINT AE with InvoiceTypeCode 381, its invoice referenced, valid against the schema", async () => {
    const xml = creditNoteUbl(creditNote)
    expect(xml).toContain("<cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>")
    expect(xml).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>INV-DESERT-WELLNESS-000007<\/cbc:ID>\s*<cbc:IssueDate>2026-11-24<\/cbc:IssueDate>/)
    expect(xml).toContain('<cbc:CompanyID>100123456700003</cbc:CompanyID>')
    expect(xml).toContain("<cbc:RegistrationName>Desert Wellness LLC</cbc:RegistrationName>")
    expect(xml).toContain('<cbc:PayableAmount currencyID="AED">10.00</cbc:PayableAmount>')
    expect(xml).toContain('<cbc:TaxAmount currencyID="AED">0.48</cbc:TaxAmount>')
    const schema = await ublSchemaFiles()
    const ok = await validateXML({ xml: [{ fileName: "c.xml", contents: xml }], schema: schema.main, preload: schema.preload } as any)
    expect(ok.errors).toEqual([])
    // Without the supplier's TRN there is no credit note to export.
    expect(() => creditNoteUbl({ ...creditNote, supplier: { name: "X" } })).toThrow(/TRN/)
  })

  it("UBL 2.1 (PINT AE) validates against the schema; a broken document does not", async () => {
    const xml = invoiceUbl(invoice)
    expect(xml).toContain("<cbc:Name>Massage &lt;90 min&gt;</cbc:Name>")
    expect(xml).toContain("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>")
    expect(xml).toContain('<cbc:TaxableAmount currencyID="USD">90.00</cbc:TaxableAmount>')
    expect(xml).toContain("<cbc:ID>E</cbc:ID>")
    expect(xml).toContain("<cbc:CalculationRate>3.6725</cbc:CalculationRate>")
    const schema = await ublSchemaFiles()
    const ok = await validateXML({ xml: [{ fileName: "i.xml", contents: xml }], schema: schema.main, preload: schema.preload } as any)
    expect(ok.errors).toEqual([])
    // Elements out of UBL order, or an amount without its currency, are refused.
    const reordered = xml.replace(/<cbc:ID>INV-DESERT-WELLNESS-000007<\/cbc:ID>\s*<cbc:IssueDate>([^<]*)<\/cbc:IssueDate>/, "<cbc:IssueDate>$1</cbc:IssueDate><cbc:ID>INV-DESERT-WELLNESS-000007</cbc:ID>")
    expect(reordered).not.toBe(xml)
    const bad1 = await validateXML({ xml: [{ fileName: "i.xml", contents: reordered }], schema: schema.main, preload: schema.preload } as any)
    expect(bad1.valid).toBe(false)
    const bad2 = await validateXML({ xml: [{ fileName: "i.xml", contents: xml.replace('<cbc:PayableAmount currencyID="USD">', "<cbc:PayableAmount>") }], schema: schema.main, preload: schema.preload } as any)
    expect(bad2.valid).toBe(false)
  })
})
