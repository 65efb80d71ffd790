// Settings the browser needs that are only known where the storefront runs, not where it was built.
// The publishable API key is created by the Medusa server's seed — after a Docker image or the test
// suite's production build was made — so it cannot be inlined at build time like NEXT_PUBLIC_*
// values. The root layout (a server component) reads them at request time and hands them to
// <Providers> as a prop; React carries props to the browser in the page's own payload, on every
// render path (a page streamed as HTML, a not-found page rendered in the browser, a client navigation).
// Providers adopts them before anything below it renders.

export type PublicConfig = { publishableKey: string }

/**
 * On the storefront's server, at request time: MEDUSA_PUBLISHABLE_KEY (runtime), else the
 * build-time NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY (what `next dev` and older set-ups use).
 */
export function serverPublicConfig(): PublicConfig {
  return { publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY || process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || "" }
}

let adopted: PublicConfig | null = null

/** In the browser: keeps the settings the server handed to <Providers> (the first non-empty ones win). */
export function adoptPublicConfig(config: PublicConfig | undefined): void {
  if (typeof window === "undefined" || adopted || !config?.publishableKey) return
  adopted = config
}

/** The settings wherever the code runs: as adopted in the browser, from the environment on the server. */
export function publicConfig(): PublicConfig {
  if (typeof window === "undefined") return serverPublicConfig()
  return adopted ?? { publishableKey: process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || "" }
}
