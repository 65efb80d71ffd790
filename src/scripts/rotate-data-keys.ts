import type { ExecArgs } from "@medusajs/framework/types"
import { dataKeyring } from "../lib/config/data-keys"
import { FISCAL_MODULE } from "../modules/fiscal"
import type FiscalModuleService from "../modules/fiscal/service"
import { MARKETPLACE_MODULE } from "../modules/marketplace"
import type MarketplaceModuleService from "../modules/marketplace/service"
import { NOTIFICATION_CENTER_MODULE } from "../modules/notification-center"
import type NotificationCenterService from "../modules/notification-center/service"

/**
 * `npm run keys:rotate`: re-encrypts every value sealed at rest under the first key of
 * DATA_ENCRYPTION_KEYS (docs/security.md, "Encryption at rest"). Run it after putting the new key
 * first; keep the old key listed until it has finished, then drop it. Running it twice changes nothing.
 */
export default async function rotateDataKeys({ container }: ExecArgs) {
  const ring = dataKeyring()
  const merchants = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).resealMerchants()
  const deliveries = await container.resolve<NotificationCenterService>(NOTIFICATION_CENTER_MODULE).resealPendingSecrets()
  const receipts = await container.resolve<FiscalModuleService>(FISCAL_MODULE).resealReceiptDocuments()
  console.log(
    `keys:rotate: active key '${ring.activeId}'; merchants ${merchants.resealed} of ${merchants.scanned} re-encrypted; ` +
      `pending notification secrets ${deliveries.resealed} of ${deliveries.scanned} re-encrypted; ` +
      `fiscal receipt phones ${receipts.resealed} of ${receipts.scanned} re-encrypted`
  )
}
