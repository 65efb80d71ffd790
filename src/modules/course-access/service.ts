import { MedusaService } from "@medusajs/framework/utils"
import { AccessAttempt } from "./models/access-attempt"
import { CourseGrant } from "./models/course-grant"
import { CourseLesson } from "./models/course-lesson"
import { CoursePolicy } from "./models/course-policy"
import { CourseSession } from "./models/course-session"
import { LessonProgress } from "./models/lesson-progress"

export default class CourseAccessModuleService extends MedusaService({ CoursePolicy, CourseLesson, CourseGrant, LessonProgress, AccessAttempt, CourseSession }) {}
