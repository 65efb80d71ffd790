import { Module } from "@medusajs/framework/utils"
import CourseAccessModuleService from "./service"

export const COURSE_ACCESS_MODULE = "course_access"

export default Module(COURSE_ACCESS_MODULE, { service: CourseAccessModuleService })
