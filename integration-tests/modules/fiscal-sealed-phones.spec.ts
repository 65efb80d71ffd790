import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { FISCAL_MODULE } from "../../src/modules/fiscal"
import { FiscalCredential } from "../../src/modules/fiscal/models/credential"
import { FiscalReceipt } from "../../src/modules/fiscal/models/receipt"
import FiscalModuleService from "../../src/modules/fiscal/service"

jest.setTimeout(60 * 1000)

/*
 * Issue 20 §8: phone numbers stored in fiscal receipt documents (the buyer's, and the supplier's copied
 * from the merchant's sealed contact phone) are encrypted at rest with the rotatable data key. Read back
 * through the service they are plain; in the column they are not.
 */
const K1 = "k1:" + "11".repeat(32)
const K2 = "k2:" + "22".repeat(32)
const BUYER = "+79161234567"
const SUPPLIER = "+79990001122"

const document = () => ({
  operation: "sell", settlement: "payment", client: { phone: BUYER },
  items: [{ line_id: "l1", name: "Snail shell", price: 10000, quantity: 1, sum: 10000, vat: "vat22", payment_method: "full_payment", payment_object: "commodity",
    agent: { type: "commission_agent", supplier: { inn: "7707083893", name: "ООО Улитка", phones: [SUPPLIER] } } }],
  payments: [{ type: "electronic", sum: 10000 }], vats: [{ type: "vat22", sum: 1803 }], total: 10000,
})

const row = (key: string) => ({
  order_id: "order_1", issuer: "platform", provider_id: "atol", operation: "sell", settlement: "payment", idempotency_key: key, external_id: key,
  line_ids: ["l1"], document: document(), total_minor: 10000, currency_code: "rub",
})

moduleIntegrationTestRunner<FiscalModuleService>({
  moduleName: FISCAL_MODULE,
  moduleModels: [FiscalReceipt, FiscalCredential],
  resolve: "./src/modules/fiscal",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const raw = async (id: string) => {
      const [r] = await MikroOrmWrapper.forkManager().execute(`SELECT "document"::text AS doc FROM "fiscal_receipt" WHERE "id" = ?`, [id])
      return r.doc as string
    }
    afterEach(() => {
      delete process.env.DATA_ENCRYPTION_KEYS
    })

    it("stores the buyer's and the supplier's phones sealed, and reads them back plain", async () => {
      process.env.DATA_ENCRYPTION_KEYS = K1
      const [created] = (await service.createFiscalReceipts([row("o1:payment:l1")] as any)) as unknown as any[]
      expect((created.document as any).client.phone).toBe(BUYER)
      const stored = await raw(created.id)
      expect(stored).not.toContain(BUYER)
      expect(stored).not.toContain(SUPPLIER)
      expect(JSON.parse(stored).client.phone).toMatch(/^enc:v1:k1:/)
      expect(JSON.parse(stored).items[0].agent.supplier.phones[0]).toMatch(/^enc:v1:k1:/)
      // Amounts and lines stay readable in the column.
      expect(JSON.parse(stored).total).toBe(10000)

      const [listed] = await service.listFiscalReceipts({ id: created.id })
      expect((listed.document as any).client.phone).toBe(BUYER)
      expect((listed.document as any).items[0].agent.supplier.phones).toEqual([SUPPLIER])
      const retrieved = await service.retrieveFiscalReceipt(created.id)
      expect((retrieved.document as any).items[0].agent.supplier.phones).toEqual([SUPPLIER])
      const updated = await service.updateFiscalReceipts({ id: created.id, status: "SENT" } as any)
      expect((updated as any).document.client.phone).toBe(BUYER)
      expect(await raw(created.id)).not.toContain(BUYER)
    })

    it("seals rows written in clear and re-seals under a new first key (keys:rotate); a second run changes nothing", async () => {
      process.env.DATA_ENCRYPTION_KEYS = K1
      const [sealed] = (await service.createFiscalReceipts([row("o2:payment:l1")] as any)) as unknown as any[]
      // A row written before encryption (what the migration finds).
      await MikroOrmWrapper.forkManager().execute(
        `INSERT INTO "fiscal_receipt" ("id", "order_id", "issuer", "provider_id", "operation", "settlement", "idempotency_key", "external_id", "line_ids", "document", "total_minor", "currency_code", "status", "priority", "attempts", "resends", "created_at", "updated_at")
         VALUES ('frcpt_plain', 'order_2', 'platform', 'atol', 'sell', 'payment', 'o3:payment:l1', 'o3:payment:l1', '["l1"]', ?::jsonb, 10000, 'rub', 'DONE', 2, 0, 0, now(), now())`,
        [JSON.stringify(document())]
      )
      expect(await raw("frcpt_plain")).toContain(BUYER)

      process.env.DATA_ENCRYPTION_KEYS = `${K2},${K1}`
      expect(await service.resealReceiptDocuments()).toEqual({ scanned: 2, resealed: 2 })
      for (const id of [sealed.id, "frcpt_plain"]) {
        const stored = await raw(id)
        expect(stored).not.toContain(BUYER)
        expect(JSON.parse(stored).client.phone).toMatch(/^enc:v1:k2:/)
        expect(JSON.parse(stored).items[0].agent.supplier.phones[0]).toMatch(/^enc:v1:k2:/)
      }
      expect(await service.resealReceiptDocuments()).toEqual({ scanned: 2, resealed: 0 })
      // The old key can go: everything opens with k2 alone.
      process.env.DATA_ENCRYPTION_KEYS = K2
      const rows = await service.listFiscalReceipts({ id: [sealed.id, "frcpt_plain"] })
      expect(rows.map((r: any) => r.document.client.phone)).toEqual([BUYER, BUYER])
    })
  },
})
