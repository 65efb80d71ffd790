import { KYC_STATUSES } from "../models/merchant"
import { nextKycStatus } from "../kyc"

describe("KYC transitions", () => {
  it("follows PENDING → APPROVED | REJECTED, APPROVED → SUSPENDED → APPROVED", () => {
    expect(nextKycStatus("PENDING", "approve")).toBe("APPROVED")
    expect(nextKycStatus("PENDING", "reject")).toBe("REJECTED")
    expect(nextKycStatus("APPROVED", "suspend")).toBe("SUSPENDED")
    expect(nextKycStatus("SUSPENDED", "approve")).toBe("APPROVED")
    expect(nextKycStatus("REJECTED", "approve")).toBe("APPROVED")
  })
  it("refuses every other move", () => {
    const allowed = new Set(["PENDING:approve", "PENDING:reject", "APPROVED:suspend", "SUSPENDED:approve", "REJECTED:approve"])
    for (const status of KYC_STATUSES) {
      for (const action of ["approve", "reject", "suspend"] as const) {
        if (!allowed.has(`${status}:${action}`)) expect(nextKycStatus(status, action)).toBeNull()
      }
    }
  })
})
