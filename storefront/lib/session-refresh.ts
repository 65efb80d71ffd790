"use client"

import { useEffect } from "react"
import { BACKEND_URL } from "./sdk"

/**
 * Keeps a person signed in past the 15-minute access token (docs/security.md "Sessions"): the
 * refresh token issued with each sign-in is kept per actor, and a minute before the access token
 * expires (or at once when the page opens on an expired one) it is exchanged for a new pair.
 * Refresh tokens rotate and a spent one presented again signs the person out everywhere, so tabs
 * refresh one at a time (Web Locks) and each re-reads the token the previous tab left.
 */
export type SessionActor = "customer" | "merchant"
export type IssuedSession = { token: string; refresh_token?: string; expires_in?: number }

const refreshKey = (actor: SessionActor) => `snail.refresh_token.${actor}`
const accessKey: Record<SessionActor, string> = { customer: "medusa_auth_token", merchant: "snail.merchant_token" }

export function keepRefreshToken(actor: SessionActor, issued: IssuedSession) {
  if (issued.refresh_token) localStorage.setItem(refreshKey(actor), issued.refresh_token)
}

export function dropRefreshToken(actor: SessionActor) {
  localStorage.removeItem(refreshKey(actor))
}

async function oneTabAtATime<T>(actor: SessionActor, job: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== "undefined" ? (navigator as any).locks : undefined
  return locks?.request ? locks.request(`snail-refresh-${actor}`, job) : job()
}

/** A fresh access token, or null when the session cannot be renewed (then the person signs in again). */
export async function refreshAccessToken(actor: SessionActor, staleToken: string | null): Promise<string | null> {
  return oneTabAtATime(actor, async () => {
    // Another tab may have refreshed while this one waited: its token is the one to use.
    const current = localStorage.getItem(accessKey[actor])
    if (current && current !== staleToken && secondsLeft(current) > 60) return current
    const refreshToken = localStorage.getItem(refreshKey(actor))
    if (!refreshToken) return null
    let res: Response
    try {
      res = await fetch(`${BACKEND_URL}/auth/token/refresh`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refresh_token: refreshToken }),
      })
    } catch {
      return staleToken && secondsLeft(staleToken) > 0 ? staleToken : null // offline: keep what still works
    }
    if (!res.ok) {
      dropRefreshToken(actor)
      return null
    }
    const issued = (await res.json()) as IssuedSession
    keepRefreshToken(actor, issued)
    localStorage.setItem(accessKey[actor], issued.token)
    return issued.token
  })
}

/** Seconds until a JWT's `exp` (read without verifying: only to time the refresh). */
export function secondsLeft(token: string): number {
  try {
    const payload = JSON.parse(atob((token.split(".")[1] ?? "").replace(/-/g, "+").replace(/_/g, "/")))
    return typeof payload.exp === "number" ? payload.exp - Date.now() / 1000 : Infinity
  } catch {
    return Infinity
  }
}

/** While `token` is set, renews it a minute before it expires and hands the new one (or null) back. */
export function useSessionRefresh(actor: SessionActor, token: string | null, onRenewed: (token: string | null) => void) {
  useEffect(() => {
    if (!token || !localStorage.getItem(refreshKey(actor))) return
    const left = secondsLeft(token)
    if (!Number.isFinite(left)) return
    const timer = setTimeout(async () => onRenewed(await refreshAccessToken(actor, token)), Math.max(0, (left - 60) * 1000))
    return () => clearTimeout(timer)
  }, [actor, token, onRenewed])
}
