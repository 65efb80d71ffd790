import { GridError, weeklyGridToRRule, type WeeklyBlock } from "../../lib/booking/weekly-grid"
import { SnailError } from "../../lib/snail-error"

/**
 * Fields a schedule saves from the editor's weekly grid: the RFC 5545 rule built from it, one slot
 * per occurrence (`window_minutes` null) and the grid itself. A rule given as text drops the grid.
 */
export function ruleFieldsFromGrid(
  body: { weekly_hours?: WeeklyBlock[]; rrule?: string; slot_minutes?: number; buffer_minutes?: number },
  current?: { weekly_hours?: WeeklyBlock[] | null; slot_minutes: number; buffer_minutes: number }
): Record<string, unknown> {
  if (body.weekly_hours && body.rrule) throw new SnailError(400, "INVALID_FIELD", "Give the weekly hours or a rule, not both", "rrule")
  if (body.rrule) return { weekly_hours: null }
  // A saved grid is rebuilt when its slot length or buffer changes (the starts move).
  const grid = body.weekly_hours ?? (current?.weekly_hours && (body.slot_minutes !== undefined || body.buffer_minutes !== undefined) ? current.weekly_hours : null)
  if (!grid) return {}
  const slot = body.slot_minutes ?? current?.slot_minutes ?? 60
  const buffer = body.buffer_minutes ?? current?.buffer_minutes ?? 0
  try {
    return { weekly_hours: grid, rrule: weeklyGridToRRule(grid, slot, buffer), window_minutes: null }
  } catch (e) {
    if (e instanceof GridError) throw new SnailError(400, "INVALID_SCHEDULE", e.message, e.field)
    throw e
  }
}
