"use client"

import { Badge, Button, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useDashboard } from "@/components/dashboard/context"
import { Card, ErrorNotice, Loading, PageHeader, withData } from "@/components/dashboard/parts"
import { ConfirmDelete, OptionForm, useShippingMutation, ZoneForm } from "@/components/dashboard/shipping/forms"
import { useGeoWords } from "@/components/dashboard/shipping/words"
import { useMerchantQuery } from "@/components/merchant/use-merchant-query"
import { shippingApi, type MerchantShipping, type ShippingOption, type ShippingZone } from "@/lib/dashboard/api"
import { useDashboardI18n } from "@/lib/dashboard/i18n"
import { formatMinor } from "@/lib/money"

/** Who may change delivery (the server's role table says the same; fulfilment reads it). */
const canEditShipping = (role: string) => role === "OWNER" || role === "MANAGER"

function OptionRow({ data, zone, option, editable }: { data: MerchantShipping; zone: ShippingZone; option: ShippingOption; editable: boolean }) {
  const { t, intlLocale } = useDashboardI18n()
  const geo = useGeoWords()
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view")
  const remove = useShippingMutation((token, id: string) => shippingApi.deleteOption(token, id))
  if (mode === "edit") {
    return (
      <Table.Row><td colSpan={3} className="px-6"><div className="py-3"><OptionForm data={data} zone={zone} option={option} onDone={() => setMode("view")} /></div></td></Table.Row>
    )
  }
  return (
    <>
      <Table.Row data-testid="ship-option" data-option-id={option.id}>
        <Table.Cell>
          <Text size="small" dir="auto">{option.name}</Text>
          {!option.enabled_in_store && <Badge size="2xsmall" color="grey">{t("ship.hidden")}</Badge>}
          {option.missing_currencies.length > 0 && (
            <Text size="xsmall" className="text-ui-tag-orange-text" data-testid="ship-option-missing">
              {t("ship.missingPrice", { currencies: option.missing_currencies.map(geo.currency).join(", ") })}
            </Text>
          )}
        </Table.Cell>
        <Table.Cell>
          <div className="flex flex-col" data-testid="ship-option-prices">
            {option.prices.map((p) => (
              <Text key={p.currency_code} size="small" data-currency={p.currency_code} data-amount={p.amount}>
                {p.amount === 0 ? `${t("ship.free")} (${geo.currency(p.currency_code)})` : formatMinor(p.amount, p.currency_code, intlLocale)}
              </Text>
            ))}
          </div>
        </Table.Cell>
        <Table.Cell className="text-end">
          {editable && (
            <div className="flex justify-end gap-2">
              <Button size="small" variant="transparent" onClick={() => setMode("edit")} data-testid="ship-option-edit">{t("ship.editOption")}</Button>
              <Button size="small" variant="transparent" onClick={() => setMode("delete")} data-testid="ship-option-delete">{t("ship.deleteOption")}</Button>
            </div>
          )}
        </Table.Cell>
      </Table.Row>
      {mode === "delete" && (
        <Table.Row>
          <td colSpan={3} className="px-6">
            <div className="py-2">
              <ConfirmDelete words={t("ship.confirmDeleteOption", { name: option.name })} pending={remove.isPending} error={remove.error} testId="ship-option-confirm"
                onConfirm={() => remove.mutate(option.id)} onCancel={() => { remove.reset(); setMode("view") }} />
            </div>
          </td>
        </Table.Row>
      )}
    </>
  )
}

function ZoneCard({ data, zone, editable }: { data: MerchantShipping; zone: ShippingZone; editable: boolean }) {
  const { t } = useDashboardI18n()
  const geo = useGeoWords()
  const [mode, setMode] = useState<"view" | "edit" | "delete" | "add-option">("view")
  const remove = useShippingMutation((token, id: string) => shippingApi.deleteZone(token, id))
  const actions = editable && mode === "view" ? (
    <div className="flex gap-2">
      <Button size="small" variant="secondary" onClick={() => setMode("edit")} data-testid="ship-zone-edit">{t("ship.editZone")}</Button>
      <Button size="small" variant="secondary" onClick={() => setMode("delete")} data-testid="ship-zone-delete">{t("ship.deleteZone")}</Button>
    </div>
  ) : undefined
  return (
    <Card title={zone.name} actions={actions} testId="ship-zone">
      <div className="flex flex-col gap-4" data-zone-id={zone.id}>
        {mode === "edit" ? <ZoneForm data={data} zone={zone} onDone={() => setMode("view")} /> : (
          <div className="flex flex-wrap items-center gap-1" data-testid="ship-zone-countries" aria-label={t("ship.zoneCountries", { countries: geo.countries(zone.countries) })}>
            {zone.countries.map((c) => <Badge key={c} size="2xsmall" data-country={c}>{geo.country(c)}</Badge>)}
          </div>
        )}
        {mode === "delete" && (
          <ConfirmDelete words={t("ship.confirmDeleteZone", { name: zone.name })} pending={remove.isPending} error={remove.error} testId="ship-zone-confirm"
            onConfirm={() => remove.mutate(zone.id)} onCancel={() => { remove.reset(); setMode("view") }} />
        )}
        <div className="flex flex-col gap-2">
          <Text size="small" weight="plus">{t("ship.options")}</Text>
          {zone.options.length === 0 ? (
            <Text size="small" className="text-ui-tag-orange-text" data-testid="ship-zone-no-options">{t("ship.noOptions")}</Text>
          ) : (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>{t("ship.optionName")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("ship.price")}</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {zone.options.map((o) => <OptionRow key={o.id} data={data} zone={zone} option={o} editable={editable} />)}
              </Table.Body>
            </Table>
          )}
          {editable && (mode === "add-option"
            ? <div className="border-ui-border-base rounded-lg border p-4"><OptionForm data={data} zone={zone} onDone={() => setMode("view")} /></div>
            : <div><Button size="small" variant="secondary" onClick={() => setMode("add-option")} data-testid="ship-option-add">{t("ship.addOption")}</Button></div>)}
        </div>
      </div>
    </Card>
  )
}

/** Delivery: the shop's zones (the countries it sends to) and, in each, the options buyers choose and pay for. */
export default function ShippingPage() {
  const { t } = useDashboardI18n()
  const { merchantUser } = useDashboard()
  const editable = canEditShipping(merchantUser.role)
  const shipping = useMerchantQuery("shipping", shippingApi.get)
  const [adding, setAdding] = useState(false)
  const data = shipping.data
  return (
    <div className="flex flex-col gap-4" data-testid="dash-shipping">
      <PageHeader
        title={t("ship.heading")}
        subtitle={data?.location ? withData(t("ship.subtitle", { location: "{location}" }), "location", data.location.name) : t("ship.subtitleNoLocation")}
        actions={editable && data && !adding ? <Button size="small" onClick={() => setAdding(true)} data-testid="ship-zone-add">{t("ship.addZone")}</Button> : undefined}
      />
      {!editable && <Text size="small" className="text-ui-fg-subtle">{t("ship.readOnly")}</Text>}
      {shipping.error ? <ErrorNotice error={shipping.error} /> : !data ? <Loading /> : (
        <>
          {adding && <Card title={t("ship.addZone")} testId="ship-zone-new"><ZoneForm data={data} onDone={() => setAdding(false)} /></Card>}
          {data.zones.length === 0 && !adding && (
            <Card testId="ship-empty"><Text size="small" className="text-ui-fg-subtle">{t("ship.empty")}</Text></Card>
          )}
          {data.zones.map((z) => <ZoneCard key={z.id} data={data} zone={z} editable={editable} />)}
        </>
      )}
    </div>
  )
}
