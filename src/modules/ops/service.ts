import { MedusaService } from "@medusajs/framework/utils"
import { JobRun } from "./models/job-run"

export default class OpsModuleService extends MedusaService({ JobRun }) {}
