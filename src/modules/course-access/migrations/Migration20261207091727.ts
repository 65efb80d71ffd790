import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// Issue 17 §6: lesson durations, watched intervals per lesson, and a policy threshold that may
// defer to the platform setting (null). Existing HLS lessons get their duration from their
// playlist the first time it is needed (src/workflows/course-access/lesson-duration.ts).
export class Migration20261207091727 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "course_lesson" add column if not exists "duration_seconds" integer null;`);

    this.addSql(`alter table if exists "course_lesson_progress" add column if not exists "watched" jsonb null, add column if not exists "watched_ms" integer not null default 0;`);

    this.addSql(`alter table if exists "course_policy" alter column "consumption_threshold_pct" drop default;`);
    this.addSql(`alter table if exists "course_policy" alter column "consumption_threshold_pct" type integer using ("consumption_threshold_pct"::integer);`);
    this.addSql(`alter table if exists "course_policy" alter column "consumption_threshold_pct" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "course_lesson" drop column if exists "duration_seconds";`);

    this.addSql(`alter table if exists "course_lesson_progress" drop column if exists "watched", drop column if exists "watched_ms";`);

    this.addSql(`alter table if exists "course_policy" alter column "consumption_threshold_pct" type integer using ("consumption_threshold_pct"::integer);`);
    this.addSql(`update "course_policy" set "consumption_threshold_pct" = 30 where "consumption_threshold_pct" is null;`);
    this.addSql(`alter table if exists "course_policy" alter column "consumption_threshold_pct" set default 30;`);
    this.addSql(`alter table if exists "course_policy" alter column "consumption_threshold_pct" set not null;`);
  }

}
