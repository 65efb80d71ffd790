import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { ProviderSendError } from "../errors"

export type TelegramOptions = {
  token: string
  /** Bot API base, https://api.telegram.org unless a test points it at a contract server. */
  api_url?: string
  /** A 429 asking to wait at most this long is waited out in place; longer waits go back to the retry job. */
  max_inline_wait_ms?: number
  timeout_ms?: number
}

type BotResponse = { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: { retry_after?: number } }

/**
 * Telegram Bot API (https://core.telegram.org/bots/api): `sendMessage` for text and `sendDocument`
 * when there is an attachment (the text becomes its caption, further files follow as documents).
 * `to` is the chat id bound by the /start webhook.
 */
export class TelegramNotificationService extends AbstractNotificationProviderService {
  static identifier = "telegram"
  protected options_: TelegramOptions
  protected logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (!options.token) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Telegram provider needs TELEGRAM_BOT_TOKEN.")
  }

  constructor({ logger }: { logger: Logger }, options: TelegramOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const text = String(notification.content?.text ?? "").slice(0, 4096)
    const attachments = notification.attachments ?? []
    if (!text && !attachments.length) throw new ProviderSendError("Nothing to send.", { permanent: true })
    let first: any
    if (!attachments.length) {
      first = await this.call("sendMessage", JSON.stringify({ chat_id: notification.to, text, disable_web_page_preview: true }), "application/json")
    } else {
      for (const [i, a] of attachments.entries()) {
        const form = new FormData()
        form.set("chat_id", notification.to)
        // A caption holds at most 1024 characters; longer text goes first as its own message.
        if (i === 0 && text.length <= 1024) form.set("caption", text)
        form.set("document", new Blob([Buffer.from(a.content, "base64")], { type: a.content_type ?? "application/octet-stream" }), a.filename)
        if (i === 0 && text.length > 1024) first = await this.call("sendMessage", JSON.stringify({ chat_id: notification.to, text }), "application/json")
        const res = await this.call("sendDocument", form)
        first ??= res
      }
    }
    return { id: String(first?.message_id ?? "") }
  }

  /** One Bot API call; a 429 with a short retry_after is waited out once, here. */
  private async call(method: string, body: string | FormData, contentType?: string, waited = false): Promise<any> {
    const base = (this.options_.api_url || "https://api.telegram.org").replace(/\/+$/, "")
    let res: Response
    try {
      res = await fetch(`${base}/bot${this.options_.token}/${method}`, {
        method: "POST",
        headers: contentType ? { "content-type": contentType } : undefined,
        body,
        signal: AbortSignal.timeout(this.options_.timeout_ms ?? 15000),
      })
    } catch (e: any) {
      throw new ProviderSendError(`Telegram ${method}: ${e?.message ?? e}`)
    }
    const json = (await res.json().catch(() => ({ ok: false, description: `HTTP ${res.status}` }))) as BotResponse
    if (res.ok && json.ok) return json.result
    const code = json.error_code ?? res.status
    const description = json.description ?? `HTTP ${res.status}`
    if (code === 429) {
      const retryAfter = Math.max(1, Number(json.parameters?.retry_after ?? 1))
      if (!waited && retryAfter * 1000 <= (this.options_.max_inline_wait_ms ?? 3000)) {
        await new Promise((r) => setTimeout(r, retryAfter * 1000))
        return this.call(method, body, contentType, true)
      }
      throw new ProviderSendError(`Telegram ${method} 429: ${description}`, { retryAfterSeconds: retryAfter })
    }
    // 403: the person blocked the bot (or deleted the chat); 400 chat not found: no retry brings it back.
    const permanent = code === 403 || (code === 400 && /chat not found|user is deactivated/i.test(description))
    throw new ProviderSendError(`Telegram ${method} ${code}: ${description}`, { permanent })
  }
}
