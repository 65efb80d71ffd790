import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serveCourseAsset } from "../../../../course-access/serve"

/** One HLS segment, through its own short-lived signed URL (written into the playlist). */
export const GET = (req: AuthenticatedMedusaRequest, res: MedusaResponse) => serveCourseAsset(req as any, res)
export const AUTHENTICATE = false
