"use client"

import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { ProductGrid, ProductResults } from "@/components/ProductResults"
import { useI18n } from "@/lib/i18n-context"
import { KINDS, listProducts, PRODUCT_FIELDS, type Kind, type Product } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

type Tab = Kind | "ALL"
const TABS: Tab[] = ["ALL", ...KINDS]

/** Groups products by kind, in KINDS order; products without a known kind go last. */
function groupByKind(products: Product[]): { kind: Kind | null; items: Product[] }[] {
  const groups = [...KINDS, null].map((kind) => ({
    kind,
    items: products.filter((p) =>
      kind ? p.kind === kind : !(KINDS as readonly (string | null | undefined)[]).includes(p.kind)
    ),
  }))
  return groups.filter((g) => g.items.length > 0)
}

export default function HomePage() {
  const { t } = useI18n()
  const { region, regionsError } = useStore()
  const [tab, setTab] = useState<Tab>("ALL")

  const products = useQuery({
    queryKey: ["products", region?.id, tab],
    enabled: !!region,
    queryFn: () =>
      listProducts({
        region_id: region!.id,
        fields: PRODUCT_FIELDS,
        limit: 100,
        ...(tab === "ALL" ? {} : { kind: tab }),
      }),
  })

  return (
    <>
      <h1>{t("home.heading")}</h1>
      <div className="tabs" role="tablist">
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? "tab active" : "tab"}
            data-testid={`kind-tab-${k}`}
            onClick={() => setTab(k)}
          >
            {t(`kind.${k}`)}
          </button>
        ))}
      </div>

      <ProductResults regionsError={regionsError} query={products} emptyText={t("home.empty")}>
        {(items) =>
          groupByKind(items).map((g) => (
            <section key={g.kind ?? "OTHER"} className="kind-section" data-testid={`kind-section-${g.kind ?? "OTHER"}`}>
              <h2>{t(g.kind ? `kind.${g.kind}` : "kind.OTHER")}</h2>
              <ProductGrid products={g.items} />
            </section>
          ))
        }
      </ProductResults>
    </>
  )
}
