import type { ReactNode } from "react"
import { MerchantSessionProvider } from "@/lib/merchant-session"
import "./dashboard.css"

/**
 * Everything under /merchant is the seller's dashboard: its own stylesheet (@medusajs/ui, the
 * Medusa admin's look) and session, and none of the buyer's chrome (app/providers.tsx leaves the
 * header out here). Sign-in pages are the (auth) group, the signed-in pages the (dashboard) group.
 */
export default function MerchantLayout({ children }: { children: ReactNode }) {
  return (
    <MerchantSessionProvider>
      <div className="snail-dash" data-testid="merchant-portal">
        {children}
      </div>
    </MerchantSessionProvider>
  )
}
