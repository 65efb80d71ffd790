import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"
import { adminHeaders } from "../helpers/admin"
import { approvedMerchant, productBody } from "../helpers/merchants"

jest.setTimeout(240 * 1000)

/*
 * Issue 20 §7: admin and merchant changes of settings, products, commission rules and the payout account
 * are in the audit trail with before → after (src/api/audit/changes.ts), and the chain still verifies.
 */
const IBAN = "DE89370400440532013000"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const plainly = (fn: () => Promise<void>) => async () => {
      try {
        await fn()
      } catch (e: any) {
        if (e?.response) throw new Error(`${e.config?.method} ${e.config?.url} → ${e.response.status} ${JSON.stringify(e.response.data)}`)
        throw e
      }
    }

    it("records before → after for a commission rule, a product, the payout account and merchant settings; verify passes", plainly(async () => {
      const admin = await adminHeaders(getContainer(), api)
      const { merchant, owner } = await approvedMerchant(api, admin, "audited-shop")
      const entries = async (q: string) => (await api.get(`/admin/audit?${q}`, admin)).data.entries as any[]

      // Commission rule: created, then edited by an operator.
      const rule = (await api.post("/admin/commission-rules", { merchant_id: merchant.id, rate_bps: 1500 }, admin)).data.commission_rule
      await api.post(`/admin/commission-rules/${rule.id}`, { rate_bps: 1200 }, admin)
      const [created] = await entries(`action=commission_rule.create&target_id=${rule.id}`)
      expect(created).toEqual(expect.objectContaining({ actor_type: "user", target_type: "commission_rule", before: null }))
      expect(created.after).toEqual(expect.objectContaining({ rate_bps: 1500, merchant_id: merchant.id }))
      const edits = await entries(`action=commission_rule.update&target_id=${rule.id}`)
      expect(edits).toHaveLength(1)
      expect(edits[0].before).toEqual(expect.objectContaining({ rate_bps: 1500 }))
      expect(edits[0].after).toEqual(expect.objectContaining({ rate_bps: 1200, changed: ["rate_bps"] }))
      // One row per change: the generic route row is not written as well.
      expect(await entries(`target_id=${rule.id}`)).toHaveLength(2)

      await api.delete(`/admin/commission-rules/${rule.id}`, admin)
      const [deleted] = await entries(`action=commission_rule.delete&target_id=${rule.id}`)
      expect([deleted.before.rate_bps, deleted.after]).toEqual([1200, null])

      // Merchant staff: a product renamed and repriced.
      const product = (await api.post("/merchant/products", productBody("Snail mug"), owner)).data.product
      await api.post(`/merchant/products/${product.id}`, { title: "Snail mug, large" }, owner)
      const [renamed] = await entries(`action=product.update&target_id=${product.id}`)
      expect([renamed.actor_type, renamed.before.title, renamed.after.title, renamed.after.changed]).toEqual(["merchant", "Snail mug", "Snail mug, large", ["title"]])
      expect(renamed.after.merchant_id).toBe(merchant.id)
      expect((await entries(`action=product.create&target_id=${product.id}`))[0].after.title).toBe("Snail mug")

      // Payout account: before → after, masked (the trail is append-only; the account stays encrypted at rest).
      await api.post("/merchant/me/payout-method", { type: "bank_transfer", account_holder: "Audited Shop GmbH", iban: IBAN }, owner)
      const [payout] = await entries(`action=merchant.update&target_id=${merchant.id}`)
      expect(payout.before.payout_method).toBeNull()
      expect(payout.after.payout_method).toEqual({ type: "bank_transfer", holder: "Audited Shop GmbH", country: "DE", ends_with: "3000", bic: null })
      expect(payout.after.changed).toEqual(["payout_method"])
      expect(JSON.stringify(payout)).not.toContain(IBAN)

      // Legal settings.
      await api.post("/merchant/me/legal", { legal_name: "Audited Shop GmbH" }, owner)
      const legal = (await entries(`action=merchant.update&target_id=${merchant.id}`)).find((e: any) => e.after.changed.includes("legal_name"))
      expect([legal.before.legal_name, legal.after.legal_name]).toEqual(["audited-shop LLC", "Audited Shop GmbH"])

      // A member's role, changed by the owner.
      const [member] = await (getContainer().resolve(MARKETPLACE_MODULE) as any).createMerchantUsers([{ email: "packer@audited-shop.test", role: "FULFILMENT", merchant_id: merchant.id }])
      await api.post(`/merchant/staff/${member.id}`, { role: "FINANCE" }, owner)
      const [role] = await entries(`action=merchant_user.update&target_id=${member.id}`)
      expect([role.before.role, role.after.role, role.after.changed]).toEqual(["FULFILMENT", "FINANCE", ["role"]])

      expect((await api.get("/admin/audit/verify", admin)).data).toEqual(expect.objectContaining({ ok: true }))
    }))
  },
})
