import { kycChangeRoute } from "../kyc-change"

export const POST = kycChangeRoute("reject")
