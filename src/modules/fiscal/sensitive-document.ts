import { dataKeyring, isSealed, type Keyring, needsReseal, open, seal } from "../../lib/config/data-keys"

/**
 * Phone numbers inside a fiscal receipt's `document` are encrypted at rest (issue 20 §8), with the same
 * rotatable key as the merchant's columns: the buyer's (`client.phone`, when the receipt goes to a phone
 * rather than an e-mail) and the supplier's copied from the merchant's sealed contact phone
 * (`items[].agent.supplier.phones[]`). The rest of the document stays readable JSON — amounts, lines and
 * VAT are what reconciliation and the law's checks read. The fiscal service seals on write and opens on
 * read, so providers and admin pages see the plain document.
 */
type Doc = Record<string, any>

const mapPhones = (doc: Doc, fn: (phone: string) => string): Doc => {
  if (!doc || typeof doc !== "object") return doc
  const out: Doc = { ...doc }
  if (out.client && typeof out.client.phone === "string") out.client = { ...out.client, phone: fn(out.client.phone) }
  if (Array.isArray(out.items)) {
    out.items = out.items.map((item: any) => {
      const phones = item?.agent?.supplier?.phones
      if (!Array.isArray(phones) || !phones.length) return item
      return { ...item, agent: { ...item.agent, supplier: { ...item.agent.supplier, phones: phones.map((p: unknown) => (typeof p === "string" ? fn(p) : p)) } } }
    })
  }
  return out
}

export function sealDocumentPhones(doc: Doc, ring: Keyring = dataKeyring()): Doc {
  return mapPhones(doc, (p) => (isSealed(p) ? p : seal(p, ring)))
}

export function revealDocumentPhones(doc: Doc, ring?: Keyring): Doc {
  const r = ring ?? dataKeyring()
  return mapPhones(doc, (p) => (isSealed(p) ? open(p, r) : p))
}

/** For the migration and keys:rotate: the document re-sealed under the active key, or null when nothing changes. */
export function resealStoredDocument(doc: Doc, ring: Keyring = dataKeyring()): Doc | null {
  let changed = false
  const out = mapPhones(doc, (p) => {
    if (!needsReseal(p, ring)) return p
    changed = true
    return seal(isSealed(p) ? open(p, ring) : p, ring)
  })
  return changed ? out : null
}

/** A receipt row (or a create/update payload) with its document's phones sealed / opened. */
export const sealReceipt = (row: any) => (row && typeof row === "object" && row.document ? { ...row, document: sealDocumentPhones(row.document) } : row)
export const revealReceipt = (row: any) => (row && typeof row === "object" && row.document ? { ...row, document: revealDocumentPhones(row.document) } : row)
