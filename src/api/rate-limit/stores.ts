import { createHash } from "crypto"
import Redis from "ioredis"

/** One sliding-window hit: allowed, or refused until `retryAfterMs` from now. */
export type Hit = { allowed: boolean; count: number; retryAfterMs: number }

export interface WindowStore {
  /** Records a hit on `key` unless `limit` hits already fall within the last `windowMs`. */
  hit(key: string, windowMs: number, limit: number, now?: number): Promise<Hit>
  /** Counts without recording (lockout checks). */
  count(key: string, windowMs: number, now?: number): Promise<number>
  reset(key: string): Promise<void>
  /** A lock on `key` for `ms` (login lockout), and how long one still holds (0 when none). */
  lock(key: string, ms: number): Promise<void>
  lockedFor(key: string, now?: number): Promise<number>
}

/** Sliding log in process memory: one instance only (development, tests, no REDIS_URL). */
export class MemoryWindowStore implements WindowStore {
  private hits = new Map<string, number[]>()

  async hit(key: string, windowMs: number, limit: number, now = Date.now()): Promise<Hit> {
    const recent = this.prune(key, windowMs, now)
    if (recent.length >= limit) return { allowed: false, count: recent.length, retryAfterMs: recent[0] + windowMs - now }
    recent.push(now)
    this.hits.set(key, recent)
    return { allowed: true, count: recent.length, retryAfterMs: 0 }
  }

  async count(key: string, windowMs: number, now = Date.now()): Promise<number> {
    return this.prune(key, windowMs, now).length
  }

  async reset(key: string): Promise<void> {
    this.hits.delete(key)
  }

  private locks = new Map<string, number>()

  async lock(key: string, ms: number): Promise<void> {
    this.locks.set(key, Date.now() + ms)
  }

  async lockedFor(key: string, now = Date.now()): Promise<number> {
    return Math.max(0, (this.locks.get(key) ?? 0) - now)
  }

  private prune(key: string, windowMs: number, now: number): number[] {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - windowMs)
    if (recent.length) this.hits.set(key, recent)
    else this.hits.delete(key)
    return recent
  }
}

// Atomic sliding log in a sorted set: prune, check, add, expire — one round trip, no race between instances.
const HIT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, n, tonumber(oldest[2]) + tonumber(ARGV[2]) - tonumber(ARGV[1])}
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {1, n + 1, 0}
`

/** The same sliding log in Redis, shared by every server instance (REDIS_URL set). */
export class RedisWindowStore implements WindowStore {
  private seq = 0
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async hit(key: string, windowMs: number, limit: number, now = Date.now()): Promise<Hit> {
    const member = `${now}-${process.pid}-${++this.seq}`
    const [ok, count, retry] = (await this.redis.eval(HIT_SCRIPT, 1, this.prefix + key, now, windowMs, limit, member)) as number[]
    return { allowed: ok === 1, count, retryAfterMs: Math.max(0, retry) }
  }

  async count(key: string, windowMs: number, now = Date.now()): Promise<number> {
    await this.redis.zremrangebyscore(this.prefix + key, "-inf", now - windowMs)
    return this.redis.zcard(this.prefix + key)
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key)
  }

  async lock(key: string, ms: number): Promise<void> {
    await this.redis.set(this.prefix + "lock:" + key, "1", "PX", Math.max(1, Math.ceil(ms)))
  }

  async lockedFor(key: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.prefix + "lock:" + key))
  }
}

let shared: WindowStore | undefined

/**
 * Redis when REDIS_URL is set, process memory otherwise; one store per process. Redis keys are scoped to
 * the database: instances of one deployment share limits, while separate deployments (or test files,
 * each on its own database) sharing a Redis do not lock each other out.
 */
export function windowStore(databaseUrl = "", env: Record<string, string | undefined> = process.env): WindowStore {
  if (!shared) {
    const scope = createHash("sha256").update(databaseUrl).digest("hex").slice(0, 10)
    shared = env.REDIS_URL
      ? new RedisWindowStore(new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 }), `${env.RATE_LIMIT_PREFIX || "snail:rl:"}${scope}:`)
      : new MemoryWindowStore()
  }
  return shared
}
