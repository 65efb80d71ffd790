import type { FiscalDocument, PaymentType, ReceiptItem } from "../../../../lib/fiscal/receipt"
import { rubles } from "../http"

/**
 * ATOL Online API v5 (FFD 1.2) wire format. Field names follow ATOL's protocol description v5
 * (see docs/fiscal.md for sources): payment_object and measure are numeric in v5, VAT types are
 * strings ("vat22", "vat122", "none", …), payments[].type is numeric.
 */
export type AtolConfig = {
  base_url: string
  login: string
  password: string
  group_code: string
  inn: string
  /** Tax system (sno): osn, usn_income, usn_income_outcome, esn, patent. */
  sno: string
  payment_address: string
  company_email: string
  timeout_ms?: number
}

const PAYMENT_TYPE: Record<PaymentType, number> = { electronic: 1, advance: 2 }
const PAYMENT_OBJECT = { commodity: 1, service: 4 } as const

/** dd.mm.yyyy HH:MM:SS in Moscow time, as ATOL expects. */
export function atolTimestamp(at: Date): string {
  const msk = new Date(at.getTime() + 3 * 3600 * 1000)
  const p = (n: number) => String(n).padStart(2, "0")
  return `${p(msk.getUTCDate())}.${p(msk.getUTCMonth() + 1)}.${msk.getUTCFullYear()} ${p(msk.getUTCHours())}:${p(msk.getUTCMinutes())}:${p(msk.getUTCSeconds())}`
}

function item(i: ReceiptItem) {
  return {
    name: i.name,
    price: rubles(i.price),
    quantity: i.quantity,
    measure: 0,
    sum: rubles(i.sum),
    payment_method: i.payment_method,
    payment_object: PAYMENT_OBJECT[i.payment_object],
    vat: { type: i.vat.type, sum: rubles(i.vat.sum) },
    ...(i.agent
      ? {
          agent_info: { type: i.agent.type },
          supplier_info: { phones: i.agent.supplier.phones, name: i.agent.supplier.name, inn: i.agent.supplier.inn },
        }
      : {}),
  }
}

export function atolBody(doc: FiscalDocument, externalId: string, config: AtolConfig, now: Date, callbackUrl?: string) {
  const company = { email: config.company_email, sno: config.sno, inn: config.inn, payment_address: config.payment_address }
  const content = {
    items: doc.items.map(item),
    payments: doc.payments.map((p) => ({ type: PAYMENT_TYPE[p.type], sum: rubles(p.sum) })),
    vats: doc.vats.map((v) => ({ type: v.type, sum: rubles(v.sum) })),
    total: rubles(doc.total),
  }
  const base = { external_id: externalId, timestamp: atolTimestamp(now), ...(callbackUrl ? { service: { callback_url: callbackUrl } } : {}) }
  if (doc.operation === "sell_correction") {
    const c = doc.correction!
    const [y, m, d] = c.base_date.split("-")
    return {
      ...base,
      correction: {
        client: doc.client,
        company,
        correction_info: { type: c.type, base_date: `${d}.${m}.${y}`, base_number: c.base_number },
        ...content,
      },
    }
  }
  return { ...base, receipt: { client: doc.client, company, ...content } }
}
