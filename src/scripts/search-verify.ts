import type { ExecArgs } from "@medusajs/framework/types"
import { verifySearchIndex } from "../workflows/search/indexer"

/**
 * `npm run search:verify`: rebuilds the expected documents and compares them with the index.
 * Lists every drifted product; exits non-zero when there is drift (queued changes not yet
 * drained count as drift too).
 */
export default async function searchVerify({ container }: ExecArgs) {
  const { checked, drift } = await verifySearchIndex(container)
  for (const d of drift.slice(0, 200)) console.log(`${d.product_id}\t${d.problem}${d.fields ? `\t${d.fields.join(",")}` : ""}`)
  if (drift.length > 200) console.log(`… and ${drift.length - 200} more`)
  console.log(`search: ${checked} products checked, ${drift.length} drifted`)
  if (drift.length) process.exitCode = 1
}
