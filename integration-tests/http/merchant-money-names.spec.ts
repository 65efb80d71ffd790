import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { drainEventBus } from "../helpers/events"
import { approvedMerchant, placeOrder, productBody } from "../helpers/merchants"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"

jest.setTimeout(180 * 1000)

/**
 * Money rows a person can recognise (issue 22 §6): disputes and statement rows name the order by its
 * number ("Order #10"), the line by its product, and a dispute its line's amount — in lists and in a
 * dispute's detail — never by internal ids alone.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterEach(() => drainEventBus(getContainer()))

    it("names disputes and statement rows by order number, product and line amount", async () => {
      const admin = await adminHeaders(getContainer(), api)
      const { merchant, owner } = await approvedMerchant(api, admin, "named-money")
      const lamp = (await api.post("/merchant/products", productBody("Reading lamp", {
        variants: [{ title: "Default", options: { Format: "Default" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 12.99 }] }],
      }), owner)).data.product
      const order = await placeOrder(getContainer(), [{ variant_id: lamp.variants[0].id, title: "Reading lamp", unit_price: 12.99 }])
      const [line] = (await api.get(`/merchant/orders/${order.id}/lines`, owner)).data.lines
      const displayId = (await api.get(`/merchant/orders/${order.id}`, owner)).data.order.display_id
      expect(displayId).toEqual(expect.any(Number))

      const marketplace: any = getContainer().resolve(MARKETPLACE_MODULE)
      const dispute = await marketplace.createDisputes({ order_id: order.id, order_line_id: line.id, merchant_id: merchant.id, customer_id: "cus_x", reason: "DAMAGED", currency_code: "eur" })
      await marketplace.createDisputeMessages({ dispute_id: dispute.id, author_type: "buyer", author_id: "cus_x", body: "Cracked shade" })
      const named = { order_display_id: displayId, product_title: "Reading lamp", product_id: lamp.id, line_amount: 1299 }
      expect((await api.get("/merchant/disputes", owner)).data.disputes).toEqual([expect.objectContaining({ id: dispute.id, ...named })])
      // The opened dispute (the dashboard shows it with its conversation) names them too.
      expect((await api.get(`/merchant/disputes/${dispute.id}`, owner)).data.dispute)
        .toEqual(expect.objectContaining({ id: dispute.id, ...named, messages: [expect.objectContaining({ body: "Cracked shade" })] }))

      // Ledger rows about the order: one for its line (a capture), one for the order only (e.g. shipping).
      await marketplace.postJournals([
        { key: `cap-${order.id}`, kind: "capture", currency_code: "eur", order_id: order.id, order_line_id: line.id,
          entries: [{ account: "BUYER_CLEARING", merchant_id: null, amount: -1169 }, { account: "MERCHANT_ESCROW", merchant_id: merchant.id, amount: 1169 }] },
        { key: `adj-${order.id}`, kind: "capture", currency_code: "eur", order_id: order.id,
          entries: [{ account: "BUYER_CLEARING", merchant_id: null, amount: -100 }, { account: "MERCHANT_ESCROW", merchant_id: merchant.id, amount: 100 }] },
      ])
      const from = new Date(Date.now() - 3600_000).toISOString()
      const to = new Date(Date.now() + 60_000).toISOString()
      const [eur] = (await api.get(`/merchant/statement?from=${from}&to=${to}`, owner)).data.statement
      const rows = eur.rows.map((r: any) => [r.amount, r.order_display_id, r.product_title, r.product_id])
      expect(rows).toEqual(expect.arrayContaining([[1169, displayId, "Reading lamp", lamp.id], [100, displayId, null, null]]))
      // The CSV keeps its columns (ids, for spreadsheets and accountants).
      const csv: string = (await api.get(`/merchant/statement?format=csv&from=${from}&to=${to}`, owner)).data
      expect(csv.split("\r\n")[0]).toBe("currency,date,type,account,order_id,order_line_id,payout_id,journal,amount,commission,commission_vat,platform_promotion,balance")
    })
  },
})
