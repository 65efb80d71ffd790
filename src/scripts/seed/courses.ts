import fs from "node:fs"
import path from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createLesson, upsertPolicy } from "../../api/course-access/content"
import { simplePdf } from "../../lib/course-access/watermark"
import { COURSE_ACCESS_MODULE } from "../../modules/course-access"
import type CourseAccessModuleService from "../../modules/course-access/service"

type Container = ExecArgs["container"]

// The demo video lesson: 4 s of real H.264/AAC in two 2-second MPEG-TS segments (scripts/demo-media,
// how they were made is written there), so the storefront's player decodes and plays it. The seed
// runs from the project root (npm run dev, the e2e stack).
const DEMO_MEDIA = path.join(process.cwd(), "scripts/demo-media")
const demoSegment = (n: number) => fs.readFileSync(path.join(DEMO_MEDIA, `first-steps-${n}.mpegts`)).toString("base64")

const PLAYLIST = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:2.0,\nseg0.ts\n#EXTINF:2.0,\nseg1.ts\n#EXT-X-ENDLIST\n"

const DEMO_COURSES: Record<string, { policy: Record<string, unknown>; hls: boolean; notes: string; pdf: string[] }> = {
  "typescript-from-zero": { policy: { delivery: "STREAM", access_days: null, refund_days: 14, max_sessions: 2 }, hls: true,
    notes: "Lesson 1: install Node, run tsc --init, write your first typed function.\n", pdf: ["Types are documentation the compiler checks.", "Exercise: type a shopping cart."] },
  "smartphone-photography": { policy: { delivery: "FILE", access_days: 90, refund_days: 14 }, hls: false,
    notes: "Preset list: Golden hour, Soft portrait, Street mono.\n", pdf: ["Hold the phone with both hands.", "Tap to focus, slide to expose."] },
  "arabic-for-travellers": { policy: { delivery: "FILE", access_days: null, refund_days: 7, consumption_threshold_pct: 25 }, hls: false,
    notes: "Marhaba - hello. Shukran - thank you. Kam al-hisab? - how much is the bill?\n", pdf: ["Phrase sheet 1: greetings", "Phrase sheet 2: at the market"] },
  "sourdough-baking": { policy: { delivery: "STREAM", access_days: null, refund_days: 14 }, hls: true,
    notes: "Day 1: mix 50 g flour and 50 g water. Cover loosely.\n", pdf: ["Starter schedule", "Day 1-7 feeding plan"] },
}

/** Course policies and a few lessons for the demo COURSE products; skips a course that already has a policy. */
export async function seedCourses(container: Container) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const courses: CourseAccessModuleService = container.resolve(COURSE_ACCESS_MODULE)
  const { data: products } = await query.graph({ entity: "product", fields: ["id", "handle", "title"], filters: { handle: Object.keys(DEMO_COURSES) } })
  let seeded = 0
  for (const product of products as any[]) {
    const demo = DEMO_COURSES[product.handle]
    if (!demo || (await courses.listCoursePolicies({ product_id: product.id })).length) continue
    await upsertPolicy(container as any, product.id, demo.policy as any)
    // A short note reads in about two minutes; the workbook keeps the platform's default reading time.
    await createLesson(container as any, product.id, { kind: "file", title: "Welcome notes", filename: "welcome.txt", mime_type: "text/plain",
      content_base64: Buffer.from(demo.notes).toString("base64"), duration_seconds: 120 })
    await createLesson(container as any, product.id, { kind: "file", title: "Workbook (PDF)", filename: "workbook.pdf", mime_type: "application/pdf",
      content_base64: (await simplePdf(product.title, demo.pdf)).toString("base64") })
    if (demo.hls) {
      await createLesson(container as any, product.id, { kind: "hls", title: "Video: first steps", playlist: PLAYLIST,
        segments: [{ name: "seg0.ts", content_base64: demoSegment(0) }, { name: "seg1.ts", content_base64: demoSegment(1) }] })
    }
    seeded++
  }
  if (seeded) logger.info(`Course content seeded for ${seeded} demo course(s).`)
}
