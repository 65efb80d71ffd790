import mjml2html from "mjml"
import type { Locale } from "../types"
import { DIR, esc } from "./format"

const FOOTER: Record<Locale, { sent: string; settings: string }> = {
  en: { sent: "SnailMarketplace — you get this message because of your account or order.", settings: "Notification settings / unsubscribe" },
  ru: { sent: "SnailMarketplace — вы получили это письмо из-за вашего аккаунта или заказа.", settings: "Настройки уведомлений / отписаться" },
  ar: { sent: "SnailMarketplace — تصلك هذه الرسالة بسبب حسابك أو طلبك.", settings: "إعدادات الإشعارات / إلغاء الاشتراك" },
}

export type Block =
  | { kind: "text"; text: string; strong?: boolean }
  | { kind: "button"; label: string; href: string }
  | { kind: "table"; rows: [string, string][] }

/**
 * MJML for one block; all text is escaped here. Tables are laid out by hand for right-to-left
 * readers (label on the right): many mail clients drop `dir` on tables, so the cells are mirrored.
 */
function block(b: Block, rtl: boolean): string {
  switch (b.kind) {
    case "text":
      return `<mj-text${b.strong ? ' font-weight="700" font-size="18px"' : ""}>${esc(b.text)}</mj-text>`
    case "button":
      return `<mj-button href="${esc(b.href)}" background-color="#2f6f4f">${esc(b.label)}</mj-button>`
    case "table":
      return `<mj-table>${b.rows.map(([k, v]) => {
        const label = `<td style="padding:4px 0;color:#555;text-align:${rtl ? "right" : "left"}">${esc(k)}</td>`
        const value = `<td style="padding:4px 0;text-align:${rtl ? "left" : "right"}" dir="auto">${esc(v)}</td>`
        return `<tr>${rtl ? value + label : label + value}</tr>`
      }).join("")}</mj-table>`
  }
}

/**
 * The HTML email: MJML renders responsive, client-safe tables; Arabic gets `dir="rtl"` on the
 * document and right-aligned text. Non-transactional messages end with the settings link.
 */
export async function renderEmail(opts: { locale: Locale; subject: string; blocks: Block[]; settingsUrl?: string }): Promise<string> {
  const dir = DIR[opts.locale]
  const align = dir === "rtl" ? "right" : "left"
  const footer = FOOTER[opts.locale]
  const source = `<mjml lang="${opts.locale}" dir="${dir}">
  <mj-head>
    <mj-title>${esc(opts.subject)}</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text align="${align}" font-size="15px" line-height="22px" color="#222" />
      <mj-table align="${align}" font-size="14px" />
      <mj-button align="${align}" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f0">
    <mj-section><mj-column><mj-text font-size="20px" font-weight="700" color="#2f6f4f">SnailMarketplace</mj-text></mj-column></mj-section>
    <mj-section background-color="#ffffff"><mj-column>${opts.blocks.map((b) => block(b, dir === "rtl")).join("\n")}</mj-column></mj-section>
    <mj-section><mj-column>
      <mj-text font-size="12px" color="#777">${esc(footer.sent)}</mj-text>
      ${opts.settingsUrl ? `<mj-text font-size="12px"><a href="${esc(opts.settingsUrl)}">${esc(footer.settings)}</a></mj-text>` : ""}
    </mj-column></mj-section>
  </mj-body>
</mjml>`
  const out = await mjml2html(source, { validationLevel: "strict" })
  if (out.errors?.length) throw new Error(`MJML: ${out.errors.map((e: any) => e.formattedMessage ?? e.message).join("; ")}`)
  return out.html
}

/** The plain-text part (and the Telegram message): the same blocks, one per paragraph. */
export function renderText(opts: { locale: Locale; subject: string; blocks: Block[]; settingsUrl?: string }): string {
  const parts = opts.blocks.map((b) =>
    b.kind === "text" ? b.text : b.kind === "button" ? `${b.label}: ${b.href}` : b.rows.map(([k, v]) => `${k}: ${v}`).join("\n"))
  if (opts.settingsUrl) parts.push(`${FOOTER[opts.locale].settings}: ${opts.settingsUrl}`)
  return [opts.subject, ...parts].join("\n\n")
}
