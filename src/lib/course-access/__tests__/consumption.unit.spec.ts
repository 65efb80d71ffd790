import { clampIntervals, consumedPercent, coveredMs, lessonCompleted, mergeIntervals, playlistDurationSeconds } from "../consumption"

describe("course consumption: unique watched seconds ÷ total seconds", () => {
  it("merges overlapping and touching intervals so re-watching counts once", () => {
    // [0,10) ∪ [5,15) = [0,15) (overlap 5 s counted once); [15,20) touches it → [0,20); [30,40) stays apart.
    const merged = mergeIntervals([[0, 10_000], [30_000, 40_000]], [[5_000, 15_000], [15_000, 20_000]])
    expect(merged).toEqual([[0, 20_000], [30_000, 40_000]])
    // 20 s + 10 s = 30 s watched, not 10 + 10 + 5 + 10 = 35 s reported.
    expect(coveredMs(merged, 60)).toBe(30_000)
    // The same heartbeat delivered twice changes nothing.
    expect(mergeIntervals(merged, [[5_000, 15_000], [15_000, 20_000]])).toEqual(merged)
    // A nested interval adds nothing; a bridging one joins two runs.
    expect(mergeIntervals(merged, [[1_000, 2_000]])).toEqual(merged)
    expect(mergeIntervals(merged, [[19_000, 31_000]])).toEqual([[0, 40_000]])
  })

  it("clamps to the lesson [0, duration] and keeps milliseconds exact", () => {
    // A 90 s lesson: [-3, 2.5] → [0, 2.5] s; [88.2, 95] → [88.2, 90]; [91, 99] lies beyond the end and is dropped.
    expect(clampIntervals([[-3, 2.5], [88.2, 95], [91, 99]], 90)).toEqual([[0, 2_500], [88_200, 90_000]])
    // 0.1 + 0.2 in floats is 0.30000000000000004 s; in ms it is exactly 300.
    expect(clampIntervals([[0.1, 0.30000000000000004]], 10)).toEqual([[100, 300]])
    // Watched time beyond a (later shortened) duration does not count.
    expect(coveredMs([[0, 50_000]], 40)).toBe(40_000)
  })

  it("weights each lesson by its duration and rounds down", () => {
    // Lessons of 600 s (a reading) and 60 s (a video): watching the whole video is
    // 60 / 660 = 9.09… % → 9 %; reading the whole text is 600 / 660 = 90.9… % → 90 %.
    expect(consumedPercent([{ duration_seconds: 600, watched_ms: 0 }, { duration_seconds: 60, watched_ms: 60_000 }])).toBe(9)
    expect(consumedPercent([{ duration_seconds: 600, watched_ms: 600_000 }, { duration_seconds: 60, watched_ms: 0 }])).toBe(90)
    // The mean of lesson percents would say 50 % in both cases: that is the old, wrong rule.
    // 198 of 660 s = 30 % exactly (a threshold is reached exactly); 197.999 s is 29.99… → 29 %.
    expect(consumedPercent([{ duration_seconds: 600, watched_ms: 198_000 }, { duration_seconds: 60, watched_ms: 0 }])).toBe(30)
    expect(consumedPercent([{ duration_seconds: 600, watched_ms: 197_999 }, { duration_seconds: 60, watched_ms: 0 }])).toBe(29)
    // Everything but one millisecond is 99 %, not complete; all of it is 100 %.
    expect(consumedPercent([{ duration_seconds: 600, watched_ms: 600_000 }, { duration_seconds: 60, watched_ms: 59_999 }])).toBe(99)
    expect(consumedPercent([{ duration_seconds: 600, watched_ms: 600_000 }, { duration_seconds: 60, watched_ms: 60_000 }])).toBe(100)
    // Watched beyond a lesson's duration never spills into another lesson's share.
    expect(consumedPercent([{ duration_seconds: 10, watched_ms: 999_000 }, { duration_seconds: 10, watched_ms: 0 }])).toBe(50)
    expect(consumedPercent([])).toBe(0)
    expect(consumedPercent([{ duration_seconds: 0, watched_ms: 5_000 }])).toBe(0)
  })

  it("a lesson is completed when all of it was watched", () => {
    expect(lessonCompleted(59_999, 60)).toBe(false)
    expect(lessonCompleted(60_000, 60)).toBe(true)
    expect(lessonCompleted(0, 0)).toBe(false)
  })

  it("takes an HLS lesson's duration from its playlist's EXTINF sum, rounded down to the second", () => {
    expect(playlistDurationSeconds("#EXTM3U\n#EXTINF:2.0,\na.ts\n#EXTINF:2.0,\nb.ts\n#EXT-X-ENDLIST\n")).toBe(4)
    // 3 × 9.009 s = 27.027 s → 27 s (a player that plays to the end always reaches the duration).
    expect(playlistDurationSeconds("#EXTM3U\r\n#EXTINF:9.009,\r\na.ts\r\n#EXTINF:9.009,\r\nb.ts\r\n#EXTINF:9.009,title\r\nc.ts\r\n")).toBe(27)
    expect(playlistDurationSeconds("#EXTM3U\n#EXT-X-ENDLIST\n")).toBe(0)
  })
})
