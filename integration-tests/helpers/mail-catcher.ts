import { startMailCatcher } from "../../src/modules/notification-center/mail-catcher"

type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>

/**
 * A real SMTP catcher on loopback for the whole test file, and the mail settings the app (running in this
 * process, reading them on use) needs to send to it: fast retries, links to a storefront at store.test.
 */
export function withMailCatcher() {
  let mail: MailCatcher | undefined
  beforeAll(async () => {
    mail = await startMailCatcher()
    Object.assign(process.env, {
      SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mail.smtpPort), SMTP_FROM: "Snail <no-reply@snail.test>", SMTP_TIMEOUT_MS: "3000",
      NOTIFY_MAX_ATTEMPTS: "3", NOTIFY_BACKOFF_MS: "200", STOREFRONT_URL: "http://store.test",
    })
  })
  afterAll(async () => {
    await mail?.close()
  })
  return {
    get mail(): MailCatcher {
      if (!mail) throw new Error("the mail catcher starts in beforeAll")
      return mail
    },
  }
}
