import { authenticate, validateAndTransformBody } from "@medusajs/framework/http"
import { CoursePolicyBody, CourseRefundBody, CreateLessonBody, LessonProgressBody, LessonUrlBody, RevokeGrantBody, UpdateLessonBody } from "./validators"

// Lesson uploads carry their content as base64 JSON (video segments included).
const uploadBody = { sizeLimit: process.env.COURSE_UPLOAD_LIMIT || "80mb" }

/** Course access routes (docs/course-access.md): buyers, signed assets, merchant content, operators. */
export const courseAccessRoutes = [
  { matcher: "/store/courses*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { matcher: "/store/courses/:grant_id/lessons/:lesson_id/progress", methods: ["POST" as const], middlewares: [validateAndTransformBody(LessonProgressBody)] },
  { matcher: "/store/courses/:grant_id/lessons/:lesson_id/url", methods: ["POST" as const], middlewares: [validateAndTransformBody(LessonUrlBody)] },
  { matcher: "/store/courses/:grant_id/refund", methods: ["POST" as const], middlewares: [validateAndTransformBody(CourseRefundBody)] },
  // Signed URLs are the credential; a signed-in customer, when present, must be the grant's buyer.
  { matcher: "/course-assets*", middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })] },

  { matcher: "/merchant/courses/:product_id/policy", methods: ["POST" as const], middlewares: [validateAndTransformBody(CoursePolicyBody)] },
  { matcher: "/merchant/courses/:product_id/lessons", methods: ["POST" as const], bodyParser: uploadBody, middlewares: [validateAndTransformBody(CreateLessonBody)] },
  { matcher: "/merchant/courses/:product_id/lessons/:lesson_id", methods: ["POST" as const], middlewares: [validateAndTransformBody(UpdateLessonBody)] },
  { matcher: "/admin/courses/:product_id/policy", methods: ["POST" as const], middlewares: [validateAndTransformBody(CoursePolicyBody)] },
  { matcher: "/admin/courses/:product_id/lessons", methods: ["POST" as const], bodyParser: uploadBody, middlewares: [validateAndTransformBody(CreateLessonBody)] },
  { matcher: "/admin/courses/:product_id/lessons/:lesson_id", methods: ["POST" as const], middlewares: [validateAndTransformBody(UpdateLessonBody)] },
  { matcher: "/admin/course-grants/:id/revoke", methods: ["POST" as const], middlewares: [validateAndTransformBody(RevokeGrantBody)] },
]
