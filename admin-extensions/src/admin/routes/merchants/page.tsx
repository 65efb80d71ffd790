import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Container, Heading, Input, StatusBadge, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useEffect, useRef, useState } from "react"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { errorText, KYC_STATUSES, listMerchants, merchantKeys, STATUS_COLOR } from "../../lib/merchants"

const PAGE_SIZE = 20

// Platform-admin list of merchants: KYC status filter, search (q), pagination.
// Filter state lives in the URL (?kyc_status=&q=&offset=) so the page is linkable.
const MerchantsPage = () => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const paramsRef = useRef(params)
  paramsRef.current = params
  const kycStatus = params.get("kyc_status") ?? ""
  const q = params.get("q") ?? ""
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0)

  const update = (patch: Record<string, string | number | undefined>) => {
    // Built from the latest params (ref), so the debounced search never writes back a stale filter.
    const next = new URLSearchParams(paramsRef.current)
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === "" || (k === "offset" && v === 0)) next.delete(k)
      else next.set(k, String(v))
    }
    paramsRef.current = next
    setParams(next, { replace: true })
  }

  // Debounced search box.
  const [search, setSearch] = useState(q)
  const writtenQ = useRef(q)
  useEffect(() => {
    // Follow q only when it changed from outside (back/forward, link), not from our own typing.
    if (q !== writtenQ.current) {
      writtenQ.current = q
      setSearch(q)
    }
  }, [q])
  useEffect(() => {
    if (search.trim() === q) return
    const t = setTimeout(() => {
      writtenQ.current = search.trim()
      update({ q: search.trim() || undefined, offset: 0 })
    }, 300)
    return () => clearTimeout(t)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search])

  const query = { kyc_status: kycStatus || undefined, q: q || undefined, limit: PAGE_SIZE, offset }
  const { data, isLoading, isFetching, error } = useQuery({
    queryKey: merchantKeys.list(query),
    queryFn: () => listMerchants(query),
    placeholderData: keepPreviousData,
  })

  const merchants = data?.merchants ?? []
  const count = data?.count ?? 0
  const pageIndex = Math.floor(offset / PAGE_SIZE)
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Merchants</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Sellers on the marketplace and their KYC status
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <select
            data-testid="merchant-status-filter"
            aria-label="KYC status"
            value={kycStatus}
            onChange={(e) => update({ kyc_status: e.target.value || undefined, offset: 0 })}
            className="bg-ui-bg-field shadow-borders-base txt-compact-small text-ui-fg-base h-8 rounded-md px-2 outline-none focus-visible:shadow-borders-interactive-with-active"
          >
            <option value="">All statuses</option>
            {KYC_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <Input
            data-testid="merchant-search"
            type="search"
            size="small"
            placeholder="Search merchants"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
      </div>

      {error ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-error" data-testid="merchants-error">
            Could not load merchants: {errorText(error)}
          </Text>
        </div>
      ) : (
        <div className={isFetching && !isLoading ? "opacity-60" : undefined}>
          <Table data-testid="merchants-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Merchant</Table.HeaderCell>
                <Table.HeaderCell>Handle</Table.HeaderCell>
                <Table.HeaderCell>Legal name</Table.HeaderCell>
                <Table.HeaderCell>Country</Table.HeaderCell>
                <Table.HeaderCell>Contact</Table.HeaderCell>
                <Table.HeaderCell>KYC status</Table.HeaderCell>
                <Table.HeaderCell>Created</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {merchants.map((m) => (
                  <Table.Row
                    key={m.id}
                    data-testid={`merchant-row-${m.handle}`}
                    className="cursor-pointer"
                    onClick={() => navigate(`/merchants/${m.id}`)}
                  >
                    <Table.Cell>
                      <Link
                        to={`/merchants/${m.id}`}
                        className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                        onClick={(e) => e.stopPropagation()}
                      >
                        {m.display_name}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{m.handle}</Table.Cell>
                    <Table.Cell>{m.legal_name}</Table.Cell>
                    <Table.Cell>{m.country_code?.toUpperCase()}</Table.Cell>
                    <Table.Cell>{m.contact_email}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={STATUS_COLOR[m.kyc_status] ?? "grey"} data-testid={`kyc-badge-${m.handle}`}>
                        {m.kyc_status}
                      </StatusBadge>
                    </Table.Cell>
                    <Table.Cell>{m.created_at ? new Date(m.created_at).toLocaleDateString() : "—"}</Table.Cell>
                  </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {isLoading ? (
            <div className="px-6 py-4">
              <Text size="small">Loading…</Text>
            </div>
          ) : merchants.length === 0 ? (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle" data-testid="merchants-empty">
                No merchants found
              </Text>
            </div>
          ) : null}
          <Table.Pagination
            data-testid="merchants-pagination"
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={offset > 0}
            canNextPage={offset + PAGE_SIZE < count}
            previousPage={() => update({ offset: Math.max(0, offset - PAGE_SIZE) })}
            nextPage={() => update({ offset: offset + PAGE_SIZE })}
          />
        </div>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Merchants", icon: BuildingStorefront })

export const handle = { breadcrumb: () => "Merchants" }

export default MerchantsPage
