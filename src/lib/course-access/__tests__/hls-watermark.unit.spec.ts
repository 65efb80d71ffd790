import { inflateSync } from "zlib"
import { PDFDocument } from "pdf-lib"
import { isPlaylist, playlistSegments, rewritePlaylist } from "../hls"
import { simplePdf, watermarkLine, watermarkPdf, watermarkText } from "../watermark"

const PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg0.ts\n#EXTINF:2.0,\nseg1.ts\n#EXTINF:2.0,\nhttps://evil.example/x.ts\n#EXT-X-ENDLIST\n"

describe("HLS playlist rewriting", () => {
  it("signs each known segment, drops unknown URIs and adds the watermark token", () => {
    const out = rewritePlaylist(PLAYLIST, ["seg0.ts", "seg1.ts"], (s) => `/signed/${s}?sig=1`, "wm-tok")
    expect(out.split("\n")).toEqual([
      "#EXTM3U",
      '#EXT-X-SESSION-DATA:DATA-ID="com.snailmarketplace.watermark",VALUE="wm-tok"',
      "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2",
      "#EXTINF:2.0,", "/signed/seg0.ts?sig=1",
      "#EXTINF:2.0,", "/signed/seg1.ts?sig=1",
      "#EXT-X-ENDLIST", "",
    ])
    const starts: Record<string, number> = {}
    rewritePlaylist(PLAYLIST.replace("#EXTINF:2.0,\nseg1.ts", "#EXTINF:2.5,\nseg1.ts"), ["seg0.ts", "seg1.ts"], (s, start) => {
      starts[s] = start
      return s
    }, "t")
    expect(starts).toEqual({ "seg0.ts": 0, "seg1.ts": 2 })
    expect(playlistSegments(PLAYLIST)).toEqual(["seg0.ts", "seg1.ts", "https://evil.example/x.ts"])
    expect(isPlaylist(PLAYLIST)).toBe(true)
    expect(() => rewritePlaylist("seg0.ts\n", ["seg0.ts"], (s) => s, "t")).toThrow(/EXTM3U/)
  })
})

const who = { buyer_name: "Bea Buyer", email: "bea@test.local", order_number: 42, token: "abc123" }

/** Every page content stream of a PDF, inflated, as latin1 text. */
function pageContents(pdf: Buffer): string {
  const s = pdf.toString("latin1")
  const parts: string[] = []
  const re = /stream\r?\n/g
  let m: RegExpExecArray | null
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length
    const end = s.indexOf("endstream", start)
    const raw = pdf.subarray(start, end)
    try { parts.push(inflateSync(raw).toString("latin1")) } catch { parts.push(raw.toString("latin1")) }
  }
  return parts.join("\n")
}

describe("watermarking downloads", () => {
  it("puts the buyer and order on top of a text file", () => {
    const out = watermarkText(Buffer.from("Lesson one\n"), who).toString("utf8")
    expect(out.startsWith(`# Licensed to Bea Buyer <bea@test.local> - order #42 - abc123\n`)).toBe(true)
    expect(out.endsWith("Lesson one\n")).toBe(true)
  })

  it("prints the buyer and order on every page of a PDF and keeps it a valid PDF", async () => {
    const original = await simplePdf("Lesson", ["Breathe slowly."])
    const doc = await PDFDocument.load(original)
    doc.addPage()
    const twoPages = Buffer.from(await doc.save())
    expect(pageContents(twoPages)).not.toContain(Buffer.from("Licensed to").toString("hex").toUpperCase())

    const marked = await watermarkPdf(twoPages, who)
    const reloaded = await PDFDocument.load(marked)
    expect(reloaded.getPageCount()).toBe(2)
    expect(reloaded.getSubject()).toContain("abc123")
    const hex = Buffer.from(watermarkLine(who), "latin1").toString("hex").toUpperCase()
    const contents = pageContents(marked)
    expect(contents.split(hex).length - 1).toBe(2) // once per page
  })
})
