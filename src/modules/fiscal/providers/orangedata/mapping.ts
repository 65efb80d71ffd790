import type { AgentType, FiscalDocument, PaymentType, ReceiptItem } from "../../../../lib/fiscal/receipt"
import type { VatType } from "../../../../lib/fiscal/vat"
import { rubles } from "../http"

/**
 * OrangeData (Nebula API v2, FFD 1.2) wire format: numeric codes everywhere (docs/fiscal.md).
 * Tag 1199 keeps its code when the standard rate moved from 20 % to 22 % in 2026: code 1 is "the
 * standard rate", code 3 "the computed standard rate", applied by the register at the document's date.
 */
export type OrangeDataConfig = {
  base_url: string
  inn: string
  group?: string
  /** Name of the signature key registered at OrangeData (their docs: the INN for direct clients). */
  key_name?: string
  sign_private_key: string
  client_cert: string
  client_key: string
  ca?: string
  /** Tag 1055: 0 OSN, 1 USN income, 2 USN income−expense, 4 ESHN, 5 patent. */
  taxation_system: number
  timeout_ms?: number
}

export const OD_TAX: Record<VatType, number> = {
  vat22: 1, vat20: 1, vat10: 2, vat122: 3, vat120: 3, vat110: 4, vat0: 5, none: 6, vat5: 7, vat7: 8, vat105: 9, vat107: 10,
}
export const OD_PAYMENT_METHOD = { full_prepayment: 1, full_payment: 4 } as const
export const OD_SUBJECT = { commodity: 1, service: 4 } as const
/** checkClose.payments[].type: 2 = electronic (tag 1081), 14 = prepayment offset (tag 1215). */
export const OD_PAYMENT_TYPE: Record<PaymentType, number> = { electronic: 2, advance: 14 }
/** Agent flag bits (tag 1222): bit 4 = attorney (поверенный), bit 5 = commission agent, bit 6 = another agent. */
export const OD_AGENT_TYPE: Record<AgentType, number> = { attorney: 1 << 4, commission_agent: 1 << 5, another: 1 << 6 }
/**
 * Tax codes 1 and 3 mean "the standard rate" at the document's date (22 % from 2026). A refund or
 * correction of a sale made before 2026 is at 20 %: OrangeData's official client (node-orangedata
 * 1.5, "add new tax") carries `useTax20: true` in the content for it.
 */
const OLD_STANDARD_RATE: VatType[] = ["vat20", "vat120"]

function position(i: ReceiptItem) {
  return {
    quantity: i.quantity,
    price: rubles(i.price),
    tax: OD_TAX[i.vat.type],
    taxSum: rubles(i.vat.sum),
    text: i.name,
    paymentMethodType: OD_PAYMENT_METHOD[i.payment_method],
    paymentSubjectType: OD_SUBJECT[i.payment_object],
    // FFD 1.2 (ffdVersion 4) tag 2108, named as in OrangeData's protocol and official Node client: 0 = pieces.
    quantityMeasurementUnit: 0,
    ...(i.agent
      ? {
          agentType: OD_AGENT_TYPE[i.agent.type],
          supplierINN: i.agent.supplier.inn,
          supplierInfo: { name: i.agent.supplier.name, phoneNumbers: i.agent.supplier.phones },
        }
      : {}),
  }
}

export function orangeDataBody(doc: FiscalDocument, id: string, config: OrangeDataConfig, callbackUrl?: string) {
  const positions = doc.items.map(position)
  const checkClose = {
    payments: doc.payments.map((p) => ({ type: OD_PAYMENT_TYPE[p.type], amount: rubles(p.sum) })),
    taxationSystem: config.taxation_system,
  }
  const head = { id, inn: config.inn, group: config.group ?? "Main", key: config.key_name ?? config.inn, ...(callbackUrl ? { callbackUrl } : {}) }
  const oldRate = doc.operation !== "sell" && doc.items.some((i) => OLD_STANDARD_RATE.includes(i.vat.type)) ? { useTax20: true } : {}
  if (doc.operation === "sell_correction") {
    const c = doc.correction!
    return {
      ...head,
      content: {
        ffdVersion: 4,
        type: 1,
        correctionType: c.type === "self" ? 0 : 1,
        causeDocumentDate: `${c.base_date}T00:00:00`,
        causeDocumentNumber: c.base_number,
        customerContact: doc.client.email ?? doc.client.phone,
        positions,
        checkClose,
        ...oldRate,
      },
    }
  }
  return {
    ...head,
    content: {
      ffdVersion: 4,
      type: doc.operation === "sell_refund" ? 2 : 1,
      positions,
      checkClose,
      customerContact: doc.client.email ?? doc.client.phone,
      ...oldRate,
    },
  }
}
