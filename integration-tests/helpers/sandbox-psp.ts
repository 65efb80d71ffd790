import { startSandboxPsp } from "../../src/modules/sandbox-payment/psp-server"

type SandboxPsp = Awaited<ReturnType<typeof startSandboxPsp>>

/**
 * A real sandbox PSP on a free port for the whole test file, and the settings the app (running in
 * this process, reading them on use) needs to reach it; `env` adds settings removed again afterwards.
 */
export function withSandboxPsp(name: string, env: Record<string, string> = {}) {
  const apiKey = `sk_sandbox_${name}`
  const webhookSecret = `whsec_${name}`
  let psp: SandboxPsp | undefined
  beforeAll(async () => {
    psp = await startSandboxPsp({ port: 0, apiKey, webhookSecret, webhookUrl: "http://127.0.0.1:1/unused", dataFile: "" })
    Object.assign(process.env, { SANDBOX_PSP_URL: psp.url, SANDBOX_PSP_API_KEY: apiKey, SANDBOX_PSP_WEBHOOK_SECRET: webhookSecret, ...env })
  })
  afterAll(async () => {
    for (const key of Object.keys(env)) delete process.env[key]
    await psp?.close()
  })
  return {
    apiKey,
    get psp(): SandboxPsp {
      if (!psp) throw new Error("the sandbox PSP starts in beforeAll")
      return psp
    },
  }
}
