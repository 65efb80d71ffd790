import { authenticate, validateAndTransformBody, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { courseOnceOnAdd, courseOnceOnUpdate } from "./cart-rules"
import { CoursePolicyBody, CourseRefundBody, CreateLessonBody, LessonProgressBody, LessonUrlBody, RevokeGrantBody, UpdateLessonBody } from "./validators"

// Lesson uploads carry their content as base64 JSON (video segments included).
const uploadBody = { sizeLimit: process.env.COURSE_UPLOAD_LIMIT || "80mb" }

/** Players fetch assets cross-origin with the buyer's Authorization header: answer the CORS preflight. */
function assetPreflight(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "OPTIONS") return next()
  res.set({
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Allow-Headers": "authorization",
    "Access-Control-Max-Age": "600",
  })
  res.status(204).end()
}

/** Course access routes (docs/course-access.md): buyers, signed assets, merchant content, operators. */
export const courseAccessRoutes = [
  { matcher: "/store/carts/:id/line-items", methods: ["POST" as const], middlewares: [courseOnceOnAdd] },
  { matcher: "/store/carts/:id/line-items/:line_id", methods: ["POST" as const], middlewares: [courseOnceOnUpdate] },
  { matcher: "/store/courses*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/courses/:grant_id/lessons/:lesson_id/progress", methods: ["POST" as const], middlewares: [validateAndTransformBody(LessonProgressBody)] },
  { matcher: "/store/courses/:grant_id/lessons/:lesson_id/url", methods: ["POST" as const], middlewares: [validateAndTransformBody(LessonUrlBody)] },
  { matcher: "/store/courses/:grant_id/refund", methods: ["POST" as const], middlewares: [validateAndTransformBody(CourseRefundBody)] },
  // A signed URL plays only for the grant's buyer, signed in (bearer or session): a copied link is
  // refused for anyone else (403 logged as an attempt, hence allowUnauthenticated here).
  { matcher: "/course-assets*", middlewares: [assetPreflight, authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })] },

  { matcher: "/merchant/courses/:product_id/policy", methods: ["POST" as const], middlewares: [validateAndTransformBody(CoursePolicyBody)] },
  { matcher: "/merchant/courses/:product_id/lessons", methods: ["POST" as const], bodyParser: uploadBody, middlewares: [validateAndTransformBody(CreateLessonBody)] },
  { matcher: "/merchant/courses/:product_id/lessons/:lesson_id", methods: ["POST" as const], middlewares: [validateAndTransformBody(UpdateLessonBody)] },
  { matcher: "/admin/courses/:product_id/policy", methods: ["POST" as const], middlewares: [validateAndTransformBody(CoursePolicyBody)] },
  { matcher: "/admin/courses/:product_id/lessons", methods: ["POST" as const], bodyParser: uploadBody, middlewares: [validateAndTransformBody(CreateLessonBody)] },
  { matcher: "/admin/courses/:product_id/lessons/:lesson_id", methods: ["POST" as const], middlewares: [validateAndTransformBody(UpdateLessonBody)] },
  { matcher: "/admin/course-grants/:id/revoke", methods: ["POST" as const], middlewares: [validateAndTransformBody(RevokeGrantBody)] },
]
