"use client"

import { useQuery } from "@tanstack/react-query"
import { useRouter } from "next/navigation"
import { useEffect } from "react"
import { isApiError } from "@/lib/merchant-api"
import { useMerchantSession } from "@/lib/merchant-session"

/**
 * A react-query query against `/merchant/*` with the session's token. A 401 means the
 * token expired or was revoked: the session is dropped and the user sent to sign in.
 */
export function useMerchantQuery<T>(name: string, fn: (token: string) => Promise<T>, enabled = true) {
  const { token, signOut } = useMerchantSession()
  const router = useRouter()
  const query = useQuery({
    queryKey: ["merchant", token, name],
    enabled: !!token && enabled,
    retry: (n, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && n < 2,
    queryFn: () => fn(token!),
  })
  const unauthorized = isApiError(query.error) && query.error.status === 401
  useEffect(() => {
    if (unauthorized) {
      signOut()
      router.replace("/merchant/login?expired=1")
    }
  }, [unauthorized, signOut, router])
  return query
}
