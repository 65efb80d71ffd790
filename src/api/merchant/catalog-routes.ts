import { validateAndTransformBody } from "@medusajs/framework/http"
import { CatalogStatus, CreateProductOption, UpdateProductOption, UploadImages } from "./validators"
import { SchedulePreview } from "./schedule-validators"

// Four pictures of at most 8 MB each, as base64 JSON (like lesson uploads): about 43 MB of body.
const imageUploadBody = { sizeLimit: process.env.IMAGE_UPLOAD_LIMIT || "45mb" }

/** The merchant dashboard's catalogue routes (issue 22 §2, §3): editor, bulk status, pictures, schedule editor. */
export const merchantCatalogRoutes = [
  { matcher: "/merchant/catalog/status", methods: ["POST" as const], middlewares: [validateAndTransformBody(CatalogStatus)] },
  { matcher: "/merchant/uploads", methods: ["POST" as const], bodyParser: imageUploadBody, middlewares: [validateAndTransformBody(UploadImages)] },
  { matcher: "/merchant/products/:id/options", methods: ["POST" as const], middlewares: [validateAndTransformBody(CreateProductOption)] },
  { matcher: "/merchant/products/:id/options/:option_id", methods: ["POST" as const], middlewares: [validateAndTransformBody(UpdateProductOption)] },
  { matcher: "/merchant/catalog/schedule-preview", methods: ["POST" as const], middlewares: [validateAndTransformBody(SchedulePreview)] },
]

