"use client"

import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useI18n } from "@/lib/i18n-context"
import { formatMinor } from "@/lib/money"
import { downloadTaxInvoicePdf, listTaxInvoices } from "@/lib/tax-invoices"

/** The order's UAE tax invoices (one per VAT-registered seller), each downloadable as PDF. */
export function TaxInvoices({ orderId }: { orderId: string }) {
  const { t, intlLocale } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const invoices = useQuery({
    queryKey: ["orders", orderId, "tax-invoices"],
    queryFn: () => listTaxInvoices(orderId),
    refetchInterval: (q) => (q.state.data?.length ? false : 3000),
  })
  if (!invoices.data?.length) return null
  return (
    <section className="tax-invoices" data-testid="tax-invoices">
      <h2>{t("vat.invoicesHeading")}</h2>
      <ul>
        {invoices.data.map((inv) => (
          <li key={inv.id} data-testid={`tax-invoice-${inv.number}`}>
            <strong dir="ltr">{inv.number}</strong> · {inv.kind === "FULL" ? t("vat.kindFull") : t("vat.kindSimplified")} ·{" "}
            {inv.supplier.name} · {t("vat.trn", { trn: inv.supplier.trn })} ·{" "}
            {t("vat.vatAmount", { amount: formatMinor(inv.vat_minor, inv.currency_code, intlLocale) })}{" "}
            <button type="button" data-testid="tax-invoice-download"
              onClick={() => downloadTaxInvoicePdf(orderId, inv).catch((e) => setError(String(e?.message ?? e)))}>
              {t("vat.downloadPdf")}
            </button>
            {inv.credit_notes.map((cn) => (
              <div key={cn.id} className="muted">{t("vat.creditNote", { number: cn.number })}</div>
            ))}
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  )
}
