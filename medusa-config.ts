import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import {
  assertProductionSecrets, DEV_COOKIE_SECRET, DEV_JWT_SECRET, DEV_SANDBOX_API_KEY, DEV_SANDBOX_WEBHOOK_SECRET, sandboxEnabled,
} from "./src/lib/config/secrets"
import { assertProductionDataKeys } from "./src/lib/config/data-keys"
import { sessionSettings } from "./src/lib/sessions/tokens"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const env = process.env
const redisUrl = env.REDIS_URL || undefined
const workerMode = parseWorkerMode(env.MEDUSA_WORKER_MODE)

assertProductionSecrets(env)
// Merchants' tax ids, phones and payout accounts are encrypted at rest with this keyring (docs/security.md).
assertProductionDataKeys(env)

// Every default below is a safe local-development value; production overrides them through the environment.
const defaultCors = "http://localhost:8000,http://localhost:9000,http://localhost:5173"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    databaseDriverOptions: env.DATABASE_SSL === "true" ? { connection: { ssl: { rejectUnauthorized: false } } } : undefined,
    redisUrl,
    workerMode,
    http: {
      storeCors: env.STORE_CORS || defaultCors,
      adminCors: env.ADMIN_CORS || defaultCors,
      authCors: env.AUTH_CORS || defaultCors,
      jwtSecret: env.JWT_SECRET || DEV_JWT_SECRET,
      cookieSecret: env.COOKIE_SECRET || DEV_COOKIE_SECRET,
      // Access tokens are short-lived; sessions and rotating refresh tokens carry sign-ins (docs/security.md).
      jwtExpiresIn: `${Math.floor(sessionSettings(env).accessTtlMs / 1000)}s`,
    },
    // The session cookie is never readable by scripts and not sent on cross-site subrequests. Behind plain
    // http (local production runs) a Secure cookie would never be sent back: COOKIE_SECURE=false, which
    // production accepts only with INSECURE_COOKIES_ACKNOWLEDGED=true (src/lib/config/secrets.ts).
    cookieOptions: { httpOnly: true, sameSite: "lax", ...(env.COOKIE_SECURE === "false" ? { secure: false } : {}) },
  },
  admin: {
    // The worker serves no HTTP traffic, so it never builds or serves the dashboard.
    disable: env.ADMIN_DISABLED === "true" || workerMode === "worker",
    backendUrl: env.MEDUSA_BACKEND_URL || "/",
  },
  // translation: Medusa's own product, variant and option translations, applied to store answers by
  // the request's locale (`x-medusa-locale` or `?locale=`); the storefront sends its language (issue 21 §8).
  featureFlags: { translation: true, ...(redisUrl ? { caching: true } : {}) },
  plugins: [{ resolve: "@snail/admin-extensions", options: {} }],
  modules: [
    { resolve: "@medusajs/medusa/translation" },
    { resolve: "./src/modules/product-kind" },
    { resolve: "./src/modules/marketplace" },
    { resolve: "./src/modules/order-lines" },
    { resolve: "./src/modules/idempotency" },
    { resolve: "./src/modules/ops" },
    { resolve: "./src/modules/auth-session" },
    { resolve: "./src/modules/audit" },
    { resolve: "./src/modules/privacy" },
    vatAeModule(),
    taxModule(),
    { resolve: "./src/modules/course-access" },
    fileModule(),
    fiscalModule(),
    // Slot seats: a DB unique index always; with Redis also a SET NX PX lock per seat (docs/booking.md).
    { resolve: "./src/modules/booking", options: { redisUrl, keyPrefix: env.BOOKING_LOCK_PREFIX || "snail:slot" } },
    paymentModule(),
    searchModule(),
    ...notificationModules(),
    ...(redisUrl ? redisModules(redisUrl) : []),
  ],
})

function parseWorkerMode(value: string | undefined): "shared" | "server" | "worker" {
  if (!value) return "shared"
  if (value === "shared" || value === "server" || value === "worker") return value
  throw new Error(`MEDUSA_WORKER_MODE must be shared, server or worker (got "${value}")`)
}

// Sandbox PSP unless SANDBOX_PSP_DISABLED=true (docs/sandbox-psp.md; webhooks at /hooks/payment/sandbox_sandbox); Stripe only
// when STRIPE_API_KEY is set (webhooks at /hooks/payment/stripe_stripe).
function paymentModule() {
  const providers: { resolve: string; id: string; options: Record<string, unknown> }[] = []
  if (sandboxEnabled(env)) {
    providers.push({
      resolve: "./src/modules/sandbox-payment",
      id: "sandbox",
      options: {
        baseUrl: env.SANDBOX_PSP_URL || "http://localhost:9010",
        apiKey: env.SANDBOX_PSP_API_KEY || DEV_SANDBOX_API_KEY,
        webhookSecret: env.SANDBOX_PSP_WEBHOOK_SECRET || DEV_SANDBOX_WEBHOOK_SECRET,
        timeoutMs: Number(env.SANDBOX_PSP_TIMEOUT_MS) || undefined,
      },
    })
  }
  if (env.STRIPE_API_KEY) {
    // Medusa's Stripe card provider, subclassed (docs/stripe.md): STRIPE_API_BASE points the SDK at
    // another host (a Stripe-contract server in tests); per-line capture with Stripe multicapture.
    providers.push({
      resolve: "./src/modules/stripe-payment",
      id: "stripe",
      options: { apiKey: env.STRIPE_API_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.STRIPE_API_BASE || undefined },
    })
  }
  return { resolve: "@medusajs/medusa/payment", options: { providers } }
}

// UAE VAT (docs/vat-ae.md): invoices, credit notes, treatment rules, exchange rates. Rates are AED per
// unit; VAT_AE_FIXED_RATES (JSON, e.g. {"usd":"3.6725"}) overrides the built-in fixed table.
function vatAeModule() {
  return {
    resolve: "./src/modules/vat-ae",
    options: {
      fixedRates: env.VAT_AE_FIXED_RATES ? JSON.parse(env.VAT_AE_FIXED_RATES) : undefined,
      rateSource: env.VAT_AE_RATE_SOURCE || "fixed",
    },
  }
}

// Medusa's system provider stays for other tax regions; the UAE tax region uses "tp_ae-vat_uae".
function taxModule() {
  return {
    resolve: "@medusajs/medusa/tax",
    options: { providers: [{ resolve: "./src/modules/vat-ae/providers/ae-vat", id: "uae", options: {} }] },
  }
}

// Local files by default. Course assets are uploaded as private files: they go to
// FILE_PRIVATE_DIR (a dot-folder outside static/, so no static route serves them) and are only
// read back by the signed course-asset route. With S3_BUCKET set, Medusa's S3 provider stores them
// (private ACL) and the course route redirects to short presigned URLs (docs/course-access.md).
function fileModule() {
  const provider = env.S3_BUCKET
    ? {
        resolve: "@medusajs/medusa/file-s3",
        id: "s3",
        options: {
          file_url: env.S3_FILE_URL, bucket: env.S3_BUCKET, region: env.S3_REGION, endpoint: env.S3_ENDPOINT,
          access_key_id: env.S3_ACCESS_KEY_ID, secret_access_key: env.S3_SECRET_ACCESS_KEY,
          download_file_duration: Number(env.S3_PRESIGN_SECONDS || 60),
        },
      }
    : {
        resolve: "@medusajs/medusa/file-local",
        id: "local",
        options: {
          upload_dir: env.FILE_PUBLIC_DIR || "static",
          private_upload_dir: env.FILE_PRIVATE_DIR || ".data/private-uploads",
          backend_url: env.FILE_BACKEND_URL || "http://localhost:9000/static",
        },
      }
  return { resolve: "@medusajs/medusa/file", options: { providers: [provider] } }
}

// Fiscal receipts (docs/fiscal.md): providers registered by id like payment providers. Platform
// credentials come from the environment (or from the admin, encrypted at rest); base URLs are
// configurable so tests run against local contract servers.
function fiscalModule() {
  return {
    resolve: "./src/modules/fiscal",
    options: {
      default_provider: env.FISCAL_PROVIDER || "atol",
      callback_base_url: env.FISCAL_CALLBACK_BASE_URL || undefined,
      platform_tax_regime: env.FISCAL_PLATFORM_TAX_REGIME || "VAT_PAYER",
      max_attempts: Number(env.FISCAL_MAX_ATTEMPTS || 10),
      backoff_ms: Number(env.FISCAL_BACKOFF_MS || 5000),
      poll_interval_ms: Number(env.FISCAL_POLL_INTERVAL_MS || 2000),
      fiscal_providers: [
        {
          resolve: "./src/modules/fiscal/providers/atol",
          id: "atol",
          options: { timeout_ms: Number(env.ATOL_TIMEOUT_MS || 15000) },
          platform: {
            base_url: env.ATOL_BASE_URL || "https://online.atol.ru/possystem",
            login: env.ATOL_LOGIN || "",
            password: env.ATOL_PASSWORD || "",
            group_code: env.ATOL_GROUP_CODE || "",
            inn: env.ATOL_INN || "",
            sno: env.ATOL_SNO || "osn",
            payment_address: env.ATOL_PAYMENT_ADDRESS || "http://localhost:8000",
            company_email: env.ATOL_COMPANY_EMAIL || "fiscal@snail.local",
          },
        },
        {
          resolve: "./src/modules/fiscal/providers/orangedata",
          id: "orangedata",
          options: { timeout_ms: Number(env.ORANGEDATA_TIMEOUT_MS || 15000) },
          platform: {
            base_url: env.ORANGEDATA_BASE_URL || "https://api.orangedata.ru:12003/api/v2",
            inn: env.ORANGEDATA_INN || "",
            group: env.ORANGEDATA_GROUP || "Main",
            key_name: env.ORANGEDATA_KEY_NAME || undefined,
            sign_private_key: pem(env.ORANGEDATA_SIGN_PRIVATE_KEY),
            client_cert: pem(env.ORANGEDATA_CLIENT_CERT),
            client_key: pem(env.ORANGEDATA_CLIENT_KEY),
            ca: pem(env.ORANGEDATA_CA) || undefined,
            taxation_system: Number(env.ORANGEDATA_TAXATION_SYSTEM || 0),
          },
        },
      ],
    },
  }
}

// Search (docs/search.md): PostgreSQL full-text search on the app's own database by default;
// Meilisearch (official client) when MEILISEARCH_HOST is set.
function searchModule() {
  return {
    resolve: "./src/modules/search",
    options: {
      provider: env.MEILISEARCH_HOST ? "meilisearch" : "postgres",
      meilisearch: env.MEILISEARCH_HOST
        ? { host: env.MEILISEARCH_HOST, api_key: env.MEILISEARCH_API_KEY || undefined, index: env.MEILISEARCH_INDEX || "products" }
        : undefined,
      slot_days: Number(env.SEARCH_SLOT_DAYS || 14),
    },
  }
}

// Notifications (docs/notifications.md): Medusa's notification module with our SMTP (channel "email")
// and Telegram (channel "telegram") providers, each only when configured (`npm run dev` starts a local
// mail catcher and sets SMTP_HOST); our notification-center module keeps preferences, the delivery log
// and Telegram chat links.
function notificationModules() {
  // Medusa's default "feed" provider stays: the admin's own notification bell reads it.
  const providers: { resolve: string; id: string; options: Record<string, unknown> }[] = [
    { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } },
  ]
  if (env.SMTP_HOST) {
    providers.push({
      resolve: "./src/modules/notification-center/providers/smtp",
      id: "smtp",
      options: {
        channels: ["email"], host: env.SMTP_HOST, port: Number(env.SMTP_PORT || 587), secure: env.SMTP_SECURE === "true",
        user: env.SMTP_USER || undefined, pass: env.SMTP_PASS || undefined, from: env.SMTP_FROM || "SnailMarketplace <no-reply@snail.local>",
        timeout_ms: Number(env.SMTP_TIMEOUT_MS || 15000),
      },
    })
  }
  if (env.TELEGRAM_BOT_TOKEN) {
    providers.push({
      resolve: "./src/modules/notification-center/providers/telegram",
      id: "telegram",
      options: {
        channels: ["telegram"], token: env.TELEGRAM_BOT_TOKEN, api_url: env.TELEGRAM_API_URL || "https://api.telegram.org",
        max_inline_wait_ms: Number(env.TELEGRAM_MAX_INLINE_WAIT_MS || 3000),
      },
    })
  }
  return [
    { resolve: "@medusajs/medusa/notification", options: { providers } },
    {
      resolve: "./src/modules/notification-center",
      options: { max_attempts: Number(env.NOTIFY_MAX_ATTEMPTS || 5), backoff_ms: Number(env.NOTIFY_BACKOFF_MS || 30000) },
    },
  ]
}

// PEM values may come with literal "\n" from one-line env files.
function pem(value: string | undefined): string {
  return (value ?? "").replace(/\\n/g, "\n")
}

// Self-hosted Medusa never switches to Redis by itself: each production module is listed here.
function redisModules(url: string) {
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl: url } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl: url } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        // Medusa's Redis provider with leases renewed by the holder: a killed process's locks lapse in seconds (issue 23).
        providers: [{ resolve: "./src/modules/locking-lease", id: "locking-redis", is_default: true, options: { redisUrl: url } }],
      },
    },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: url } }],
      },
    },
  ]
}
