// Runs the sandbox PSP as its own process (the dev launcher starts it next to Medusa).
import { startSandboxPsp } from "./index"

startSandboxPsp({ dataFile: process.env.SANDBOX_PSP_DATA_FILE ?? ".data/sandbox-psp.json" })
  .then(({ url, close }) => {
    console.log(`[sandbox-psp] listening on ${url}`)
    if (process.env.SANDBOX_PSP_FAULTS) console.warn(`[sandbox-psp] started in fault mode ${process.env.SANDBOX_PSP_FAULTS} (test only)`)
    const stop = () => close().then(() => process.exit(0))
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  })
  .catch((e) => {
    console.error(`[sandbox-psp] ${e?.message ?? e}`)
    process.exit(1)
  })
