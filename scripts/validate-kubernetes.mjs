#!/usr/bin/env node
// `npm run k8s:validate [files…]`: every object of deploy/kubernetes/*.yaml (or the files given)
// validated against the Kubernetes OpenAPI schemas that kubernetes-models ships (compiled ajv
// validators, from npm: no kubeconform binary or cluster needed). Prints one JSON line per object;
// exits 1 when any object is invalid or of a kind it has no schema for.
import fs from "node:fs"
import path from "node:path"
import { parseAllDocuments } from "yaml"
import { root } from "./lib/app-stack.mjs"

const dir = path.join(root, "deploy/kubernetes")
const files = process.argv.slice(2).length ? process.argv.slice(2) : fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((f) => path.join(dir, f))
const GROUPS = { v1: "", "apps/v1": "apps/v1", "batch/v1": "batch/v1", "autoscaling/v2": "autoscaling/v2", "policy/v1": "policy/v1" }
let bad = 0
for (const file of files) {
  for (const doc of parseAllDocuments(fs.readFileSync(file, "utf8"))) {
    if (doc.errors.length) {
      bad += 1
      console.log(JSON.stringify({ file: path.relative(root, file), ok: false, error: doc.errors[0].message }))
      continue
    }
    const obj = doc.toJS()
    const result = { file: path.relative(root, file), kind: obj?.kind, name: obj?.metadata?.name, ok: true }
    try {
      const group = GROUPS[obj.apiVersion]
      if (group === undefined) throw new Error(`no schema for apiVersion ${obj.apiVersion}`)
      const mod = await import(`kubernetes-models/${group ? `${group}/` : "v1/"}${obj.kind}`).catch(() => {
        throw new Error(`no schema for ${obj.apiVersion} ${obj.kind}`)
      })
      new mod[obj.kind](obj).validate()
    } catch (e) {
      bad += 1
      Object.assign(result, { ok: false, error: String(e?.message ?? e).slice(0, 500) })
    }
    console.log(JSON.stringify(result))
  }
}
process.exit(bad ? 1 : 0)
