import fs from "node:fs"
import path from "node:path"

// MikroORM records applied migrations by class name in one table shared by every module: two modules
// with a migration of the same name means the second one is silently skipped as "already applied"
// (it happened: ops and product-kind both had Migration20261207093000).
describe("module migrations", () => {
  it("have names unique across all modules", () => {
    const modules = path.resolve(__dirname, "../modules")
    const seen = new Map<string, string[]>()
    for (const mod of fs.readdirSync(modules)) {
      const dir = path.join(modules, mod, "migrations")
      if (!fs.existsSync(dir)) continue
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
        const name = /export class (\w+)/.exec(fs.readFileSync(path.join(dir, file), "utf8"))?.[1] ?? file
        seen.set(name, [...(seen.get(name) ?? []), mod])
      }
    }
    expect(seen.size).toBeGreaterThan(5)
    expect([...seen].filter(([, mods]) => mods.length > 1)).toEqual([])
  })
})
