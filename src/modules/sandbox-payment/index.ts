import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SandboxPaymentProviderService from "./service"

// Registered with id "sandbox": provider id pp_sandbox_sandbox, webhooks at POST /hooks/payment/sandbox_sandbox.
export default ModuleProvider(Modules.PAYMENT, {
  services: [SandboxPaymentProviderService],
})

export { SandboxPaymentProviderService }
