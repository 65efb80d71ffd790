"use client"

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useRouter } from "next/navigation"
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import { LOCALE_META } from "./i18n"
import { useI18n } from "./i18n-context"
import { REGION_COOKIE, regionFor } from "./region"
import { CART_QUERY, isNotFound, requireSdk, type Cart, type Region } from "./sdk"

const REGION_KEY = "snail.region_id"
const CART_KEY = "snail.cart_id"

function writeRegionCookie(id: string) {
  document.cookie = `${REGION_COOKIE}=${encodeURIComponent(id)}; path=/; max-age=31536000; samesite=lax`
}

type StoreState = {
  /** false until localStorage has been read (client only). */
  hydrated: boolean
  regions: Region[]
  region: Region | null
  setRegionId: (id: string) => void
  regionsError: unknown
  cart: Cart | null
  cartLoading: boolean
  itemCount: number
  /** `metadata.slot_start` books a service's time slot (docs/booking.md). */
  addItem: (variantId: string, quantity: number, metadata?: Record<string, unknown>) => Promise<Cart>
  setQuantity: (lineId: string, quantity: number) => Promise<void>
  removeItem: (lineId: string) => Promise<void>
  /** Makes `c` the current cart (e.g. after transferring it to the signed-in customer). */
  adoptCart: (c: Cart) => void
  /** Forgets the current cart (after it became an order, or on sign-out). */
  clearCart: () => void
  /** Replaces the cached cart with a fresh copy from the server. */
  refreshCart: () => Promise<void>
}

const StoreContext = createContext<StoreState | null>(null)

/**
 * `initialRegions` and `initialRegionId` (the region cookie) come from the server layout, so the
 * region is known on the first render, the same one server pages priced in.
 */
export function StoreProvider({ children, initialRegions, initialRegionId }: { children: ReactNode; initialRegions?: Region[]; initialRegionId?: string | null }) {
  const { locale } = useI18n()
  const qc = useQueryClient()
  const router = useRouter()
  const [hydrated, setHydrated] = useState(false)
  const [regionId, setRegionIdState] = useState<string | null>(initialRegionId ?? null)
  const [cartId, setCartIdState] = useState<string | null>(null)

  useEffect(() => {
    // Older sessions kept the region in localStorage only: carry it into the cookie.
    const stored = localStorage.getItem(REGION_KEY)
    if (!initialRegionId && stored) {
      writeRegionCookie(stored)
      setRegionIdState(stored)
    }
    setCartIdState(localStorage.getItem(CART_KEY))
    setHydrated(true)
  }, [initialRegionId])

  // Store answers in the reader's language (Medusa's translation module reads x-medusa-locale).
  useEffect(() => {
    requireSdk().setLocale(LOCALE_META[locale].intl)
  }, [locale])

  const setCartId = useCallback((id: string | null) => {
    if (id) localStorage.setItem(CART_KEY, id)
    else localStorage.removeItem(CART_KEY)
    setCartIdState(id)
  }, [])

  const regionsQuery = useQuery({
    queryKey: ["regions"],
    queryFn: async () => (await requireSdk().store.region.list({ limit: 100 })).regions,
    initialData: initialRegions && initialRegions.length ? initialRegions : undefined,
    staleTime: 5 * 60_000,
  })
  const regions = useMemo(() => regionsQuery.data ?? [], [regionsQuery.data])

  const region = useMemo<Region | null>(() => regionFor(regions, regionId, locale), [regions, regionId, locale])

  const cartKey = ["cart", cartId] as const
  const cartQuery = useQuery({
    queryKey: cartKey,
    enabled: hydrated && !!cartId,
    retry: (n, err) => !isNotFound(err) && n < 2,
    queryFn: async () => {
      try {
        return (await requireSdk().store.cart.retrieve(cartId!, CART_QUERY)).cart
      } catch (err) {
        // A stored id for a cart that no longer exists (e.g. database reset
        // or completed cart): forget it and start fresh.
        if (isNotFound(err)) {
          setCartId(null)
          return null
        }
        throw err
      }
    },
  })
  const cart = cartQuery.data ?? null

  const putCart = useCallback(
    (c: Cart) => qc.setQueryData(["cart", c.id], c),
    [qc]
  )

  const setRegionId = useCallback(
    (id: string) => {
      localStorage.setItem(REGION_KEY, id)
      writeRegionCookie(id)
      setRegionIdState(id)
      // Server-rendered pages priced in the old region: render them again.
      router.refresh()
      // Prices in the cart follow its region, so move the cart along. Only a cart the server no
      // longer has is forgotten: a move cut short (the buyer clicked on at once, the network
      // blinked) keeps the cart and its lines, and the next add or the checkout moves it.
      if (cart && cart.region_id !== id) {
        requireSdk()
          .store.cart.update(cart.id, { region_id: id }, CART_QUERY)
          .then(({ cart: c }) => putCart(c))
          .catch((err) => { if (isNotFound(err)) setCartId(null) })
      }
    },
    [cart, putCart, setCartId, router]
  )

  const addMutation = useMutation({
    mutationFn: async ({ variantId, quantity, metadata }: { variantId: string; quantity: number; metadata?: Record<string, unknown> }) => {
      const sdk = requireSdk()
      if (!region) throw new Error("No region selected")
      // The stored id, not only the loaded cart: a server-rendered page can be clicked before the
      // cart has loaded, and a second cart must not be started then.
      let id = cart?.id ?? cartId ?? localStorage.getItem(CART_KEY)
      if (!id) {
        id = (await sdk.store.cart.create({ region_id: region.id })).cart.id
        setCartId(id)
      } else if (cart && cart.region_id !== region.id) {
        await sdk.store.cart.update(id, { region_id: region.id })
      }
      let updated: Cart
      try {
        updated = (await sdk.store.cart.createLineItem(id, { variant_id: variantId, quantity, ...(metadata ? { metadata } : {}) }, CART_QUERY)).cart
      } catch (err) {
        if (!isNotFound(err) || cart) throw err
        // The stored cart no longer exists (completed or removed): start a new one.
        id = (await sdk.store.cart.create({ region_id: region.id })).cart.id
        setCartId(id)
        updated = (await sdk.store.cart.createLineItem(id, { variant_id: variantId, quantity, ...(metadata ? { metadata } : {}) }, CART_QUERY)).cart
      }
      if (updated.region_id !== region.id) updated = (await sdk.store.cart.update(updated.id, { region_id: region.id }, CART_QUERY)).cart
      return updated
    },
    onSuccess: putCart,
  })

  const removeMutation = useMutation({
    mutationFn: async (lineId: string) => {
      if (!cart) throw new Error("No cart")
      const res = await requireSdk().store.cart.deleteLineItem(cart.id, lineId, CART_QUERY)
      return res.parent as Cart | undefined
    },
    onSuccess: (c) => (c ? putCart(c) : qc.invalidateQueries({ queryKey: ["cart"] })),
  })

  const quantityMutation = useMutation({
    mutationFn: async ({ lineId, quantity }: { lineId: string; quantity: number }) => {
      if (!cart) throw new Error("No cart")
      return (await requireSdk().store.cart.updateLineItem(cart.id, lineId, { quantity }, CART_QUERY)).cart
    },
    onSuccess: putCart,
  })

  const adoptCart = useCallback(
    (c: Cart) => {
      putCart(c)
      setCartId(c.id)
    },
    [putCart, setCartId]
  )
  const clearCart = useCallback(() => {
    if (cartId) qc.removeQueries({ queryKey: ["cart", cartId] })
    setCartId(null)
  }, [qc, cartId, setCartId])
  const refreshCart = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: ["cart"] })
  }, [qc])

  const itemCount = (cart?.items ?? []).reduce((n, i) => n + i.quantity, 0)

  const value: StoreState = {
    hydrated,
    regions,
    region,
    setRegionId,
    regionsError: regionsQuery.error,
    cart,
    cartLoading: !hydrated || (!!cartId && cartQuery.isPending),
    itemCount,
    addItem: (variantId, quantity, metadata) => addMutation.mutateAsync({ variantId, quantity, metadata }),
    setQuantity: async (lineId, quantity) => {
      await quantityMutation.mutateAsync({ lineId, quantity })
    },
    removeItem: async (lineId) => {
      await removeMutation.mutateAsync(lineId)
    },
    adoptCart,
    clearCart,
    refreshCart,
  }
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>
}

export function useStore(): StoreState {
  const ctx = useContext(StoreContext)
  if (!ctx) throw new Error("useStore outside StoreProvider")
  return ctx
}
