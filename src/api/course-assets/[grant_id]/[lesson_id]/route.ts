import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serveCourseAsset } from "../../../course-access/serve"

/** A lesson's file (watermarked when PDF/text) or its HLS playlist, through a signed URL only. */
export const GET = (req: AuthenticatedMedusaRequest, res: MedusaResponse) => serveCourseAsset(req as any, res)
export const AUTHENTICATE = false
