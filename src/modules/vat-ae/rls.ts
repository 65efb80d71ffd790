import { ownColumn, viaParent, type MerchantRlsTable } from "../../lib/merchant-rls"

/**
 * Row-level security of this module's tables (issue 20 §9; src/lib/merchant-rls.ts), put in place by
 * Migration20261207164540. Its own file: a migration file may export only its class.
 */
export const VAT_AE_RLS_TABLES: MerchantRlsTable[] = [
  // Issued by the platform on the merchant's behalf; the merchant only reads its own.
  { table: "tax_invoice", owned: ownColumn("tax_invoice", "supplier_id"), privileges: ["SELECT"] },
  { table: "tax_invoice_line", owned: viaParent("tax_invoice_line", "invoice_id", "tax_invoice", "supplier_id"), privileges: ["SELECT"] },
  { table: "credit_note", owned: ownColumn("credit_note", "supplier_id"), privileges: ["SELECT"] },
  { table: "credit_note_line", owned: viaParent("credit_note_line", "credit_note_id", "credit_note", "supplier_id"), privileges: ["SELECT"] },
]
