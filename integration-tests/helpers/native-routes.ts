import fs from "node:fs"
import path from "node:path"

const MEDUSA_ADMIN_API = path.join(path.dirname(require.resolve("@medusajs/medusa/package.json")), "dist/api/admin")

/**
 * Medusa's own admin routes under the given folders that change something (POST, DELETE), as
 * "METHOD /admin/path/:param", read from the installed @medusajs/medusa — so a Medusa upgrade that
 * adds one shows up as a route without a rule.
 */
export function nativeAdminWriteRoutes(folders: string[]): string[] {
  const routes: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.js") {
        const urlPath = "/admin/" + path.relative(MEDUSA_ADMIN_API, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/")
        const source = fs.readFileSync(full, "utf8")
        for (const m of source.matchAll(/^exports\.(POST|DELETE) = \1;/gm)) routes.push(`${m[1]} ${urlPath}`)
      }
    }
  }
  for (const folder of folders) walk(path.join(MEDUSA_ADMIN_API, folder))
  return routes.sort()
}
