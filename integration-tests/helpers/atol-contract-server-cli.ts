// Runs the ATOL contract server on its own for a local demo (docs/fiscal.md "See it work"):
//   node_modules/.bin/ts-node --transpile-only integration-tests/helpers/atol-contract-server-cli.ts
import { startAtolContractServer } from "./atol-contract-server"

const port = Number(process.env.ATOL_CONTRACT_PORT || 9030)
startAtolContractServer({ port, pollsBeforeDone: 2 }).then((s) => {
  console.log(`[atol-contract] ${s.url}  login=${s.login} password=${s.password} group=${s.groupCode}`)
  setInterval(() => {
    const last = s.documents[s.documents.length - 1]
    if (last) console.log(`[atol-contract] ${s.documents.length} document(s); last ${last.operation} ${last.external_id} ${last.status}`)
  }, 10000).unref()
  const stop = () => s.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
})
