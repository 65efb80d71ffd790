import { SnailError } from "../../lib/snail-error"

/** `?from=&to=` as a half-open period; default: the current calendar month (UTC) up to now. */
export function parsePeriod(query: Record<string, unknown>, now = new Date()) {
  const from = query.from ? new Date(String(query.from)) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
  const to = query.to ? new Date(String(query.to)) : now
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw new SnailError(400, "INVALID_PERIOD", "`from` and `to` must be ISO-8601 dates with from < to", query.from ? "to" : "from")
  }
  return { from, to }
}
