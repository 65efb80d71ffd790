// Short leases so the recovery routine may take over open operations within the test (read at load).
process.env.PAYMENT_OPERATION_LEASE_MS = "1500"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ORDER_LINES_MODULE } from "../../src/modules/order-lines"
import { sandboxPspFigures } from "../../src/workflows/marketplace-money/psp-figures"
import { verifyMoney } from "../../src/workflows/marketplace-money/verify-money"
import { checkoutActors, outcome } from "../helpers/checkout"
import { drainEventBus } from "../helpers/events"
import { withSandboxPsp } from "../helpers/sandbox-psp"
import { adminProduct, approvedMerchant, customerSession, type Headers } from "../helpers/merchants"
import { waitFor } from "../helpers/wait"

jest.setTimeout(240 * 1000)

// Bounded races on one order's money (issue 15): every one must leave the PSP, Medusa's payment,
// the lines' journal-derived totals and the ledger agreeing (verifyMoney), whatever the interleaving.
const sandbox = withSandboxPsp("integrity", { VERIFY_MONEY_GRACE_MS: "0" })

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    async function placeTwoMerchantOrder(asCustomer = false) {
      const { admin, store: guest, salesChannelId } = await checkoutActors(getContainer(), api)
      const store = asCustomer ? await customerSession(api, guest.headers["x-publishable-api-key"], "disputer@test.local") : guest
      const A = await approvedMerchant(api, admin, "race-lamps")
      const B = await approvedMerchant(api, admin, "race-vases")
      const region = (await api.post("/admin/regions", { name: "EU", currency_code: "eur", countries: ["de"], payment_providers: ["pp_sandbox_sandbox"] }, admin)).data.region
      const lamp = await adminProduct(api, admin, { title: "Lamp", amount: 20, salesChannelId, merchantId: A.merchant.id })
      const vase = await adminProduct(api, admin, { title: "Vase", amount: 30, salesChannelId, merchantId: B.merchant.id })
      const mug = await adminProduct(api, admin, { title: "Mug", amount: 5, salesChannelId, merchantId: A.merchant.id })
      const cart = (await api.post("/store/carts", { region_id: region.id, email: "racer@test.local" }, store)).data.cart
      for (const p of [lamp, vase, mug]) await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: p.variants[0].id, quantity: 1 }, store)
      const pc = (await api.post("/store/payment-collections", { cart_id: cart.id }, store)).data.payment_collection
      await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_sandbox_sandbox", data: { card_number: "4242424242424242" } }, store)
      const orderId = (await api.post(`/store/carts/${cart.id}/complete`, {}, store)).data.order.id
      const lines = (await api.get(`/admin/orders/${orderId}/lines`, admin)).data.lines
      const line = (title: string) => lines.find((l: any) => l.title === title)
      return { admin, store, A, B, orderId, lamp: line("Lamp"), vase: line("Vase"), mug: line("Mug") }
    }

    const move = (owner: Headers, orderId: string, lineId: string, to: string) =>
      outcome(api.post(`/merchant/orders/${orderId}/lines/${lineId}/transitions`, { to }, owner))
    const refund = (owner: Headers, orderId: string, lineId: string, amount: number) =>
      outcome(api.post(`/merchant/orders/${orderId}/lines/${lineId}/refunds`, { amount, reason: "race" }, owner))
    const intentOf = async (orderId: string) => {
      const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["payment_collections.payments.data"], filters: { id: orderId } })
      const intentId = (order as any).payment_collections[0].payments[0].data.intent_id
      return (await fetch(`${sandbox.psp.url}/v1/payment_intents/${intentId}`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } })).json()
    }
    const lineRow = async (id: string) => (await getContainer().resolve<any>(ORDER_LINES_MODULE).listOrderLines({ id }))[0]
    const expectMoneyConsistent = async () => {
      // The ledger is booked by subscribers after each move: wait for it, then every invariant must hold.
      const report = await waitFor(() => verifyMoney(getContainer(), { psp: sandboxPspFigures() }), (r) => r.ok, 20000)
      expect(report.violations).toEqual([])
    }

    it("serializes concurrent capture moves, refunds of one line and of different lines of one payment", async () => {
      const { A, B, orderId, lamp, vase } = await placeTwoMerchantOrder()

      // Two capture moves at once: exactly one wins; the loser is planned against FULFILLING → 409.
      const moves = await Promise.all([move(A.owner, orderId, lamp.id, "FULFILLING"), move(A.owner, orderId, lamp.id, "FULFILLING")])
      expect(moves.map((m) => m.status).sort()).toEqual([200, 409])
      expect(moves.find((m) => !m.ok)!.data.code).toBe("INVALID_TRANSITION")
      expect(await lineRow(lamp.id)).toEqual(expect.objectContaining({ state: "FULFILLING" }))
      expect(Number((await lineRow(lamp.id)).captured_amount)).toBe(20)
      expect((await move(B.owner, orderId, vase.id, "FULFILLING")).status).toBe(200)
      expect((await intentOf(orderId)).amount_captured).toBe(5000)

      // Five partial refunds of 7.00 on a line that captured 20.00: exactly two fit.
      const refunds = await Promise.all(Array.from({ length: 5 }, () => refund(A.owner, orderId, lamp.id, 7)))
      expect(refunds.filter((r) => r.ok).length).toBe(2)
      for (const r of refunds.filter((r) => !r.ok)) expect(r).toEqual(expect.objectContaining({ status: 422, data: expect.objectContaining({ code: "REFUND_EXCEEDS_CAPTURED" }) }))
      expect(Number((await lineRow(lamp.id)).refunded_amount)).toBe(14)
      expect((await intentOf(orderId)).amount_refunded).toBe(1400)

      // Refunds of both merchants' lines at once: the lamp's 6.00 left fits once; the vase's own 30.00 is untouched by them.
      const mixed = await Promise.all([refund(A.owner, orderId, lamp.id, 6), refund(A.owner, orderId, lamp.id, 6), refund(B.owner, orderId, vase.id, 15), refund(B.owner, orderId, vase.id, 15)])
      expect(mixed.map((r) => r.status)).toEqual(expect.arrayContaining([200, 422, 200, 200]))
      expect(mixed.filter((r) => r.ok).length).toBe(3)
      expect(Number((await lineRow(vase.id)).refunded_amount)).toBe(30)
      expect((await intentOf(orderId)).amount_refunded).toBe(5000)
      await expectMoneyConsistent()
    })

    it("settles captures and refunds the PSP did not confirm, never moving money twice", async () => {
      const { admin, A, orderId, lamp } = await placeTwoMerchantOrder()
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

      // PSP down during a capture move: 503, the move is undone, the operation stays open (UNKNOWN).
      sandbox.psp.setFaults({ mode: "down" })
      const down = await move(A.owner, orderId, lamp.id, "FULFILLING")
      expect(down).toEqual(expect.objectContaining({ status: 503, data: expect.objectContaining({ code: "PSP_UNAVAILABLE" }) }))
      sandbox.psp.setFaults({ mode: "none" })
      expect((await lineRow(lamp.id)).state).toBe("PAID")
      expect((await intentOf(orderId)).amount_captured).toBe(0)
      // The retry settles the open capture with its own key first, then has nothing left to capture.
      expect((await move(A.owner, orderId, lamp.id, "FULFILLING")).status).toBe(200)
      expect(Number((await lineRow(lamp.id)).captured_amount)).toBe(20)
      expect((await intentOf(orderId)).amount_captured).toBe(2000)

      // A refund whose answer is lost after the PSP committed it, retried with the same key: one refund.
      sandbox.psp.setFaults({ mode: "error_after_commit", operations: ["refund"], count: 5 })
      const keyed = { headers: { ...A.owner.headers, "x-idempotency-key": "refund-once" } }
      const url = `/merchant/orders/${orderId}/lines/${lamp.id}/refunds`
      const first = await outcome(api.post(url, { amount: 5, reason: "dented" }, keyed))
      expect([200, 503]).toContain(first.status)
      sandbox.psp.setFaults({ mode: "none" })
      expect((await outcome(api.post(url, { amount: 5, reason: "dented" }, keyed))).status).toBe(200)
      expect((await intentOf(orderId)).amount_refunded).toBe(500)
      expect(Number((await lineRow(lamp.id)).refunded_amount)).toBe(5)

      // PSP down during a refund: 503; once it is back, the recovery routine settles and finishes it.
      sandbox.psp.setFaults({ mode: "down" })
      expect((await refund(A.owner, orderId, lamp.id, 3)).status).toBe(503)
      sandbox.psp.setFaults({ mode: "none" })
      // Past its lease the recovery routine (the minute job, or this call) settles it, then finishes it.
      await sleep(1600)
      await api.post("/admin/money/recover", {}, admin)
      await sleep(1600)
      await api.post("/admin/money/recover", {}, admin)
      const ops = await getContainer().resolve<any>(ORDER_LINES_MODULE).listPaymentOperations({ order_id: orderId, kind: "refund" })
      expect(ops.map((o: any) => [o.state, Number(o.line_amount), !!o.finished_at]).sort()).toEqual([["SUCCEEDED", 300, true], ["SUCCEEDED", 500, true]])
      expect((await intentOf(orderId)).amount_refunded).toBe(800)
      expect(Number((await lineRow(lamp.id)).refunded_amount)).toBe(8)
      const verified = await waitFor(async () => (await api.get("/admin/money/verify", admin)).data, (r: any) => r.ok)
      expect(verified.violations).toEqual([])
    })

    it("refunds a disputed line once when the dispute is resolved twice and the merchant refunds at the same time", async () => {
      const { admin, store, A, orderId, lamp } = await placeTwoMerchantOrder(true)
      expect((await move(A.owner, orderId, lamp.id, "FULFILLING")).status).toBe(200)
      await api.post(`/merchant/orders/${orderId}/lines/${lamp.id}/transitions`, { to: "SHIPPED", carrier: "DHL", tracking_number: "JD014600006281" }, A.owner)
      await api.post(`/merchant/orders/${orderId}/lines/${lamp.id}/transitions`, { to: "DELIVERED" }, A.owner)
      const dispute = (await api.post(`/store/orders/${orderId}/lines/${lamp.id}/disputes`, { reason: "DAMAGED", message: "Arrived cracked" }, store)).data.dispute
      const resolve = () => outcome(api.post(`/admin/disputes/${dispute.id}/resolve`, { outcome: "refund", note: "cracked" }, admin))
      const [r1, r2, merchant] = await Promise.all([resolve(), resolve(), refund(A.owner, orderId, lamp.id, 15)])
      expect([r1.status, r2.status].sort()).toEqual([200, 409])
      // Whichever ran first, the line is refunded exactly what it captured, never more.
      expect([200, 422]).toContain(merchant.status)
      expect(Number((await lineRow(lamp.id)).refunded_amount)).toBe(20)
      expect((await intentOf(orderId)).amount_refunded).toBe(2000)
      await expectMoneyConsistent()
    })

    it("turns Medusa's own Capture payment into per-line captures and refuses its whole-payment refund", async () => {
      const { admin, A, orderId, lamp, vase, mug } = await placeTwoMerchantOrder()
      const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: orderId } })
      const paymentId = (order as any).payment_collections[0].payments[0].id
      // The admin's "Capture payment" button: every waiting line is captured through the engine.
      const captured = await outcome(api.post(`/admin/payments/${paymentId}/capture`, {}, admin))
      expect(captured.status).toBe(200)
      expect((await intentOf(orderId)).amount_captured).toBe(5500)
      for (const [line, amount] of [[lamp, 20], [vase, 30], [mug, 5]] as const) {
        expect(await lineRow(line.id)).toEqual(expect.objectContaining({ state: "PAID" }))
        expect(Number((await lineRow(line.id)).captured_amount)).toBe(amount)
      }
      // The line's own capturing move later has nothing left to capture.
      expect((await move(A.owner, orderId, lamp.id, "FULFILLING")).status).toBe(200)
      expect((await intentOf(orderId)).amount_captured).toBe(5500)
      // A partial amount or a whole-payment refund cannot say whose line it is: refused, nothing moves.
      expect(await outcome(api.post(`/admin/payments/${paymentId}/capture`, { amount: 1 }, admin))).toEqual(expect.objectContaining({ status: 422, data: expect.objectContaining({ code: "PAYMENT_OPERATION_PER_LINE" }) }))
      expect(await outcome(api.post(`/admin/payments/${paymentId}/refund`, { amount: 5 }, admin))).toEqual(expect.objectContaining({ status: 422, data: expect.objectContaining({ code: "PAYMENT_OPERATION_PER_LINE" }) }))
      expect((await intentOf(orderId)).amount_refunded).toBe(0)
      await expectMoneyConsistent()
    })

    it("lets exactly one of three concurrent cancels through and releases the rest of the authorization once", async () => {
      const { A, orderId, lamp, mug } = await placeTwoMerchantOrder()
      expect((await move(A.owner, orderId, lamp.id, "FULFILLING")).status).toBe(200)
      const cancels = await Promise.all(Array.from({ length: 3 }, () => move(A.owner, orderId, mug.id, "CANCELLED")))
      expect(cancels.map((c) => c.status).sort()).toEqual([200, 409, 409])
      expect((await lineRow(mug.id)).state).toBe("CANCELLED")
      expect(Number((await lineRow(mug.id)).captured_amount)).toBe(0)
      await expectMoneyConsistent()
    })
  },
})
