import { MedusaService } from "@medusajs/framework/utils"
import { PrivacyRequest } from "./models/privacy-request"

export default class PrivacyModuleService extends MedusaService({ PrivacyRequest }) {}
