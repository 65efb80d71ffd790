import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import cors from "cors"
import { BOOKING_MODES, PRODUCT_KINDS } from "../lib/product-kinds"
import { KycApprove, KycReason } from "./admin/merchants/validators"
import { snailErrorHandler } from "./error-handler"
import { deferSandboxWebhookWhilePspDown } from "./hooks/defer-while-psp-down"
import { verifyPaymentWebhookAtReceipt } from "./hooks/verify-at-receipt"
import { securityRoutes } from "./security/routes"
import { storeOwnershipRoutes } from "./store/ownership/middlewares"
import { orderLinkRoutes } from "./store/order-links/middlewares"
import { itemNameRoutes } from "./store/item-names/middlewares"
import { checkoutHoldRoutes } from "../workflows/reservations/routes"
import { idempotencyRoutes } from "./idempotency/routes"
import { moneyRoutes } from "./money/routes"
import { orderLineRoutes } from "./order-lines/routes"
import { vatAeRoutes } from "./vat-ae/routes"
import { courseAccessRoutes } from "./course-access/routes"
import { fiscalRoutes } from "./fiscal/routes"
import { bookingRoutes } from "./booking/routes"
import { manualPaymentRoutes } from "./manual-payment/routes"
import { observabilityRoutes } from "./observability/routes"
import { notificationRoutes } from "./notifications/routes"
import { merchantGate, refuseSuspendedSignIn } from "./merchant/context"
import { merchantCatalogRoutes } from "./merchant/catalog-routes"
import { merchantShippingRoutes } from "./merchant/shipping-routes"
import {
  AcceptInvite, ChangeStaffRole, CreateMerchantProduct, CreateMerchantVariant, InviteStaff, MemberLocale, MerchantApplication, MerchantLegal, MerchantPayoutMethod, SetInventory,
  UpdateMerchantProduct, UpdateMerchantVariant,
} from "./merchant/validators"
import { productSearchQuery } from "./products/search-query"
import { exposeBookingAndSellability } from "./products/sellable-middlewares"
import { applyProductFilters, exposeProductExtras, hideUnsellableProduct, takeProductFilters } from "./products/product-middlewares"

// `additional_data` on admin product create/update; the hooks in src/workflows/hooks store it.
const productAdditionalData = { kind: z.enum(PRODUCT_KINDS).optional(), merchant_id: z.string().optional(), booking_mode: z.enum(BOOKING_MODES).optional() }

// Merchant staff use their own UI origin(s); Medusa only applies CORS to /store, /admin and /auth.
const merchantCors = cors({
  origin: (process.env.MERCHANT_CORS || process.env.STORE_CORS || "http://localhost:8000").split(","),
  credentials: true,
})

export default defineMiddlewares({
  errorHandler: snailErrorHandler(),
  routes: [
    // Before everything: request id, latency by route pattern, checkout funnel (docs/operations.md).
    ...observabilityRoutes,
    // Then: security headers, and the shared input rules (NUL, lengths, numbers, currencies, URLs) before any validator.
    ...securityRoutes,
    ...storeOwnershipRoutes,
    // Before the idempotency middleware: a replayed checkout answer gets the guest's order link too.
    ...orderLinkRoutes,
    // Order item names in the reader's language (x-medusa-locale), after the ownership check.
    ...itemNameRoutes,
    { matcher: "/admin/products", methods: ["POST"], additionalDataValidator: productAdditionalData },
    { matcher: "/admin/products/:id", methods: ["POST"], additionalDataValidator: productAdditionalData },

    // Product listings filter by `?kind=` / `?merchant_id=`; every product read returns `kind` and `merchant`.
    { matcher: "/store/products", middlewares: [takeProductFilters] },
    { matcher: "/admin/products", middlewares: [takeProductFilters] },
    { matcher: "/store/products", methods: ["GET"], middlewares: [applyProductFilters({ store: true }), exposeProductExtras, exposeBookingAndSellability] },
    { matcher: "/admin/products", methods: ["GET"], middlewares: [applyProductFilters({ store: false }), exposeProductExtras] },
    { matcher: "/store/products/:id", methods: ["GET"], middlewares: [hideUnsellableProduct, exposeProductExtras, exposeBookingAndSellability] },
    { matcher: "/admin/products", methods: ["POST"], middlewares: [exposeProductExtras] },
    { matcher: "/admin/products/:id", methods: ["GET", "POST"], middlewares: [exposeProductExtras] },

    // Platform review of merchants.
    { matcher: "/admin/merchants/:id/approve", methods: ["POST"], middlewares: [validateAndTransformBody(KycApprove)] },
    { matcher: "/admin/merchants/:id/reject", methods: ["POST"], middlewares: [validateAndTransformBody(KycReason)] },
    { matcher: "/admin/merchants/:id/suspend", methods: ["POST"], middlewares: [validateAndTransformBody(KycReason)] },

    // Merchant staff: their own actor, one gate for every /merchant route.
    { matcher: "/auth/merchant/emailpass", methods: ["POST"], middlewares: [refuseSuspendedSignIn] },
    { matcher: "/merchant", middlewares: [merchantCors, merchantGate] },
    { matcher: "/merchant/applications", methods: ["POST"], middlewares: [validateAndTransformBody(MerchantApplication)] },
    { matcher: "/merchant/me/legal", methods: ["POST"], middlewares: [validateAndTransformBody(MerchantLegal)] },
    { matcher: "/merchant/me/locale", methods: ["POST"], middlewares: [validateAndTransformBody(MemberLocale)] },
    { matcher: "/merchant/me/payout-method", methods: ["POST"], middlewares: [validateAndTransformBody(MerchantPayoutMethod)] },
    { matcher: "/merchant/invites", methods: ["POST"], middlewares: [validateAndTransformBody(InviteStaff)] },
    { matcher: "/merchant/staff/:id", methods: ["POST"], middlewares: [validateAndTransformBody(ChangeStaffRole)] },
    { matcher: "/merchant/invites/accept", methods: ["POST"], middlewares: [validateAndTransformBody(AcceptInvite)] },
    { matcher: "/merchant/products", methods: ["POST"], middlewares: [validateAndTransformBody(CreateMerchantProduct)] },
    { matcher: "/merchant/products/:id", methods: ["POST"], middlewares: [validateAndTransformBody(UpdateMerchantProduct)] },
    { matcher: "/merchant/products/:id/variants", methods: ["POST"], middlewares: [validateAndTransformBody(CreateMerchantVariant)] },
    { matcher: "/merchant/products/:id/variants/:variant_id", methods: ["POST"], middlewares: [validateAndTransformBody(UpdateMerchantVariant)] },
    { matcher: "/merchant/products/:id/variants/:variant_id/inventory", methods: ["POST"], middlewares: [validateAndTransformBody(SetInventory)] },
    ...merchantCatalogRoutes,
    ...merchantShippingRoutes,
    // Signed PSP webhooks (sandbox, Stripe): verified once, at receipt; forged or stale calls get 400.
    { matcher: "/hooks/payment/:provider", methods: ["POST"], middlewares: [verifyPaymentWebhookAtReceipt, deferSandboxWebhookWhilePspDown] },
    ...orderLineRoutes,
    ...moneyRoutes,
    ...idempotencyRoutes,
    ...checkoutHoldRoutes,
    ...vatAeRoutes,
    ...courseAccessRoutes,
    ...fiscalRoutes,
    ...bookingRoutes,
    ...notificationRoutes,
    // After the product filters above: `q` goes through the search engine (docs/search.md).
    { matcher: "/store/products", methods: ["GET"], middlewares: [productSearchQuery] },
    ...manualPaymentRoutes,
  ],
})
