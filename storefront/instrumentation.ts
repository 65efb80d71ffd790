// The storefront's own (empty) instrumentation hook. Without it, Next.js picks up the Medusa
// server's instrumentation.ts one folder up (this app is an npm workspace of that project) and
// tries to bundle the whole Medusa server into the storefront.
export function register() {}
