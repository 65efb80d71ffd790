"use client"

import { useQuery } from "@tanstack/react-query"
import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react"
import { useHydrated } from "@/components/merchant/ui"
import { OrderTotals } from "@/components/orders/OrderTotals"
import { ErrorMessage, Loading } from "@/components/Status"
import { useCustomer } from "@/lib/customer-session"
import { describeError } from "@/lib/errors"
import { useI18n } from "@/lib/i18n-context"
import { localePath } from "@/lib/locale-path"
import { formatMinor, formatMoney, lineMoney, summarize } from "@/lib/money"
import { newIdempotencyKey, statusOf } from "@/lib/orders"
import { challengeUrl, paymentErrorKey, readPaymentFailure, SANDBOX_PROVIDER_ID, SANDBOX_SUCCESS_CARD } from "@/lib/payment"
import { CART_QUERY, requireSdk, type Cart } from "@/lib/sdk"
import { useStore } from "@/lib/store-context"

type Address = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
  phone: string
}

const EMPTY_ADDRESS: Address = { first_name: "", last_name: "", address_1: "", city: "", postal_code: "", country_code: "", phone: "" }


export default function CheckoutPage() {
  const { t, intlLocale, locale } = useI18n()
  const router = useRouter()
  const hydrated = useHydrated()
  const { cart, cartLoading, regions, adoptCart, clearCart } = useStore()
  const { token, customer } = useCustomer()

  const region = regions.find((r) => r.id === cart?.region_id) ?? null
  const countries = useMemo(() => {
    const names = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([intlLocale], { type: "region" }) : null
    return (region?.countries ?? [])
      .map((c) => ({ code: (c.iso_2 ?? "").toLowerCase(), name: names?.of((c.iso_2 ?? "").toUpperCase()) ?? c.display_name ?? c.iso_2 ?? "" }))
      .filter((c) => c.code)
      .sort((a, b) => a.name.localeCompare(b.name, intlLocale))
  }, [region, intlLocale])

  // ── contact and address ────────────────────────────────────────────────
  const [email, setEmail] = useState("")
  const [address, setAddress] = useState<Address>(EMPTY_ADDRESS)
  const [addressBusy, setAddressBusy] = useState(false)
  const [addressError, setAddressError] = useState<unknown>(null)
  const prefilled = useRef(false)
  useEffect(() => {
    if (prefilled.current || !cart) return
    prefilled.current = true
    const a = cart.shipping_address
    setEmail(cart.email ?? customer?.email ?? "")
    setAddress({
      first_name: a?.first_name ?? customer?.first_name ?? "",
      last_name: a?.last_name ?? customer?.last_name ?? "",
      address_1: a?.address_1 ?? "",
      city: a?.city ?? "",
      postal_code: a?.postal_code ?? "",
      country_code: a?.country_code ?? "",
      phone: a?.phone ?? "",
    })
  }, [cart, customer])
  useEffect(() => {
    if (!email && customer?.email) setEmail(customer.email)
  }, [customer, email])
  // The country must be one of the cart region's countries.
  useEffect(() => {
    if (countries.length && !countries.some((c) => c.code === address.country_code)) {
      setAddress((a) => ({ ...a, country_code: countries[0].code }))
    }
  }, [countries, address.country_code])

  // Only goods are delivered: a cart of courses and services asks for no street address, only the
  // buyer's name and country (the country decides the tax, Medusa reads it from the address).
  const needsShipping = (cart?.items ?? []).some((i) => i.requires_shipping)
  const addressSaved = !!(cart?.email && cart.shipping_address?.country_code && (!needsShipping || cart.shipping_address.address_1))

  async function saveAddress(e: FormEvent) {
    e.preventDefault()
    if (!cart) return
    setAddressBusy(true)
    setAddressError(null)
    try {
      const body = needsShipping
        ? { ...address, phone: address.phone || undefined }
        : { first_name: address.first_name, last_name: address.last_name, country_code: address.country_code, phone: address.phone || undefined }
      const res = await requireSdk().store.cart.update(
        cart.id,
        // The shopping language travels on the cart to the order: its e-mails are written in it (issue 19).
        { email: email.trim(), shipping_address: body, billing_address: body, metadata: { ...(cart.metadata ?? {}), locale } },
        CART_QUERY
      )
      adoptCart(res.cart)
      // The form shows what the cart now holds (the server may normalise what was typed).
      const saved = res.cart.shipping_address
      if (res.cart.email) setEmail(res.cart.email)
      if (saved?.country_code) setAddress((a) => ({ ...a, country_code: saved.country_code ?? a.country_code }))
    } catch (err) {
      setAddressError(err)
    } finally {
      setAddressBusy(false)
    }
  }

  // ── delivery ───────────────────────────────────────────────────────────
  const items = cart?.items ?? []
  const shippingOptions = useQuery({
    queryKey: ["shipping-options", cart?.id, cart?.shipping_address?.country_code, items.length],
    enabled: !!cart && needsShipping && addressSaved,
    queryFn: async () => (await requireSdk().store.fulfillment.listCartOptions({ cart_id: cart!.id })).shipping_options,
  })
  const selectedOptionId = cart?.shipping_methods?.[0]?.shipping_option_id ?? null
  const [shippingBusy, setShippingBusy] = useState(false)
  const [shippingError, setShippingError] = useState<unknown>(null)
  async function chooseShipping(optionId: string) {
    if (!cart) return
    setShippingBusy(true)
    setShippingError(null)
    try {
      adoptCart((await requireSdk().store.cart.addShippingMethod(cart.id, { option_id: optionId }, CART_QUERY)).cart)
    } catch (err) {
      setShippingError(err)
    } finally {
      setShippingBusy(false)
    }
  }

  // ── promo codes ────────────────────────────────────────────────────────
  const appliedCodes = (cart?.promotions ?? []).map((p) => p.code).filter((c): c is string => !!c)
  const [promoInput, setPromoInput] = useState("")
  const [promoBusy, setPromoBusy] = useState(false)
  const [promoError, setPromoError] = useState<string | null>(null)
  async function setCodes(codes: string[]): Promise<Cart | null> {
    if (!cart) return null
    const res = await requireSdk().store.cart.update(cart.id, { promo_codes: codes }, CART_QUERY)
    adoptCart(res.cart)
    return res.cart
  }
  async function applyPromo(e: FormEvent) {
    e.preventDefault()
    const code = promoInput.trim()
    if (!code) return
    setPromoBusy(true)
    setPromoError(null)
    try {
      const updated = await setCodes([...appliedCodes.filter((c) => c !== code), code])
      const ok = (updated?.promotions ?? []).some((p) => p.code?.toLowerCase() === code.toLowerCase())
      if (ok) setPromoInput("")
      else setPromoError(t("checkout.promoInvalid", { code }))
    } catch {
      setPromoError(t("checkout.promoInvalid", { code }))
    } finally {
      setPromoBusy(false)
    }
  }
  async function removePromo(code: string) {
    setPromoBusy(true)
    setPromoError(null)
    try {
      await setCodes(appliedCodes.filter((c) => c !== code))
    } catch (err) {
      setPromoError(describeError(locale, err))
    } finally {
      setPromoBusy(false)
    }
  }

  // ── payment ────────────────────────────────────────────────────────────
  const providers = useQuery({
    queryKey: ["payment-providers", cart?.region_id],
    enabled: !!cart?.region_id,
    queryFn: async () => (await requireSdk().store.payment.listPaymentProviders({ region_id: cart!.region_id! })).payment_providers,
  })
  const sandboxAvailable = (providers.data ?? []).some((p) => p.id === SANDBOX_PROVIDER_ID)
  const [cardNumber, setCardNumber] = useState(SANDBOX_SUCCESS_CARD)
  const [placing, setPlacing] = useState(false)
  const [placeError, setPlaceError] = useState<string | null>(null)
  // One key per checkout attempt: a retry of the same attempt (double click, network error)
  // reuses it, so the server returns the first result instead of placing a second order.
  const attemptKey = useRef<string | null>(null)

  const shippingReady = !needsShipping || !!selectedOptionId
  const canPlace = !!cart && items.length > 0 && addressSaved && shippingReady && sandboxAvailable && !placing

  // Back from the card processor's challenge page (3-D Secure): a confirmed payment completes the
  // same cart (the processor's webhook may have completed it already: Medusa then answers the order).
  const challengeHandled = useRef(false)
  useEffect(() => {
    if (challengeHandled.current || !cart || cartLoading) return
    const search = new URLSearchParams(window.location.search)
    const outcome = search.get("authentication")
    if (!outcome) return
    challengeHandled.current = true
    window.history.replaceState(null, "", window.location.pathname)
    if (outcome === "succeeded") void completeCart(cart.id, false)
    else setPlaceError(t("payment.error.authentication_failed"))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cart, cartLoading])

  async function placeOrder(e: FormEvent) {
    e.preventDefault()
    if (!cart || placing) return
    if (!addressSaved) return setPlaceError(t("checkout.needAddress"))
    if (!shippingReady) return setPlaceError(t("checkout.needShipping"))
    await completeCart(cart.id, true)
  }

  async function completeCart(cartId: string, startPayment: boolean) {
    setPlacing(true)
    setPlaceError(null)
    const sdk = requireSdk()
    attemptKey.current ??= newIdempotencyKey()
    try {
      if (startPayment) {
        const fresh = (await sdk.store.cart.retrieve(cartId)).cart
        await sdk.store.payment.initiatePaymentSession(fresh, {
          provider_id: SANDBOX_PROVIDER_ID,
          data: { card_number: cardNumber.replace(/[\s-]/g, "") },
        })
      }
      const res = await sdk.store.cart.complete(cartId, {}, { "X-Idempotency-Key": attemptKey.current })
      if (res.type === "order") {
        attemptKey.current = null
        clearCart()
        // The signed link lets the confirmation page show the order to a guest too (and to a buyer
        // who registered during checkout, whose session may not own the order yet).
        const link = (res as { order_link?: { token?: string } }).order_link?.token
        router.push(`/orders/${res.order.id}?placed=1${link ? `&token=${encodeURIComponent(link)}` : ""}`)
        return
      }
      // Declined (or needs an extra step): the cart stays; say why, from the session's data.
      attemptKey.current = null
      const failure = await readPaymentFailure(cartId).catch(() => null)
      const challenge = challengeUrl(failure, `${window.location.origin}/checkout`)
      if (challenge) return window.location.assign(challenge)
      setPlaceError(t(paymentErrorKey(failure, res.error?.type)))
      adoptCart(res.cart)
    } catch (err) {
      // A network failure keeps the key (the retry is the same attempt); an answer ends it.
      if (statusOf(err) !== undefined && statusOf(err) !== 0) attemptKey.current = null
      const failure = await readPaymentFailure(cartId).catch(() => null)
      const challenge = challengeUrl(failure, `${window.location.origin}/checkout`)
      if (challenge) return window.location.assign(challenge)
      const status = statusOf(err) ?? 0
      if (failure) setPlaceError(t(paymentErrorKey(failure)))
      // The card processor failing (PSP `processing_error`, or the server answering 5xx) is worth a retry.
      else if (/processing_error/.test(err instanceof Error ? err.message : String(err)) || status >= 500) setPlaceError(t("payment.error.processing_error"))
      else setPlaceError(describeError(locale, err))
    } finally {
      setPlacing(false)
    }
  }

  if (!hydrated || cartLoading) return <Loading />
  if (!cart || items.length === 0) {
    return (
      <>
        <h1>{t("checkout.heading")}</h1>
        <p className="muted" data-testid="checkout-empty">
          {t("checkout.empty")} <Link href={localePath(locale, "/")}>{t("product.back")}</Link>
        </p>
      </>
    )
  }

  const money = (a: number | string | null | undefined) => formatMoney(a ?? 0, cart.currency_code, intlLocale)
  const minor = (m: number) => formatMinor(m, cart.currency_code, intlLocale)
  const summary = summarize(cart, cart.currency_code)
  const countryName = (code: string | null | undefined) => countries.find((c) => c.code === code)?.name ?? (code ?? "").toUpperCase()
  const field = (key: keyof Address, label: Parameters<typeof t>[0], autoComplete: string, required = true) => (
    <label className="field">
      <span>{t(label)}</span>
      <input
        name={key}
        autoComplete={autoComplete}
        required={required}
        value={address[key]}
        onChange={(e) => setAddress((a) => ({ ...a, [key]: e.target.value }))}
        data-testid={`checkout-${key.replace("_", "-")}`}
      />
    </label>
  )

  return (
    <div className="checkout" data-testid="checkout" data-locale={locale}>
      <h1>{t("checkout.heading")}</h1>
      {!token && (
        <p className="muted" data-testid="checkout-sign-in-hint">
          {t("checkout.signInHint")} <Link href="/account/login?next=/checkout">{t("nav.signIn")}</Link>
          {" · "}
          <Link href="/account/register?next=/checkout">{t("account.register.heading")}</Link>
        </p>
      )}
      <div className="checkout-grid">
        <div className="checkout-steps">
          <form className="form card-form" onSubmit={saveAddress} data-testid="checkout-address-form">
            <h2>{t("checkout.contact")}</h2>
            <label className="field">
              <span>{t("account.email")}</span>
              <input type="email" name="email" autoComplete="email" dir="ltr" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="checkout-email" />
            </label>
            <h2>{t("checkout.address")}</h2>
            {!needsShipping && <p className="muted" data-testid="checkout-contact-only">{t("checkout.contactOnly")}</p>}
            <div className="form-row">
              {field("first_name", "checkout.firstName", "given-name")}
              {field("last_name", "checkout.lastName", "family-name")}
            </div>
            {needsShipping && (
              <>
                {field("address_1", "checkout.address1", "address-line1")}
                <div className="form-row">
                  {field("postal_code", "checkout.postalCode", "postal-code")}
                  {field("city", "checkout.city", "address-level2")}
                </div>
              </>
            )}
            <label className="field">
              <span>{t("checkout.country")}</span>
              <select
                name="country_code"
                required
                value={address.country_code}
                onChange={(e) => setAddress((a) => ({ ...a, country_code: e.target.value }))}
                data-testid="checkout-country"
              >
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            {field("phone", "checkout.phone", "tel", false)}
            {addressError ? <ErrorMessage error={addressError} /> : null}
            <button type="submit" className="button" disabled={addressBusy} data-testid="checkout-save-address">
              {addressBusy ? t("checkout.saving") : t("checkout.saveAddress")}
            </button>
            {addressSaved && !addressBusy && (
              <p className="success" role="status" data-testid="checkout-address-saved">
                {t("checkout.addressSaved")}{" "}
                {/* What the cart holds, not what the form says: the order is placed with these. */}
                <span data-testid="checkout-saved-as" data-email={cart.email ?? ""} data-country={cart.shipping_address?.country_code ?? ""}>
                  {/* The email is a left-to-right run inside a right-to-left sentence in Arabic: its own
                      isolated box (bdi dir=ltr, one piece when it wraps), the country isolated too. */}
                  {t("checkout.savedAs", { email: "{email}", country: "{country}" }).split(/(\{email\}|\{country\})/).map((part, i) =>
                    part === "{email}" ? <bdi key={i} dir="ltr" className="ltr-run" data-testid="checkout-saved-email">{cart.email}</bdi>
                    : part === "{country}" ? <bdi key={i}>{countryName(cart.shipping_address?.country_code)}</bdi>
                    : part)}
                </span>
              </p>
            )}
          </form>

          <section className="card-form" data-testid="checkout-shipping">
            <h2>{t("checkout.shipping")}</h2>
            {!needsShipping ? (
              <p className="muted" data-testid="checkout-shipping-not-needed">{t("checkout.shippingNotNeeded")}</p>
            ) : !addressSaved ? (
              <p className="muted">{t("checkout.shippingAfterAddress")}</p>
            ) : shippingOptions.error ? (
              <ErrorMessage error={shippingOptions.error} />
            ) : !shippingOptions.data ? (
              <Loading />
            ) : shippingOptions.data.length === 0 ? (
              <p className="alert" data-testid="checkout-shipping-none">{t("checkout.shippingNone")}</p>
            ) : (
              <fieldset className="bare options" disabled={shippingBusy}>
                {shippingOptions.data.map((o) => (
                  <label key={o.id} className="option" data-testid="checkout-shipping-option">
                    <input
                      type="radio"
                      name="shipping_option"
                      value={o.id}
                      checked={selectedOptionId === o.id}
                      onChange={() => chooseShipping(o.id)}
                    />
                    <span dir="auto">{o.name}</span>
                    <span className="muted">{money(o.calculated_price?.calculated_amount ?? o.amount)}</span>
                  </label>
                ))}
              </fieldset>
            )}
            {shippingError ? <ErrorMessage error={shippingError} /> : null}
          </section>

          <section className="card-form" data-testid="checkout-promo">
            <h2>{t("checkout.promo")}</h2>
            {appliedCodes.length > 0 && (
              <ul className="plain-list" data-testid="checkout-promo-applied">
                {appliedCodes.map((code) => (
                  <li key={code}>
                    <code dir="ltr">{code}</code>{" "}
                    <button type="button" className="button" disabled={promoBusy} onClick={() => removePromo(code)} data-testid="checkout-promo-remove">
                      {t("checkout.promoRemove", { code })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form className="inline-form" onSubmit={applyPromo}>
              <input
                name="promo_code"
                dir="ltr"
                aria-label={t("checkout.promo")}
                value={promoInput}
                onChange={(e) => setPromoInput(e.target.value)}
                data-testid="checkout-promo-input"
              />
              <button type="submit" className="button" disabled={promoBusy || !promoInput.trim()} data-testid="checkout-promo-apply">
                {t("checkout.promoApply")}
              </button>
            </form>
            {promoError && (
              <p className="alert" role="alert" data-testid="checkout-promo-error">
                {promoError}
              </p>
            )}
          </section>

          <form className="form card-form" onSubmit={placeOrder} data-testid="checkout-payment">
            <h2>{t("checkout.payment")}</h2>
            {providers.data && !sandboxAvailable ? (
              <p className="alert" data-testid="checkout-no-provider">{t("checkout.noProvider")}</p>
            ) : (
              <label className="field">
                <span>{t("checkout.cardNumber")}</span>
                <input
                  name="card_number"
                  inputMode="numeric"
                  autoComplete="cc-number"
                  dir="ltr"
                  required
                  value={cardNumber}
                  onChange={(e) => setCardNumber(e.target.value)}
                  data-testid="checkout-card-number"
                />
                <small className="muted">{t("checkout.cardHint")}</small>
              </label>
            )}
            {placeError && (
              <p className="alert" role="alert" data-testid="checkout-error">
                {placeError}
              </p>
            )}
            {!addressSaved && <p className="muted">{t("checkout.needAddress")}</p>}
            {addressSaved && !shippingReady && <p className="muted">{t("checkout.needShipping")}</p>}
            {/* What will be charged, right above the button (on phones the summary comes just before this form). */}
            <p className="pay-total" data-testid="checkout-pay-total">
              <span>{t("checkout.total")}</span> <strong data-minor={summary.total}>{minor(summary.total)}</strong>
            </p>
            <button type="submit" className="button primary" disabled={!canPlace} data-testid="checkout-place-order">
              {placing ? t("checkout.placing") : t("checkout.placeOrder")}
            </button>
          </form>
        </div>

        <aside className="card-form checkout-summary" data-testid="checkout-summary">
          <h2>{t("checkout.summary")}</h2>
          <ul className="plain-list summary-lines">
            {items.map((i) => (
              <li key={i.id} data-testid="checkout-item">
                <SummaryLine title={i.product_title ?? i.title} variant={i.variant_title} m={lineMoney(i, cart.currency_code)} format={minor} />
              </li>
            ))}
          </ul>
          <OrderTotals currencyCode={cart.currency_code} summary={summary} />
        </aside>
      </div>
    </div>
  )
}

/** One line of the summary: price × quantity, its discount and tax, and its total (lib/money.ts `lineMoney`). */
function SummaryLine({ title, variant, m, format }: { title: string; variant?: string | null; m: ReturnType<typeof lineMoney>; format: (minor: number) => string }) {
  const { t } = useI18n()
  return (
    <div className="summary-line" data-total-minor={m.total}>
      <div>
        <span dir="auto">{title}</span>
        {variant && variant !== "Default" && <span className="muted" dir="auto"> · {variant}</span>}
      </div>
      <dl className="line-money">
        <div data-testid="checkout-item-price" data-minor={m.subtotal}>
          <dt>{t("money.price")}</dt>
          <dd>{m.quantity > 1 ? t("money.unitTimes", { price: format(m.unit), count: m.quantity }) + " = " : ""}{format(m.subtotal)}</dd>
        </div>
        {m.discount !== 0 && (
          <div data-testid="checkout-item-discount" data-minor={-m.discount}>
            <dt>{t("money.discount")}</dt>
            <dd>{format(-m.discount)}</dd>
          </div>
        )}
        <div data-testid="checkout-item-tax" data-minor={m.tax}>
          <dt>{t("money.tax")}</dt>
          <dd>{format(m.tax)}</dd>
        </div>
        <div className="line-total" data-testid="checkout-item-total" data-minor={m.total}>
          <dt>{t("money.lineTotal")}</dt>
          <dd>{format(m.total)}</dd>
        </div>
      </dl>
    </div>
  )
}
