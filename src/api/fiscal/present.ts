import { SECRET_FIELDS } from "../../modules/fiscal/service"

/** A receipt as the admin sees it: status, fiscal attributes, document; no locks. */
export function presentReceipt(r: any) {
  const { locked_until: _l, deleted_at: _d, ...rest } = r
  return rest
}

/** Credentials without their secrets: only which secret fields are set. */
export function presentCredential(c: any) {
  return {
    id: c.id, owner: c.owner, provider_id: c.provider_id, settings: c.settings, is_active: c.is_active,
    secret_fields: SECRET_FIELDS[c.provider_id] ?? [], has_secrets: !!c.secrets, created_at: c.created_at, updated_at: c.updated_at,
  }
}
