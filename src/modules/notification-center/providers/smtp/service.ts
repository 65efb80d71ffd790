import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer, { type Transporter } from "nodemailer"
import { ProviderSendError } from "../errors"

export type SmtpOptions = {
  host: string
  port: number
  secure?: boolean
  user?: string
  pass?: string
  from: string
  /** Milliseconds to wait for the TCP connection / greeting / any socket activity. */
  timeout_ms?: number
}

/**
 * Email over any SMTP server with nodemailer: HTML + plain-text parts and attachments. The
 * content comes rendered (subject, html, text); attachments arrive base64-encoded.
 */
export class SmtpNotificationService extends AbstractNotificationProviderService {
  static identifier = "smtp"
  protected transporter_: Transporter
  protected options_: SmtpOptions
  protected logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (!options.host) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The SMTP provider needs a host (SMTP_HOST).")
    if (!options.from) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The SMTP provider needs a sender (SMTP_FROM).")
  }

  constructor({ logger }: { logger: Logger }, options: SmtpOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
    const timeout = options.timeout_ms ?? 15000
    this.transporter_ = nodemailer.createTransport({
      host: options.host,
      port: Number(options.port),
      secure: !!options.secure,
      auth: options.user ? { user: options.user, pass: options.pass ?? "" } : undefined,
      // nodemailer waits 2 minutes by default; a dead relay should fail the attempt fast and be retried later.
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
    })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const content = notification.content ?? {}
    if (!content.subject || !(content.html || content.text)) {
      throw new ProviderSendError("An email needs a subject and a body.", { permanent: true })
    }
    try {
      const info = await this.transporter_.sendMail({
        from: notification.from || this.options_.from,
        to: notification.to,
        subject: content.subject,
        html: content.html,
        text: content.text,
        attachments: (notification.attachments ?? []).map((a) => ({
          filename: a.filename,
          content: a.content,
          encoding: "base64",
          contentType: a.content_type,
          contentDisposition: (a.disposition as "attachment" | "inline" | undefined) ?? "attachment",
        })),
      })
      return { id: info.messageId }
    } catch (e: any) {
      // 5xx replies to RCPT (unknown mailbox) do not get better with time; everything else (refused
      // connection, timeouts, 4xx) may.
      const permanent = typeof e?.responseCode === "number" && e.responseCode >= 500 && e.command === "RCPT TO"
      throw new ProviderSendError(`SMTP: ${e?.message ?? e}`, { permanent })
    }
  }
}
