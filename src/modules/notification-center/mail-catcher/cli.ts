// Runs the mail catcher as its own process (`npm run dev` starts it when SMTP_HOST is not set).
import { startMailCatcher } from "./index"

startMailCatcher({
  smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025),
  httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT || 1080),
  dir: process.env.MAIL_CATCHER_DIR || ".data/mail",
})
  .then((c) => {
    console.log(`[mail-catcher] SMTP on 127.0.0.1:${c.smtpPort}, inbox at ${c.httpUrl}`)
    const stop = () => c.close().then(() => process.exit(0))
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  })
  .catch((e) => {
    console.error(`[mail-catcher] ${e?.message ?? e}`)
    process.exit(1)
  })
