import { emailVerificationStatus, resendEmailVerification } from "../../../email-verification/handlers"

// Whether the signed-in person's e-mail is verified; POST e-mails a new link.
export const GET = emailVerificationStatus
export const POST = resendEmailVerification
