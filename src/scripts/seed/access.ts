import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createUsersWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"

type Container = ExecArgs["container"]
const KEY_TITLE = "Storefront"

/** Returns the token of the storefront's publishable key, creating and linking it on first run. */
export async function seedPublishableKey(container: Container, salesChannelId: string): Promise<string> {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const keys = await apiKeyModule.listApiKeys({ title: KEY_TITLE, type: "publishable" })
  const existing = keys.find((k) => !k.revoked_at)
  if (existing) return existing.token
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: KEY_TITLE, type: "publishable", created_by: "seed" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0].id, add: [salesChannelId] } })
  return result[0].token
}

/**
 * Ensures the demo admin (SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD). The password is only known,
 * and so only printed, when this run created the user.
 */
export async function seedAdminUser(container: Container): Promise<{ email: string; password?: string }> {
  const email = process.env.SEED_ADMIN_EMAIL || "admin@snail.local"
  const password = process.env.SEED_ADMIN_PASSWORD || "snail-admin-123"
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)

  const [existing] = await userModule.listUsers({ email })
  if (existing) return { email, password: readSavedPassword(email) }

  const { result: users } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
  const { authIdentity, error } = await authModule.register("emailpass", { body: { email, password } } as any)
  if (error || !authIdentity) throw new Error(`Could not register the admin identity: ${error}`)
  await authModule.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: users[0].id } })
  return { email, password }
}

export function credentialsFile(): string {
  return path.resolve(process.env.SNAIL_CREDENTIALS_FILE || ".data/dev-credentials.json")
}

export function writeCredentials(credentials: Record<string, unknown>): string {
  const file = credentialsFile()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 })
  return file
}

function readSavedPassword(email: string): string | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(credentialsFile(), "utf8"))
    return saved.admin_email === email ? saved.admin_password : undefined
  } catch {
    return undefined
  }
}
