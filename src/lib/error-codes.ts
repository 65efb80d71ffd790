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
  INTERNAL_ERROR: "An unexpected error happened on the server.",
} as const

export type ErrorCode = keyof typeof ERROR_CODES
