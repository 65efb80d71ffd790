import Medusa from "@medusajs/js-sdk"

// The dashboard is served by the same server, so relative URLs and the session cookie just work.
export const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })
