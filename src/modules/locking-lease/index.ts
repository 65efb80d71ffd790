import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import redisConnectionLoader from "@medusajs/locking-redis/dist/loaders"
import { LeasedRedisLockingProvider } from "./service"

// Medusa's Redis locking provider (its own connection loader) with leases renewed by the holder (service.ts).
export default ModuleProvider(Modules.LOCKING, { services: [LeasedRedisLockingProvider], loaders: [redisConnectionLoader] })
