import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { listMerchants, merchantKeys } from "../lib/merchants"

const QUERY = { limit: 100, offset: 0 }

/** A merchant's display name (linking to its page), from one cached list of up to 100 merchants; the id otherwise. */
export function MerchantName({ id }: { id: string | null | undefined }) {
  const { data } = useQuery({ queryKey: merchantKeys.list(QUERY), queryFn: () => listMerchants(QUERY), staleTime: 60_000 })
  if (!id) return <>—</>
  const m = data?.merchants.find((x) => x.id === id)
  return (
    <Link to={`/merchants/${id}`} className="text-ui-fg-interactive" title={id}>
      {m?.display_name ?? id}
    </Link>
  )
}
