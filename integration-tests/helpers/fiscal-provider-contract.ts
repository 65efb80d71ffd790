/**
 * The contract every fiscal provider passes (src/modules/fiscal/providers/types.ts). A plugin
 * author adding a cash-register service writes a local contract server for its documented API
 * and calls `fiscalProviderContract` with a harness; see providers.unit.spec.ts for ATOL/OrangeData.
 */
import { buildReceipt, buildCorrection, FiscalDocument } from "../../src/lib/fiscal/receipt"
import type { FiscalProvider } from "../../src/modules/fiscal/providers/types"
import { FiscalProviderError } from "../../src/modules/fiscal/providers/types"

export type ContractHarness = {
  provider: FiscalProvider
  config: Record<string, any>
  /** A config the service refuses for good (unknown group, unknown INN…). */
  badConfig: Record<string, any>
  /** How many documents the server registered. */
  registered(): number
  failNext(status: number, times?: number): void
  hangNext(times?: number): void
  setPollsBeforeDone(n: number): void
}

const supplier = { inn: "7707083893", name: "ООО Улитка", phones: ["+79990001122"] }

export function sampleSale(): FiscalDocument {
  return buildReceipt({
    settlement: "prepayment",
    client: { email: "buyer@example.com" },
    rate_date: new Date("2026-03-10T12:00:00Z"),
    lines: [
      { line_id: "l1", title: "Snail shell", kind: "PHYSICAL", quantity: 3, amount_minor: 29900, tax_regime: "VAT_PAYER", supplier },
      { line_id: "l2", title: "Slow living course", kind: "COURSE", quantity: 1, amount_minor: 14950, tax_regime: "SIMPLIFIED_NO_VAT", supplier },
    ],
  })
}

let seq = 0
const newId = () => `contract-${process.pid}-${Date.now()}-${++seq}`

async function untilDone(h: ContractHarness, ref: string, externalId: string, operation: FiscalDocument["operation"]) {
  for (let i = 0; i < 10; i++) {
    const r = await h.provider.poll({ provider_ref: ref, external_id: externalId, config: h.config, operation })
    if (r.status !== "pending") return r
  }
  throw new Error("still pending after 10 polls")
}

export function fiscalProviderContract(name: string, harness: () => ContractHarness) {
  describe(`${name}: fiscal provider contract`, () => {
    it("registers a sale: accepted, pending, then done with the fiscal attributes", async () => {
      const h = harness()
      h.setPollsBeforeDone(2)
      const id = newId()
      const sent = await h.provider.send({ external_id: id, document: sampleSale(), config: h.config })
      expect(sent.duplicate).toBe(false)
      const first = await h.provider.poll({ provider_ref: sent.provider_ref, external_id: id, config: h.config, operation: "sell" })
      expect(first).toEqual({ status: "pending" })
      const done = await untilDone(h, sent.provider_ref, id, "sell")
      expect(done.status).toBe("done")
      if (done.status !== "done") return
      expect(done.fiscal.fn_number).toMatch(/^\d{16}$/)
      expect(done.fiscal.fd_number).toMatch(/^\d+$/)
      expect(done.fiscal.fpd).toMatch(/^\d+$/)
      expect(done.fiscal.registered_at).toBeTruthy()
      expect(done.fiscal.ofd_url).toBeTruthy()
    })

    it("a resend of the same external id registers nothing new and points at the first document", async () => {
      const h = harness()
      const id = newId()
      const before = h.registered()
      const a = await h.provider.send({ external_id: id, document: sampleSale(), config: h.config })
      const b = await h.provider.send({ external_id: id, document: sampleSale(), config: h.config })
      expect(b).toEqual({ provider_ref: a.provider_ref, duplicate: true })
      expect(h.registered()).toBe(before + 1)
      expect((await untilDone(h, b.provider_ref, id, "sell")).status).toBe("done")
    })

    it("a 5xx is a retryable error and the retry goes through once", async () => {
      const h = harness()
      const id = newId()
      const before = h.registered()
      h.failNext(503)
      const err = await h.provider.send({ external_id: id, document: sampleSale(), config: h.config }).catch((e) => e)
      expect(err).toBeInstanceOf(FiscalProviderError)
      expect(err.retryable).toBe(true)
      expect(h.registered()).toBe(before)
      await h.provider.send({ external_id: id, document: sampleSale(), config: h.config })
      expect(h.registered()).toBe(before + 1)
    })

    it("a 5xx while polling is retryable", async () => {
      const h = harness()
      const id = newId()
      const sent = await h.provider.send({ external_id: id, document: sampleSale(), config: h.config })
      h.failNext(500)
      const err = await h.provider.poll({ provider_ref: sent.provider_ref, external_id: id, config: h.config, operation: "sell" }).catch((e) => e)
      expect(err).toBeInstanceOf(FiscalProviderError)
      expect(err.retryable).toBe(true)
    })

    it("a server that does not answer is a retryable timeout", async () => {
      const h = harness()
      h.hangNext(1)
      const err = await h.provider
        .send({ external_id: newId(), document: sampleSale(), config: { ...h.config, timeout_ms: 300 } })
        .catch((e) => e)
      expect(err).toBeInstanceOf(FiscalProviderError)
      expect(err.retryable).toBe(true)
      expect(String(err.message)).toMatch(/timed out/)
    })

    it("a document the service refuses is a final (non-retryable) error", async () => {
      const h = harness()
      const err = await h.provider.send({ external_id: newId(), document: sampleSale(), config: h.badConfig }).catch((e) => e)
      expect(err).toBeInstanceOf(FiscalProviderError)
      expect(err.retryable).toBe(false)
    })

    it("registers refunds and corrections", async () => {
      const h = harness()
      const sale = sampleSale()
      const refund = { ...sale, operation: "sell_refund" as const, settlement: "refund" as const }
      const r = await h.provider.send({ external_id: newId(), document: refund, config: h.config })
      expect((await untilDone(h, r.provider_ref, "", "sell_refund")).status).toBe("done")
      const correctionId = newId()
      const correction = buildCorrection(sale, { reason: "wrong VAT", base_number: "17", base_date: new Date("2026-03-11T00:00:00Z") })
      const c = await h.provider.send({ external_id: correctionId, document: correction, config: h.config })
      expect((await untilDone(h, c.provider_ref, correctionId, "sell_correction")).status).toBe("done")
    })
  })
}
