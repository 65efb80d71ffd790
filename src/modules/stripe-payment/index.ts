import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripePaymentProviderService from "./service"

// Registered with id "stripe": provider id pp_stripe_stripe, webhooks at POST /hooks/payment/stripe_stripe.
// Only the card provider is registered (Medusa's bundle also registers bancontact, blik, ideal, ...).
export default ModuleProvider(Modules.PAYMENT, {
  services: [StripePaymentProviderService],
})

export { StripePaymentProviderService }
