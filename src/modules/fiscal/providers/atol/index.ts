// ATOL Online v5 fiscal provider; registered in medusa-config.ts (fiscal module options) with id "atol".
export { default, AtolFiscalProvider, ATOL_TOKEN_TTL_MS } from "./service"
export { atolBody, atolTimestamp } from "./mapping"
export type { AtolConfig } from "./mapping"
