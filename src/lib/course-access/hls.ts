/**
 * HLS playlist rewriting: every segment URI of a media playlist is replaced by its own signed URL,
 * and a per-grant watermark token is added as session data so a leaked playlist names its buyer.
 * Only URIs naming a known segment are rewritten; anything else (absolute URLs, unknown names) is
 * dropped, so a playlist can never point the player at an unsigned or foreign resource.
 * `signedUrlFor` also gets the segment's start time in the video (sum of the EXTINF durations
 * before it): a VOD player fetches late segments late, so their URLs must live that much longer.
 */
export function rewritePlaylist(
  playlist: string,
  knownSegments: string[],
  signedUrlFor: (segment: string, startSeconds: number) => string,
  watermark: string
): string {
  const known = new Set(knownSegments)
  const out: string[] = []
  const lines = playlist.replace(/\r\n/g, "\n").split("\n")
  let headerDone = false
  let start = 0
  let pending = 0
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    if (line.startsWith("#EXTINF:")) pending = Number.parseFloat(line.slice(8)) || 0
    if (line.startsWith("#")) {
      out.push(line)
      if (!headerDone && line === "#EXTM3U") {
        out.push(`#EXT-X-SESSION-DATA:DATA-ID="com.snailmarketplace.watermark",VALUE="${watermark}"`)
        headerDone = true
      }
      continue
    }
    if (known.has(line)) out.push(signedUrlFor(line, Math.floor(start)))
    else if (out.length && out[out.length - 1].startsWith("#EXTINF")) out.pop() // its segment is gone, so is its duration
    start += pending
    pending = 0
  }
  if (!headerDone) throw new Error("Not an HLS playlist: #EXTM3U missing")
  return out.join("\n") + "\n"
}

/** Segment names a playlist refers to, in order (what an upload must provide). */
export function playlistSegments(playlist: string): string[] {
  return playlist
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
}

export function isPlaylist(text: string): boolean {
  return text.replace(/^\uFEFF/, "").trimStart().startsWith("#EXTM3U")
}
