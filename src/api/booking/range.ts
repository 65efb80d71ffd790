import { SnailError } from "../../lib/snail-error"

const DAY = 86_400_000

/** `from`/`to` of a slots or calendar query: ISO-8601 instants, from < to, at most `maxDays` apart. */
export function parseRange(query: Record<string, unknown>, defaults: { days: number; maxDays: number }, now = new Date()) {
  const read = (name: "from" | "to") => {
    const v = query[name]
    if (v === undefined || v === "") return undefined
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(new Date(v).getTime())) {
      throw new SnailError(400, "INVALID_SLOT_RANGE", `${name} must be an ISO-8601 instant with a zone, e.g. 2026-05-01T00:00:00Z`, name)
    }
    return new Date(v)
  }
  const from = read("from") ?? now
  const to = read("to") ?? new Date(from.getTime() + defaults.days * DAY)
  if (to.getTime() <= from.getTime()) throw new SnailError(400, "INVALID_SLOT_RANGE", "to must be after from", "to")
  if (to.getTime() - from.getTime() > defaults.maxDays * DAY) {
    throw new SnailError(400, "INVALID_SLOT_RANGE", `The range may span at most ${defaults.maxDays} days`, "to")
  }
  return { from, to }
}
