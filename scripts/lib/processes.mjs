// Child-process helpers shared by the dev, start and test launchers.
import { spawn } from "node:child_process"

/** Runs a command to completion, inheriting stdio; rejects with a readable message on failure. */
export function run(cmd, args, { env = process.env, cwd, label = `${cmd} ${args.join(" ")}` } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env, cwd })
    child.on("error", reject)
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`"${label}" failed (${signal ?? `exit code ${code}`})`))
    )
  })
}

/**
 * Starts a long-running service in its own process group so Ctrl-C and shutdown
 * reach all of its children (medusa develop and next dev fork workers).
 */
export function startService(name, cmd, args, { env = process.env, cwd } = {}) {
  const child = spawn(cmd, args, { stdio: "inherit", env, cwd, detached: true })
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ name, code, signal })))
  return {
    name,
    child,
    exited,
    async stop(timeoutMs = 10000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      signalGroup(child.pid, "SIGTERM")
      const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), timeoutMs)
      await exited
      clearTimeout(timer)
      // Workers of the group may outlive the leader: make sure none is left holding a port.
      signalGroup(child.pid, "SIGKILL")
    },
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    /* already gone */
  }
}

/** Polls `url` until it answers 2xx/3xx or the timeout passes. */
export async function waitForHttp(url, { timeoutMs = 120000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" })
      if (res.status < 400) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`)
}
