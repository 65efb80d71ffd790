"use client"

import { useQueryClient } from "@tanstack/react-query"
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import { BACKEND_URL } from "./sdk"
import { dropRefreshToken, useSessionRefresh } from "./session-refresh"

/** The merchant actor's JWT. Kept apart from any buyer session. */
const TOKEN_KEY = "snail.merchant_token"

type MerchantSession = {
  /** false until localStorage has been read (client only). */
  hydrated: boolean
  token: string | null
  setToken: (token: string | null) => void
  signOut: () => void
}

const MerchantSessionContext = createContext<MerchantSession | null>(null)

export function MerchantSessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient()
  const [hydrated, setHydrated] = useState(false)
  const [token, setTokenState] = useState<string | null>(null)

  useEffect(() => {
    setTokenState(localStorage.getItem(TOKEN_KEY))
    setHydrated(true)
  }, [])

  const setToken = useCallback(
    (t: string | null) => {
      if (t) localStorage.setItem(TOKEN_KEY, t)
      else localStorage.removeItem(TOKEN_KEY)
      // Whatever was loaded belongs to the previous identity.
      qc.removeQueries({ queryKey: ["merchant"] })
      setTokenState(t)
    },
    [qc]
  )
  const signOut = useCallback(() => {
    // Ends the session on the server too (best effort), then forgets it here.
    if (token) void fetch(`${BACKEND_URL}/merchant/me/sessions/current`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }).catch(() => undefined)
    dropRefreshToken("merchant")
    setToken(null)
  }, [setToken, token])
  // A renewed token is the same identity: keep what was loaded, just swap the token.
  const renewed = useCallback(
    (next: string | null) => {
      if (!next) return signOut()
      localStorage.setItem(TOKEN_KEY, next)
      setTokenState(next)
    },
    [signOut]
  )
  useSessionRefresh("merchant", token, renewed)

  const value = useMemo(() => ({ hydrated, token, setToken, signOut }), [hydrated, token, setToken, signOut])
  return <MerchantSessionContext.Provider value={value}>{children}</MerchantSessionContext.Provider>
}

export function useMerchantSession(): MerchantSession {
  const ctx = useContext(MerchantSessionContext)
  if (!ctx) throw new Error("useMerchantSession outside MerchantSessionProvider")
  return ctx
}
