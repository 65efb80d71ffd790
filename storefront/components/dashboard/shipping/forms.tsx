"use client"

import { Button, Input, Label, Text } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { ErrorNotice } from "@/components/dashboard/parts"
import { shippingApi, type MerchantShipping, type ShippingOption, type ShippingPrice, type ShippingZone } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { currencyExponent, minorToMajorString } from "@/lib/money"
import { priceTextToMinor, useGeoWords, zoneCurrencies } from "./words"

/** A change to the shop's delivery: afterwards the page and Home's checklist read it again. */
export function useShippingMutation<A>(fn: (token: string, arg: A) => Promise<unknown>, onSuccess?: () => void) {
  const { token } = useDashboard()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (arg: A) => fn(token, arg),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["merchant", token, "shipping"] })
      void qc.invalidateQueries({ queryKey: ["merchant", token, "home"] })
      onSuccess?.()
    },
  })
}

/** A zone's name and countries: the platform's countries grouped by region, each in one zone of the shop. */
export function ZoneForm({ data, zone, onDone }: { data: MerchantShipping; zone?: ShippingZone; onDone: () => void }) {
  const { t } = useDashboardI18n()
  const geo = useGeoWords()
  const [name, setName] = useState(zone?.name ?? "")
  const [countries, setCountries] = useState<string[]>(zone?.countries ?? [])
  const save = useShippingMutation(
    (token, body: { name: string; countries: string[] }) => (zone ? shippingApi.updateZone(token, zone.id, body) : shippingApi.createZone(token, body)),
    onDone
  )
  const elsewhere = new Map<string, string>()
  for (const z of data.zones) if (z.id !== zone?.id) for (const c of z.countries) elsewhere.set(c, z.name)
  // A region is named in the viewer's words by what its buyers pay in (its name is the platform's data, in English).
  const regions = new Map<string, { currency: string; countries: string[] }>()
  for (const m of data.markets.countries) {
    const r = regions.get(m.region_id) ?? { currency: m.currency_code, countries: [] }
    r.countries.push(m.country_code)
    regions.set(m.region_id, r)
  }
  const toggle = (c: string) => { save.reset(); setCountries(countries.includes(c) ? countries.filter((x) => x !== c) : [...countries, c]) }
  const ready = name.trim().length > 0 && countries.length > 0
  return (
    <form className="flex flex-col gap-4" data-testid="ship-zone-form"
      onSubmit={(e) => { e.preventDefault(); if (ready) save.mutate({ name: name.trim(), countries }) }}>
      <div className="flex flex-col gap-1">
        <Label htmlFor="ship-zone-name" size="small" weight="plus">{t("ship.zoneName")}</Label>
        <Input id="ship-zone-name" size="small" value={name} maxLength={100} dir="auto" data-testid="ship-zone-name"
          onChange={(e) => { save.reset(); setName(e.target.value) }} />
        <Text size="xsmall" className="text-ui-fg-muted">{t("ship.zoneNameHint")}</Text>
      </div>
      <fieldset className="m-0 flex min-w-0 flex-col gap-2 border-0 p-0">
        <legend className="txt-compact-small-plus mb-1 p-0">{t("ship.countries")}</legend>
        <Text size="xsmall" className="text-ui-fg-muted">{t("ship.countriesHint")}</Text>
        {regions.size === 0 && <Text size="small" className="text-ui-fg-muted">{t("ship.noCountries")}</Text>}
        {[...regions.entries()].map(([id, r]) => (
          <div key={id} className="flex flex-col gap-1" data-testid="ship-zone-region">
            <Text size="small" weight="plus" className="text-ui-fg-subtle">{t("ship.regionPaysIn", { currency: geo.currency(r.currency) })}</Text>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {r.countries.map((c) => (
                <label key={c} className="flex items-center gap-2 txt-compact-small">
                  <input type="checkbox" checked={countries.includes(c)} disabled={elsewhere.has(c)} onChange={() => toggle(c)} data-testid={`ship-country-${c}`} />
                  <span>{geo.country(c)}</span>
                  {elsewhere.has(c) && <span className="text-ui-fg-muted">({t("ship.inOtherZone", { zone: elsewhere.get(c)! })})</span>}
                </label>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <ErrorNotice error={save.error} testId="ship-zone-error" />
      <div className="flex gap-2">
        <Button size="small" type="submit" disabled={!ready} isLoading={save.isPending} data-testid="ship-zone-save">{zone ? t("dash.save") : t("ship.create")}</Button>
        <Button size="small" type="button" variant="secondary" onClick={onDone}>{t("dash.cancel")}</Button>
      </div>
    </form>
  )
}

/** A delivery option: the name buyers see and a price in each currency the zone's buyers pay in. */
export function OptionForm({ data, zone, option, onDone }: { data: MerchantShipping; zone: ShippingZone; option?: ShippingOption; onDone: () => void }) {
  const { t } = useDashboardI18n()
  const geo = useGeoWords()
  const wanted = zoneCurrencies(zone, data.markets)
  // Prices it already has in other platform currencies stay editable (and are kept).
  const extra = (option?.prices ?? []).filter((p) => !wanted.some((w) => w.currency_code === p.currency_code)).map((p) => ({ currency_code: p.currency_code, countries: [] as string[] }))
  const currencies = [...wanted, ...extra]
  const [name, setName] = useState(option?.name ?? "")
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(currencies.map(({ currency_code: c }) => {
      const p = option?.prices.find((x) => x.currency_code === c)
      return [c, p ? minorToMajorString(p.amount, c) : ""]
    })))
  const save = useShippingMutation(
    (token, body: { name: string; prices: ShippingPrice[] }) =>
      option ? shippingApi.updateOption(token, option.id, body) : shippingApi.createOption(token, { zone_id: zone.id, ...body }),
    onDone
  )
  const parsed = currencies.map(({ currency_code: c }) => ({ currency_code: c, amount: priceTextToMinor(texts[c] ?? "", c) }))
  const invalid = parsed.filter((p) => Number.isNaN(p.amount))
  const ready = name.trim().length > 0 && !invalid.length && parsed.every((p) => p.amount !== null)
  return (
    <form className="flex flex-col gap-4" data-testid="ship-option-form"
      onSubmit={(e) => { e.preventDefault(); if (ready) save.mutate({ name: name.trim(), prices: parsed.map((p) => ({ currency_code: p.currency_code, amount: p.amount as number })) }) }}>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`ship-option-name-${zone.id}`} size="small" weight="plus">{t("ship.optionName")}</Label>
        <Input id={`ship-option-name-${zone.id}`} size="small" value={name} maxLength={200} dir="auto" data-testid="ship-option-name"
          placeholder={t("ship.optionNamePlaceholder")} onChange={(e) => { save.reset(); setName(e.target.value) }} />
        <Text size="xsmall" className="text-ui-fg-muted">{t("ship.optionNameHint")}</Text>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {currencies.map(({ currency_code: c, countries }) => {
          const bad = invalid.some((p) => p.currency_code === c)
          return (
            <div key={c} className="flex flex-col gap-1" data-testid="ship-option-price" data-currency={c}>
              <Label htmlFor={`ship-price-${zone.id}-${c}`} size="small" weight="plus">{t("ship.priceIn", { currency: geo.currency(c) })}</Label>
              <Input id={`ship-price-${zone.id}-${c}`} size="small" inputMode="decimal" dir="ltr" value={texts[c] ?? ""} aria-invalid={bad}
                placeholder={minorToMajorString(0, c)} data-testid={`ship-price-${c}`}
                onChange={(e) => { save.reset(); setTexts({ ...texts, [c]: e.target.value }) }} />
              <Text size="xsmall" className={bad ? "text-ui-fg-error" : "text-ui-fg-muted"}>
                {bad ? t("ship.priceInvalid", { decimals: currencyExponent(c) }) : t("ship.priceHint", { currency: geo.currency(c), countries: geo.countries(countries) })}
              </Text>
            </div>
          )
        })}
      </div>
      <ErrorNotice error={save.error} testId="ship-option-error" />
      <div className="flex gap-2">
        <Button size="small" type="submit" disabled={!ready} isLoading={save.isPending} data-testid="ship-option-save">{option ? t("dash.save") : t("ship.create")}</Button>
        <Button size="small" type="button" variant="secondary" onClick={onDone}>{t("dash.cancel")}</Button>
      </div>
    </form>
  )
}

/** An inline "are you sure" with what the deletion does, like the orders page's confirmations. */
export function ConfirmDelete({ words, onConfirm, onCancel, pending, error, testId }: {
  words: string; onConfirm: () => void; onCancel: () => void; pending: boolean; error: unknown; testId: string
}) {
  const { t } = useDashboardI18n()
  return (
    <div className="border-ui-border-base flex flex-col gap-3 rounded-lg border p-4" data-testid={testId}>
      <Text size="small" dir="auto">{words}</Text>
      <ErrorNotice error={error} />
      <div className="flex gap-2">
        <Button size="small" variant="danger" isLoading={pending} onClick={onConfirm} data-testid={`${testId}-submit`}>{t("dash.confirm")}</Button>
        <Button size="small" variant="secondary" onClick={onCancel}>{t("dash.cancel")}</Button>
      </div>
    </div>
  )
}
