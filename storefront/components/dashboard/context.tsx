"use client"

import { createContext, useContext } from "react"
import type { Merchant, MerchantUser } from "@/lib/merchant-api"

/** The dashboard's sections; the server says which of them the signed-in role may use. */
export const SECTIONS = ["home", "products", "orders", "bookings", "shipping", "money", "team", "settings"] as const
export type Section = (typeof SECTIONS)[number]

export type DashboardSession = {
  token: string
  merchant: Merchant
  merchantUser: MerchantUser
  /** Sections the role may open (GET /merchant/me `sections`, from the server's role table). */
  sections: readonly Section[]
}

const DashboardContext = createContext<DashboardSession | null>(null)
export const DashboardProvider = DashboardContext.Provider

/** The signed-in merchant, its user and role: only inside the dashboard's layout. */
export function useDashboard(): DashboardSession {
  const ctx = useContext(DashboardContext)
  if (!ctx) throw new Error("useDashboard outside the dashboard layout")
  return ctx
}
