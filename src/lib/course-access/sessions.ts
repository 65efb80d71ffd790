/**
 * Concurrent devices per grant (policy `max_sessions`): a device counts as active while it was
 * seen within `idleMs`. A device already active may always go on; a new one is refused when the
 * active ones fill the limit. null = unlimited.
 */
export type DeviceSession = { device_id: string; last_seen_at: Date | string }

export function sessionDecision(
  sessions: DeviceSession[],
  deviceId: string,
  maxSessions: number | null | undefined,
  now: Date,
  idleMs: number
): { allowed: boolean; active: number } {
  const cutoff = now.getTime() - idleMs
  const active = sessions.filter((s) => new Date(s.last_seen_at).getTime() > cutoff)
  if (maxSessions === null || maxSessions === undefined) return { allowed: true, active: active.length }
  if (active.some((s) => s.device_id === deviceId)) return { allowed: true, active: active.length }
  return { allowed: active.length < maxSessions, active: active.length }
}
