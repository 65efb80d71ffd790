import { confirmEmailVerification } from "../../email-verification/handlers"

// Confirms an e-mail address with the single-use token from auth.email_verification_requested.
export const POST = confirmEmailVerification
