// Vanilla Medusa 2.21 for side-by-side benchmarks (bench/README.md, "Vanilla baseline"): the same
// node_modules as the app, no custom module, plugin, middleware or route — only Medusa's defaults
// plus the same Redis infrastructure modules our production build uses (event bus, workflow
// engine, locking). The caching module stays off, as in vanilla's default. Its own database.
const { defineConfig } = require("@medusajs/framework/utils")

const env = process.env
const redisUrl = env.VANILLA_REDIS_URL || env.REDIS_URL || undefined
const cors = env.STORE_CORS || "http://localhost:8000"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.VANILLA_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/snail_vanilla",
    redisUrl,
    http: {
      storeCors: cors, adminCors: cors, authCors: cors,
      jwtSecret: env.JWT_SECRET || "vanilla-bench-jwt", cookieSecret: env.COOKIE_SECRET || "vanilla-bench-cookie",
    },
  },
  admin: { disable: true },
  modules: redisUrl
    ? [
        { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
        { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
        {
          resolve: "@medusajs/medusa/locking",
          options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] },
        },
      ]
    : [],
})
