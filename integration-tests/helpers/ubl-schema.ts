import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

type XsdFile = { fileName: string; contents: string }

function xsdsUnder(dir: string): XsdFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return xsdsUnder(path)
    return name.endsWith(".xsd") ? [{ fileName: relative(dir, path), contents: readFileSync(path, "utf8") }] : []
  })
}

/**
 * The schema an invoice is validated against: the official OASIS UBL 2.1 XSDs when UBL21_XSD_DIR
 * points at an unpacked release (its `xsd/` folder), else the project's UBL 2.1 subset
 * (integration-tests/fixtures/ubl21-subset: the elements we emit, in UBL 2.1 order and types).
 */
export async function ublSchemaFiles(): Promise<{ main: XsdFile; preload: XsdFile[]; official: boolean }> {
  const official = process.env.UBL21_XSD_DIR
  if (official) {
    const files = xsdsUnder(official)
    const main = files.find((f) => f.fileName.endsWith("UBL-Invoice-2.1.xsd"))
    if (!main) throw new Error(`UBL21_XSD_DIR=${official} has no maindoc/UBL-Invoice-2.1.xsd`)
    return { main, preload: files.filter((f) => f !== main), official: true }
  }
  const files = xsdsUnder(join(__dirname, "..", "fixtures", "ubl21-subset"))
  const main = files.find((f) => f.fileName === "invoice.xsd")!
  return { main, preload: files.filter((f) => f !== main), official: false }
}
