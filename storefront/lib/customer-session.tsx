"use client"

import { useQuery, useQueryClient } from "@tanstack/react-query"
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import { CART_QUERY, requireSdk } from "./sdk"
import { dropRefreshToken, keepRefreshToken, refreshAccessToken, useSessionRefresh, type IssuedSession } from "./session-refresh"
import { useStore } from "./store-context"

/**
 * The buyer's session. The js-sdk keeps the customer JWT in localStorage (its default key
 * `medusa_auth_token`) and sends it as `Authorization: Bearer` on every store request, so
 * carts created while signed in belong to the customer and /store/orders answers for them.
 * (The merchant portal keeps its own token apart: lib/merchant-session.tsx.)
 */
const SDK_TOKEN_KEY = "medusa_auth_token"

type Customer = { id: string; email: string; first_name?: string | null; last_name?: string | null }

type CustomerSession = {
  /** false until localStorage has been read (client only). */
  hydrated: boolean
  token: string | null
  customer: Customer | null
  customerLoading: boolean
  login: (email: string, password: string) => Promise<void>
  register: (input: { email: string; password: string; first_name: string; last_name: string }) => Promise<void>
  logout: () => Promise<void>
}

const CustomerSessionContext = createContext<CustomerSession | null>(null)

function statusOf(err: unknown): number | undefined {
  return typeof err === "object" && err !== null ? (err as { status?: number }).status : undefined
}

export function CustomerSessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient()
  const { cart, adoptCart, clearCart } = useStore()
  const [hydrated, setHydrated] = useState(false)
  const [token, setTokenState] = useState<string | null>(null)

  useEffect(() => {
    setTokenState(localStorage.getItem(SDK_TOKEN_KEY))
    setHydrated(true)
  }, [])

  const forget = useCallback(async () => {
    dropRefreshToken("customer")
    await requireSdk().client.clearToken()
    setTokenState(null)
    // The cart belongs to the customer now; a signed-out visitor starts a new one.
    clearCart()
    qc.removeQueries({ queryKey: ["customer"] })
    qc.removeQueries({ queryKey: ["orders"] })
  }, [qc, clearCart])

  const customerQuery = useQuery({
    queryKey: ["customer", token],
    enabled: hydrated && !!token,
    retry: false,
    queryFn: async () => {
      try {
        return (await requireSdk().store.customer.retrieve()).customer as Customer
      } catch (err) {
        if (statusOf(err) !== 401) throw err
        // An expired access token is renewed with the refresh token; a revoked session signs out quietly.
        const renewed = await refreshAccessToken("customer", token)
        if (renewed) {
          await requireSdk().client.setToken(renewed)
          setTokenState(renewed)
          return null
        }
        await forget()
        return null
      }
    },
  })

  /** After signing in, the anonymous cart (if any) becomes the customer's. */
  const takeOverCart = useCallback(async () => {
    if (!cart || cart.customer_id) return
    try {
      adoptCart((await requireSdk().store.cart.transferCart(cart.id, CART_QUERY)).cart)
    } catch {
      // A cart that cannot be transferred (completed, gone): the next add starts a new one.
    }
  }, [cart, adoptCart])

  const login = useCallback(
    async (email: string, password: string) => {
      const sdk = requireSdk()
      // Through the client rather than sdk.auth.login, which keeps only the access token: the
      // refresh token issued beside it is what keeps the buyer signed in past 15 minutes.
      const issued = await sdk.client.fetch<IssuedSession>("/auth/customer/emailpass", { method: "POST", body: { email, password } })
      if (!issued?.token) throw new Error("Unexpected authentication response")
      await sdk.client.setToken(issued.token)
      keepRefreshToken("customer", issued)
      setTokenState(issued.token)
      qc.removeQueries({ queryKey: ["orders"] })
      await takeOverCart()
    },
    [qc, takeOverCart]
  )

  const register = useCallback(
    async ({ email, password, first_name, last_name }: { email: string; password: string; first_name: string; last_name: string }) => {
      const sdk = requireSdk()
      // The registration token only allows creating the customer; then sign in for a real session.
      await sdk.auth.register("customer", "emailpass", { email, password })
      await sdk.store.customer.create({ email, first_name, last_name })
      await login(email, password)
    },
    [login]
  )

  const logout = useCallback(async () => {
    try {
      // Ends this session on the server (its access and refresh tokens stop working at once).
      await requireSdk().client.fetch("/store/customers/me/sessions/current", { method: "DELETE" })
    } catch {
      // Already ended or offline: clearing the tokens here is what matters to this browser.
    }
    await forget()
  }, [forget])

  const renewed = useCallback(
    async (next: string | null) => {
      if (!next) return void (await forget())
      await requireSdk().client.setToken(next)
      setTokenState(next)
    },
    [forget]
  )
  useSessionRefresh("customer", token, renewed)

  const value = useMemo<CustomerSession>(
    () => ({
      hydrated,
      token,
      customer: customerQuery.data ?? null,
      customerLoading: !hydrated || (!!token && customerQuery.isPending),
      login,
      register,
      logout,
    }),
    [hydrated, token, customerQuery.data, customerQuery.isPending, login, register, logout]
  )
  return <CustomerSessionContext.Provider value={value}>{children}</CustomerSessionContext.Provider>
}

export function useCustomer(): CustomerSession {
  const ctx = useContext(CustomerSessionContext)
  if (!ctx) throw new Error("useCustomer outside CustomerSessionProvider")
  return ctx
}
