import PDFDocument from "pdfkit"

/** Renders text lines (src/lib/vat-ae/document.ts) into a one-column A4 PDF. */
export function renderPdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: title } })
    const chunks: Buffer[] = []
    doc.on("data", (c: Buffer) => chunks.push(c))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
    doc.font("Helvetica-Bold").fontSize(18).text(lines[0])
    doc.moveDown(0.5).font("Helvetica").fontSize(9)
    for (const line of lines.slice(1)) doc.text(line || " ")
    doc.end()
  })
}
