import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, createUsersWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"

/** Creates an admin user with an emailpass identity and returns bearer headers from a real login. */
export async function adminHeaders(container: MedusaContainer, api: any, email = "admin@test.local", password = "s3cret-pass") {
  const { result } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password } } as any)
  await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: result[0].id } })
  const login = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${login.data.token}` } }
}

/** A publishable key linked to a fresh sales channel, as the storefront would use it. */
export async function storefrontAccess(container: MedusaContainer) {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const channel = await salesChannels.createSalesChannels({ name: "Test storefront" })
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Test storefront", type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0].id, add: [channel.id] } })
  return { salesChannelId: channel.id, storeHeaders: { headers: { "x-publishable-api-key": result[0].token } } }
}

/** Returns the response of a request expected to fail (axios throws on 4xx/5xx). */
export async function failing(promise: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    const res: any = await promise
    throw new Error(`Expected the request to fail, got ${res.status}`)
  } catch (e: any) {
    if (!e.response) throw e
    return { status: e.response.status, data: e.response.data }
  }
}
