import { listMySessions, revokeAllMySessions } from "../../../../sessions/me"

// The caller's own sessions (docs/security.md, "Sessions"): list, and sign out everywhere.
export const GET = listMySessions
export const DELETE = revokeAllMySessions
