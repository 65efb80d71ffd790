"use client"

import Form from "next/form"
import { usePathname, useRouter, useSearchParams } from "next/navigation"
import { useEffect, useId, useRef, useState } from "react"
import { useI18n } from "@/lib/i18n-context"
import { localePath } from "@/lib/locale-path"
import { requireSdk } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

type Suggestion = { text: string; product_id: string }

/**
 * Header search: a GET form to /{locale}/search (works without JavaScript) with suggestions from
 * GET /store/search/suggest while typing (ARIA combobox: arrows move, Enter picks, Escape closes).
 */
export function SearchBox() {
  const { t, locale } = useI18n()
  const { region } = useStore()
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const onSearchPage = pathname.endsWith("/search")
  const [q, setQ] = useState(onSearchPage ? params.get("q") ?? "" : "")
  const [items, setItems] = useState<Suggestion[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const listId = useId()
  const typed = useRef(false)

  useEffect(() => {
    if (onSearchPage) setQ(params.get("q") ?? "")
  }, [onSearchPage, params])

  useEffect(() => {
    const text = q.trim()
    if (!typed.current || text.length < 2) {
      setItems([])
      return
    }
    const ctrl = new AbortController()
    // Debounced: one request per pause in typing, the previous one cancelled.
    const timer = setTimeout(async () => {
      try {
        const res = await requireSdk().client.fetch<{ suggestions: Suggestion[] }>("/store/search/suggest", {
          query: { q: text, limit: 6, ...(region ? { region_id: region.id } : {}) },
          signal: ctrl.signal,
        })
        setItems(res.suggestions)
        setActive(-1)
        setOpen(true)
      } catch {
        // Suggestions are a convenience: a failure leaves plain search working.
        setItems([])
      }
    }, 200)
    return () => {
      clearTimeout(timer)
      ctrl.abort()
    }
  }, [q, region])

  const go = (text: string) => {
    setOpen(false)
    router.push(`${localePath(locale, "/search")}?q=${encodeURIComponent(text)}`)
  }

  return (
    <Form action={localePath(locale, "/search")} className="search-box" role="search" data-testid="search-box" onSubmit={() => setOpen(false)}>
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t("search.label")}
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        value={q}
        placeholder={t("search.placeholder")}
        autoComplete="off"
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        data-testid="search-input"
        onChange={(e) => {
          typed.current = true
          setQ(e.target.value)
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && items.length) {
            e.preventDefault()
            setOpen(true)
            setActive((a) => (a + 1) % items.length)
          } else if (e.key === "ArrowUp" && items.length) {
            e.preventDefault()
            setActive((a) => (a <= 0 ? items.length - 1 : a - 1))
          } else if (e.key === "Escape") {
            setOpen(false)
          } else if (e.key === "Enter" && open && active >= 0 && items[active]) {
            e.preventDefault()
            setQ(items[active].text)
            go(items[active].text)
          }
        }}
      />
      <button type="submit" className="button" data-testid="search-submit">
        {t("search.submit")}
      </button>
      {open && items.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t("search.suggestions")} className="suggestions" data-testid="search-suggestions">
          {items.map((s, i) => (
            <li
              key={`${s.product_id}-${i}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              data-testid="search-suggestion"
              dir="auto"
              onMouseDown={(e) => {
                e.preventDefault()
                setQ(s.text)
                go(s.text)
              }}
            >
              {s.text}
            </li>
          ))}
        </ul>
      )}
    </Form>
  )
}
