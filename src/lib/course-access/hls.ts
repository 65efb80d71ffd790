/**
 * HLS playlist rewriting: every segment URI of a media playlist is replaced by its own signed URL,
 * and a per-grant watermark token is added as session data so a leaked playlist names its buyer.
 * Only URIs naming a known segment are rewritten; anything else (absolute URLs, unknown names) is
 * dropped, so a playlist can never point the player at an unsigned or foreign resource.
 */
export function rewritePlaylist(playlist: string, knownSegments: string[], signedUrlFor: (segment: string) => string, watermark: string): string {
  const known = new Set(knownSegments)
  const out: string[] = []
  const lines = playlist.replace(/\r\n/g, "\n").split("\n")
  let headerDone = false
  for (const raw of lines) {
    const line = raw.trim()
    if (!line) continue
    if (line.startsWith("#")) {
      out.push(line)
      if (!headerDone && line === "#EXTM3U") {
        out.push(`#EXT-X-SESSION-DATA:DATA-ID="com.snailmarketplace.watermark",VALUE="${watermark}"`)
        headerDone = true
      }
      continue
    }
    if (known.has(line)) out.push(signedUrlFor(line))
    else if (out.length && out[out.length - 1].startsWith("#EXTINF")) out.pop() // its segment is gone, so is its duration
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
