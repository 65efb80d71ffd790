// Merchant staff roles and the one table of what each may call on /merchant (issue 22 §7).
// Enforced server-side by the merchant gate (src/api/merchant/context.ts) before any route runs;
// the dashboard only hides what the server would refuse anyway. Pure: no I/O.

export const MERCHANT_ROLES = ["OWNER", "MANAGER", "FULFILMENT", "FINANCE"] as const
export type MerchantRole = (typeof MERCHANT_ROLES)[number]
/** Roles an invite may give (one owner per merchant: the one who applied). */
export const STAFF_ROLES = ["MANAGER", "FULFILMENT", "FINANCE"] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

type Method = "GET" | "POST" | "DELETE"
/**
 * `pattern` is a /merchant path: `:name` matches one segment, a trailing `/**` the path itself
 * and anything under it. `to` narrows a line transition (POST …/transitions) to those target states.
 */
export type RouteRule = { methods: readonly Method[] | "*"; pattern: string; to?: readonly string[] }

const READ = ["GET"] as const
const any = (pattern: string): RouteRule => ({ methods: "*", pattern })
const read = (pattern: string): RouteRule => ({ methods: READ, pattern })
const post = (pattern: string, to?: readonly string[]): RouteRule => ({ methods: ["POST"], pattern, ...(to ? { to } : {}) })

const TRANSITIONS = "/merchant/orders/:id/lines/:line_id/transitions"

// What every member may do: see the shop, the home summary and the team, look after their own
// sessions, e-mail and notification preferences.
const SELF: RouteRule[] = [
  read("/merchant/me"),
  any("/merchant/me/sessions/**"),
  any("/merchant/me/email-verification/**"),
  any("/merchant/me/notification-preferences/**"),
  any("/merchant/me/telegram-link/**"),
  post("/merchant/me/locale"),
  read("/merchant/home"),
  read("/merchant/staff"),
]

// The legal profile and where payouts go: the owner's, and finance's (who keep the books); not a manager's.
const LEGAL_AND_PAYOUT: RouteRule[] = [post("/merchant/me/legal"), post("/merchant/me/payout-method")]

// The owner's alone besides: who is on the team.
const OWNER_ONLY: RouteRule[] = [
  ...LEGAL_AND_PAYOUT,
  post("/merchant/invites"),
  any("/merchant/staff/:id/**"),
]

/** Line moves that handle goods and appointments but move no money back (refunds and cancellations do). */
export const FULFILMENT_MOVES = ["FULFILLING", "SHIPPED", "DELIVERED", "CONFIRMED", "SERVED", "NO_SHOW"] as const

export const ROLE_ROUTES: Record<MerchantRole, { allow: RouteRule[]; except?: RouteRule[] }> = {
  OWNER: { allow: [any("/merchant/**")] },
  // Runs the shop day to day: everything but the owner's own settings and the team.
  MANAGER: { allow: [any("/merchant/**")], except: OWNER_ONLY },
  // Packs, ships and serves: reads the catalogue, orders and bookings; moves lines but never refunds.
  FULFILMENT: {
    allow: [
      ...SELF,
      read("/merchant/products/**"),
      read("/merchant/courses/**"),
      read("/merchant/schedules/**"),
      read("/merchant/orders/**"),
      read("/merchant/lines"),
      post(TRANSITIONS, FULFILMENT_MOVES),
      read("/merchant/bookings/**"),
      // Moving an appointment moves no money: the buyer's own policy applies, whoever asks.
      post("/merchant/bookings/:id/reschedule"),
      read("/merchant/calendar-feed"),
      // Where the shop delivers and at what price: to pack for it; changing it is the owner's and managers'.
      read("/merchant/shipping"),
    ],
  },
  // Money: balances, statements, payouts, invoices, disputes and refunds; ships nothing.
  FINANCE: {
    allow: [
      ...SELF,
      read("/merchant/products/**"),
      read("/merchant/orders/**"),
      read("/merchant/lines"),
      post("/merchant/orders/:id/lines/:line_id/refunds"),
      read("/merchant/bookings/**"),
      read("/merchant/balance"),
      read("/merchant/statement/**"),
      read("/merchant/payouts/**"),
      read("/merchant/commission-rules"),
      read("/merchant/credit-notes/**"),
      read("/merchant/tax-invoices/**"),
      any("/merchant/disputes/**"),
      ...LEGAL_AND_PAYOUT,
    ],
  },
}

function matches(pattern: string, path: string): boolean {
  const tail = pattern.endsWith("/**")
  const want = (tail ? pattern.slice(0, -3) : pattern).split("/")
  const got = path.replace(/\/+$/, "").split("/")
  if (tail ? got.length < want.length : got.length !== want.length) return false
  return want.every((seg, i) => seg.startsWith(":") ? got[i] !== "" : seg === got[i])
}

function ruleHolds(rule: RouteRule, method: string, path: string, to: unknown): boolean {
  if (rule.methods !== "*" && !(rule.methods as readonly string[]).includes(method)) return false
  if (!matches(rule.pattern, path)) return false
  return !rule.to || (typeof to === "string" && rule.to.includes(to))
}

/** Whether `role` may call `method path` (`to`: a transition's target state, from the body). */
export function roleAllows(role: string, method: string, path: string, to?: unknown): boolean {
  const entry = ROLE_ROUTES[role as MerchantRole]
  if (!entry) return false
  const m = method.toUpperCase()
  if (m === "OPTIONS" || m === "HEAD") return entry.allow.some((r) => matches(r.pattern, path))
  if (entry.except?.some((r) => ruleHolds(r, m, path, to))) return false
  return entry.allow.some((r) => ruleHolds(r, m, path, to))
}

/** The dashboard sections a role opens: each needs its section's main read route. */
const SECTION_PROBES = {
  home: ["GET", "/merchant/home"],
  products: ["GET", "/merchant/products"],
  orders: ["GET", "/merchant/orders"],
  bookings: ["GET", "/merchant/bookings"],
  shipping: ["GET", "/merchant/shipping"],
  money: ["GET", "/merchant/balance"],
  team: ["GET", "/merchant/staff"],
  settings: ["GET", "/merchant/me/notification-preferences"],
} as const

export function roleSections(role: string): string[] {
  return Object.entries(SECTION_PROBES).filter(([, [m, p]]) => roleAllows(role, m, p)).map(([s]) => s)
}
