import type { ExecArgs } from "@medusajs/framework/types"
import { reindexAll } from "../workflows/search/indexer"

/** `npm run search:reindex`: rebuilds every search document from the source of truth. */
export default async function searchReindex({ container }: ExecArgs) {
  const started = Date.now()
  let last = 0
  const result = await reindexAll(container, {
    log: (m) => {
      if (Date.now() - last > 2000) (last = Date.now()), console.log(m)
    },
  })
  console.log(`search: ${result.products} products → ${result.documents} documents, ${result.removed} stale product(s) removed, ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
