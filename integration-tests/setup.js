// Each test file boots its own Medusa app; stale MikroORM metadata from a previous file breaks entity discovery.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
