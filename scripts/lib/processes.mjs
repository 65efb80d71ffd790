// Child-process helpers shared by the dev, start and test launchers.
import { spawn } from "node:child_process"

/**
 * Runs a command to completion; rejects with a readable message on failure. Output is inherited,
 * or, with `onLine`, handed over line by line (the test launcher writes it to its log file).
 */
export function run(cmd, args, { env = process.env, cwd, label = `${cmd} ${args.join(" ")}`, onLine } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: onLine ? ["ignore", "pipe", "pipe"] : "inherit", env, cwd })
    if (onLine) pipeLines(child, onLine)
    child.on("error", reject)
    child.on("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`"${label}" failed (${signal ?? `exit code ${code}`})`))
    )
  })
}

/**
 * Starts a long-running service in its own process group so Ctrl-C and shutdown
 * reach all of its children (medusa develop and next dev fork workers).
 */
export function startService(name, cmd, args, { env = process.env, cwd, onLine } = {}) {
  const child = spawn(cmd, args, { stdio: onLine ? ["ignore", "pipe", "pipe"] : "inherit", env, cwd, detached: true })
  if (onLine) pipeLines(child, onLine)
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

/**
 * A service that is started again when it dies on its own (not when stopped): the dev launcher
 * keeps the rest of the stack up while a crashed PSP, contract server or Medusa comes back.
 * Gives up after `maxRestarts` crashes within `windowMs` and reports it through `onGiveUp`.
 * `health` ({ url, downMs }): also restarted when its URL stops answering while the process lives.
 */
export function startSupervised(name, cmd, args, { env, cwd, onLine, log, maxRestarts = 5, windowMs = 60000, onGiveUp = () => {}, health } = {}) {
  let current
  let stopping = false
  const crashes = []
  // `medusa develop` runs the server as its own child: when that server dies, develop lives on and
  // never restarts it. With `health` ({ url, downMs }) the service also counts as dead once the URL,
  // after answering once, has not answered for downMs (longer than develop's own restart on a file
  // change), and is stopped so that the restart below brings it back.
  const watchHealth = (service) => {
    let seenUp = false
    let downSince = null
    const timer = setInterval(async () => {
      if (stopping || service.child.exitCode !== null || service.child.signalCode !== null) return clearInterval(timer)
      const up = await fetch(health.url, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok, () => false)
      if (up) { seenUp = true; downSince = null; return }
      if (!seenUp) return
      downSince ??= Date.now()
      if (Date.now() - downSince < health.downMs) return
      clearInterval(timer)
      log(`${name} has not answered ${health.url} for ${Math.round(health.downMs / 1000)} s although its process runs: stopping it to restart it.`)
      signalGroup(service.child.pid, "SIGTERM")
    }, 2000)
    service.exited.then(() => clearInterval(timer))
  }
  const launch = () => {
    current = startService(name, cmd, args, { env, cwd, onLine })
    if (health) watchHealth(current)
    current.exited.then(({ code, signal }) => {
      if (stopping) return
      const now = Date.now()
      crashes.push(now)
      while (crashes.length && crashes[0] < now - windowMs) crashes.shift()
      const how = signal ?? `exit code ${code}`
      // Children of the dead leader (workers, watchers) may still hold its port.
      signalGroup(current.child.pid, "SIGKILL")
      if (crashes.length > maxRestarts) {
        log(`${name} stopped (${how}) ${crashes.length} times within ${Math.round(windowMs / 1000)} s: not restarting it. The rest of the stack stays up.`)
        onGiveUp({ name, code, signal })
        return
      }
      const delay = Math.min(1000 * 2 ** (crashes.length - 1), 10000)
      log(`${name} stopped (${how}); restarting it in ${delay / 1000} s (restart ${crashes.length} of at most ${maxRestarts} a minute).`)
      setTimeout(() => !stopping && launch(), delay)
    })
  }
  launch()
  return {
    name,
    get child() {
      return current.child
    },
    async stop(timeoutMs) {
      stopping = true
      await current.stop(timeoutMs)
    },
  }
}

function pipeLines(child, onLine) {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ""
    stream.setEncoding("utf8")
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n")
      rest = lines.pop()
      for (const line of lines) onLine(line)
    })
    stream.on("end", () => rest && onLine(rest))
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
