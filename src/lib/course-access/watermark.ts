import { PDFDocument, rgb, StandardFonts } from "pdf-lib"

/** Who a downloaded copy belongs to; printed into it so a leaked file names its buyer. */
export type WatermarkInfo = { buyer_name: string; email: string; order_number: string | number; token: string }

export function watermarkLine(w: WatermarkInfo): string {
  const who = [w.buyer_name?.trim(), `<${w.email}>`].filter(Boolean).join(" ")
  return `Licensed to ${who} - order #${w.order_number} - ${w.token}`
}

/** Text assets: header lines on top of the original content (UTF-8). */
export function watermarkText(content: Buffer, w: WatermarkInfo): Buffer {
  const header = `# ${watermarkLine(w)}\n# Personal copy: do not redistribute.\n\n`
  return Buffer.concat([Buffer.from(header, "utf8"), content])
}

// The standard Helvetica font only covers WinAnsi: anything else becomes "?" rather than failing.
function winAnsiSafe(s: string): string {
  return s.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, "?")
}

/**
 * PDF assets: a footer line on every page plus the token in the document's metadata. The
 * document is re-saved by pdf-lib, so the watermark is part of each page's content, not an
 * overlay a viewer could switch off.
 */
export async function watermarkPdf(content: Buffer, w: WatermarkInfo): Promise<Buffer> {
  const doc = await PDFDocument.load(content, { updateMetadata: false })
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const text = winAnsiSafe(watermarkLine(w))
  for (const page of doc.getPages()) {
    const { width } = page.getSize()
    const size = 7
    const textWidth = font.widthOfTextAtSize(text, size)
    page.drawText(text, { x: Math.max(8, (width - textWidth) / 2), y: 10, size, font, color: rgb(0.45, 0.45, 0.45) })
  }
  doc.setSubject(`Licensed copy ${w.token}`)
  doc.setKeywords([`order:${w.order_number}`, `watermark:${w.token}`])
  return Buffer.from(await doc.save({ useObjectStreams: false }))
}

export function isWatermarkable(mime: string): "pdf" | "text" | null {
  if (mime === "application/pdf") return "pdf"
  if (mime.startsWith("text/") && mime !== "text/html") return "text"
  return null
}

/** A small one-page PDF with the given lines (seed/demo content and tests). */
export async function simplePdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText(winAnsiSafe(title), { x: 50, y: 780, size: 20, font })
  lines.forEach((l, i) => page.drawText(winAnsiSafe(l), { x: 50, y: 740 - i * 18, size: 12, font }))
  return Buffer.from(await doc.save({ useObjectStreams: false }))
}
