import { RedisLockingProvider } from "@medusajs/locking-redis/dist/services/redis-lock"

/**
 * How long a lock taken with `acquire` lives in Redis between two renewals by its holder. Medusa's
 * acquireLockStep asks for long ttls (the cart completion lock: 120 s) and never renews them, so a
 * process SIGKILLed mid-checkout left the cart locked for two minutes (issue 23: 409 on every retry).
 * With a lease the lock outlives its holder by at most this long. Two renewals (every third of the
 * lease) must fail before a live holder loses it, so keep it well above event-loop stalls under load.
 */
export const LOCK_LEASE_S = Math.max(3, Number(process.env.LOCK_LEASE_S) || 15)

type AcquireArgs = { ownerId?: string | null; expire?: number; awaitQueue?: boolean }
type Renewal = { timer: NodeJS.Timeout; ownerId: string }

/**
 * Medusa's Redis locking provider, with leases: a lock acquired for longer than LOCK_LEASE_S is
 * stored for one lease and renewed by this process while it holds the lock, up to the ttl that was
 * asked for (so a holder that never releases still loses it when Medusa meant it to). A dead holder
 * stops renewing, and the lock lapses within one lease. `execute` keeps Medusa's own renewal.
 */
export class LeasedRedisLockingProvider extends RedisLockingProvider {
  static identifier = "locking-redis-leased"
  private readonly renewals = new Map<string, Renewal>()

  async acquire(keys: string | string[], args?: AcquireArgs): Promise<void> {
    const expire = Number(args?.expire)
    if (!(expire > LOCK_LEASE_S)) return super.acquire(keys, args as any)
    await super.acquire(keys, { ...args, expire: LOCK_LEASE_S } as any)
    const ownerId = args?.ownerId ?? "*"
    const until = Date.now() + expire * 1000
    for (const key of ([] as string[]).concat(keys)) this.renew(key, ownerId, until)
  }

  async release(keys: string | string[], args?: { ownerId?: string | null }): Promise<boolean> {
    for (const key of ([] as string[]).concat(keys)) this.stopRenewing(key)
    return super.release(keys, args as any)
  }

  async releaseAll(args?: { ownerId?: string | null }): Promise<void> {
    const ownerId = args?.ownerId ?? "*"
    for (const [key, r] of this.renewals) if (r.ownerId === ownerId) this.stopRenewing(key)
    return super.releaseAll(args as any)
  }

  /** Extends the lease every third of it while this process holds the key, until `until`. */
  private renew(key: string, ownerId: string, until: number) {
    this.stopRenewing(key)
    const intervalMs = Math.floor((LOCK_LEASE_S * 1000) / 3)
    const tick = async () => {
      if (this.renewals.get(key)?.timer !== timer) return
      const left = Math.ceil((until - Date.now()) / 1000)
      if (left <= 0) return void this.renewals.delete(key)
      try {
        // Owner-checked (Medusa's extendLock script): a lock released or taken over meanwhile is not revived.
        const extended = await (this as any).redisClient.extendLock((this as any).getKeyName(key), ownerId, Math.min(LOCK_LEASE_S, left))
        if (extended !== 1) return void this.stopRenewing(key)
      } catch {
        // Redis unreachable for a moment: try again at the next tick (the lease covers two of them).
      }
      if (this.renewals.get(key)?.timer !== timer) return
      timer = setTimeout(tick, intervalMs)
      timer.unref?.()
      this.renewals.set(key, { timer, ownerId })
    }
    let timer = setTimeout(tick, intervalMs)
    timer.unref?.()
    this.renewals.set(key, { timer, ownerId })
  }

  private stopRenewing(key: string) {
    const r = this.renewals.get(key)
    if (r) clearTimeout(r.timer)
    this.renewals.delete(key)
  }

  /** Keys this process is renewing (for tests and diagnostics). */
  renewing(): string[] {
    return [...this.renewals.keys()]
  }
}
