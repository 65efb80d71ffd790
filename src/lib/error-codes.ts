/**
 * Every machine-readable error code the platform returns, in one place (DESIGN.md §8).
 * A code keeps its meaning forever: add new codes, never repurpose old ones.
 */
export const ERROR_CODES = {
  MALFORMED_JSON: "The request body is not valid JSON.",
  UNKNOWN_FIELD: "The request contains a field the endpoint does not accept.",
  INVALID_FIELD: "A field has the wrong type or an invalid value.",
  INVALID_PRODUCT_KIND: "A product kind other than PHYSICAL, SERVICE or COURSE was given.",
  PUBLISHABLE_KEY_REQUIRED: "A store request came without the x-publishable-api-key header.",
  PUBLISHABLE_KEY_INVALID: "The publishable API key is unknown or revoked.",
  UNAUTHORIZED: "Authentication is missing or invalid.",
  FORBIDDEN: "The authenticated actor may not do this.",
  NOT_FOUND: "The resource does not exist (or is not yours).",
  CONFLICT: "The request conflicts with the current state.",
  DUPLICATE: "A resource with the same unique value already exists.",
  NOT_ALLOWED: "The operation is not allowed.",
  PAYMENT_AUTHORIZATION_FAILED: "The payment could not be authorized.",
  INVALID_INN: "The INN is not 10 or 12 digits or its check digits are wrong.",
  INVALID_TRN: "The TRN is not 15 digits.",
  TAX_ID_REQUIRED: "The merchant's country and tax regime need a tax identifier (INN for RU, TRN for a VAT-registered AE merchant).",
  HANDLE_TAKEN: "Another merchant already uses this handle.",
  ALREADY_MERCHANT_USER: "This identity already belongs to a merchant.",
  MERCHANT_NOT_APPROVED: "The merchant is not approved: its products cannot be sold or managed yet.",
  MERCHANT_SUSPENDED: "The merchant is suspended: its staff cannot sign in or act.",
  MERCHANT_OWNER_ONLY: "Only the merchant's owner may do this.",
  MERCHANT_SCOPE_VIOLATION: "The request names another merchant's resource.",
  INVALID_KYC_TRANSITION: "The merchant's KYC status cannot move that way.",
  INVITE_NOT_FOUND: "The invite token is unknown.",
  INVITE_EXPIRED: "The invite has expired.",
  INVITE_ALREADY_USED: "The invite was already accepted.",
  INVALID_TRANSITION: "The line's process has no such move from its current state.",
  TRANSITION_NOT_ALLOWED_FOR_ACTOR: "The move exists but not for this kind of actor (buyer, merchant, operator).",
  TRANSITION_GUARD_FAILED: "The move exists but a condition does not hold yet (tracking number, slot start, refund window…).",
  LINE_STATE_CHANGED: "The line changed state while the request ran; read it again and retry.",
  CAPTURE_FAILED: "The payment provider refused the capture; the line kept its state and the move can be retried.",
  INTERNAL_ERROR: "An unexpected error happened on the server.",
  INVALID_IDEMPOTENCY_KEY: "The X-Idempotency-Key header is empty, longer than 255 characters, or sent twice with different values.",
  IDEMPOTENCY_KEY_REUSED: "The idempotency key was already used for a different request (method, path or body).",
  IDEMPOTENCY_KEY_IN_PROGRESS: "A request with the same idempotency key is still running and did not finish in time; retry later.",
} as const

export type ErrorCode = keyof typeof ERROR_CODES
