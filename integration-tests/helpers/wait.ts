/**
 * Polls `fn` until `ok` holds or `ms` pass, and returns the last value (the caller's expect then
 * shows what it was). For effects of subscribers, which run after the request returns.
 */
export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> {
  const end = Date.now() + ms
  let last = await fn()
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250))
    last = await fn()
  }
  return last
}
