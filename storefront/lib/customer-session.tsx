"use client"

import { useQuery, useQueryClient } from "@tanstack/react-query"
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import { requireSdk } from "./sdk"
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
        // Expired or revoked token: sign out quietly.
        if (statusOf(err) === 401) {
          await forget()
          return null
        }
        throw err
      }
    },
  })

  /** After signing in, the anonymous cart (if any) becomes the customer's. */
  const takeOverCart = useCallback(async () => {
    if (!cart || cart.customer_id) return
    try {
      adoptCart((await requireSdk().store.cart.transferCart(cart.id)).cart)
    } catch {
      // A cart that cannot be transferred (completed, gone): the next add starts a new one.
    }
  }, [cart, adoptCart])

  const login = useCallback(
    async (email: string, password: string) => {
      const sdk = requireSdk()
      const res = await sdk.auth.login("customer", "emailpass", { email, password })
      if (typeof res !== "string") throw new Error("Unexpected authentication response")
      setTokenState(res)
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
      await requireSdk().auth.logout()
    } catch {
      // JWT sessions have nothing to end server-side; clearing the token is what matters.
    }
    await forget()
  }, [forget])

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
