import { revokeMySession } from "../../../../sessions/me"

// Revoke one of the caller's own sessions; `current` is this one (logout).
export const DELETE = revokeMySession
