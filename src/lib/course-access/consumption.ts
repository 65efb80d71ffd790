/**
 * Course consumption (issue 17 §6, docs/course-access.md): unique watched seconds ÷ total seconds,
 * each lesson weighted by its duration. The player reports the media intervals it actually played;
 * the server keeps, per (grant, lesson), the union of everything reported, so re-watching a part
 * counts once and nothing reported can ever be taken back.
 *
 * Intervals are kept in whole milliseconds of media time (integers: no float drift while merging),
 * half-open [from, to): [0, 10000) and [10000, 20000) are 20 s, touching, merged into one.
 */
export type MsInterval = [number, number]

/** Longest single reported interval: a heartbeat comes at least every couple of minutes of playback. */
export const MAX_INTERVAL_SECONDS = 120
export const MAX_INTERVALS_PER_HEARTBEAT = 50

/** Seconds (as the player reports them, fractional) to whole milliseconds. */
export const toMs = (seconds: number) => Math.round(seconds * 1000)

/**
 * A heartbeat's intervals, clamped to the lesson [0, duration] and in milliseconds. Intervals
 * that lie wholly outside the lesson (after clamping, empty) are dropped. Validation of the
 * raw shape (from < to, length, count) is the route's job, before this.
 */
export function clampIntervals(raw: [number, number][], durationSeconds: number): MsInterval[] {
  const end = Math.max(0, Math.floor(durationSeconds)) * 1000
  const out: MsInterval[] = []
  for (const [from, to] of raw) {
    const a = Math.min(end, Math.max(0, toMs(from)))
    const b = Math.min(end, Math.max(0, toMs(to)))
    if (b > a) out.push([a, b])
  }
  return out
}

/** Union of interval lists, sorted and disjoint (overlapping or touching intervals merged). */
export function mergeIntervals(...lists: MsInterval[][]): MsInterval[] {
  const all = lists.flat().filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && b > a).map(([a, b]) => [a, b] as MsInterval)
  all.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  const out: MsInterval[] = []
  for (const [a, b] of all) {
    const last = out[out.length - 1]
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}

/** Milliseconds covered by disjoint intervals, counting only the part inside [0, duration]. */
export function coveredMs(intervals: MsInterval[], durationSeconds: number): number {
  const end = Math.max(0, Math.floor(durationSeconds)) * 1000
  let sum = 0
  for (const [a, b] of intervals) sum += Math.max(0, Math.min(b, end) - Math.max(a, 0))
  return sum
}

/**
 * Course consumption in whole percent, rounded down (99.9 % is not complete): Σ watched ÷ Σ duration
 * over the course's lessons. A lesson's watched time never counts beyond its duration. A course
 * whose lessons have no duration (none, or all zero) is 0 %.
 */
export function consumedPercent(lessons: { duration_seconds: number; watched_ms: number }[]): number {
  let total = 0
  let watched = 0
  for (const l of lessons) {
    const d = Math.max(0, Math.floor(l.duration_seconds)) * 1000
    total += d
    watched += Math.min(d, Math.max(0, Math.floor(l.watched_ms)))
  }
  if (!total) return 0
  // Integer arithmetic: floor(100·w / t) exactly, no float rounding near a threshold.
  return Math.floor((100 * watched) / total)
}

/** A lesson is completed when every second of it was watched (or it was downloaded). */
export const lessonCompleted = (watchedMs: number, durationSeconds: number) =>
  durationSeconds > 0 && watchedMs >= Math.floor(durationSeconds) * 1000

/**
 * Media duration of an HLS media playlist: the sum of its #EXTINF durations, in whole seconds
 * rounded down (so a player that plays to the end always reaches it). 0 when there is none.
 */
export function playlistDurationSeconds(playlist: string): number {
  let ms = 0
  for (const raw of playlist.replace(/\r\n/g, "\n").split("\n")) {
    const line = raw.trim()
    if (!line.startsWith("#EXTINF:")) continue
    const value = Number.parseFloat(line.slice(8))
    if (Number.isFinite(value) && value > 0) ms += toMs(value)
  }
  return Math.floor(ms / 1000)
}
