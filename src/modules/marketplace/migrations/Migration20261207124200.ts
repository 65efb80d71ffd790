import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { MERCHANT_RLS_ROLE, MERCHANT_RLS_TABLES } from "../rls"

/**
 * PostgreSQL row-level security as a second line behind the merchant API's own scoping (issue 20 §9),
 * on the merchant money tables: ledger_entry and payout.
 *
 * The merchant API reads them as the NOLOGIN role `snail_merchant` (SET LOCAL ROLE inside its
 * transaction) with `app.merchant_id` set (set_config(…, true)); the policies show that role only the
 * rows of that merchant, and nothing when the setting is missing. Everything else — admin routes, jobs,
 * workflows, migrations — runs as the connecting role, which owns the tables and so is not subject to
 * the policies (RLS is enabled, not FORCEd). The connecting role must be allowed to SET ROLE
 * snail_merchant: the GRANT below does it when the migrating role may (a superuser or CREATEROLE role).
 */
const TABLES = MERCHANT_RLS_TABLES

export class Migration20261207124200 extends Migration {
  override async up(): Promise<void> {
    // Roles are cluster-wide: another database (a parallel test run) may create it at the same moment.
    this.addSql(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${MERCHANT_RLS_ROLE}') THEN CREATE ROLE ${MERCHANT_RLS_ROLE} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`)
    // Membership lets a non-superuser connecting role SET ROLE to it. Without the privilege to grant it,
    // the merchant API's reads fail loudly ("permission denied to set role") until an operator grants it.
    this.addSql(`DO $$ BEGIN
      IF NOT pg_has_role(current_user, '${MERCHANT_RLS_ROLE}', 'MEMBER') THEN EXECUTE format('GRANT ${MERCHANT_RLS_ROLE} TO %I', current_user); END IF;
    EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'could not grant ${MERCHANT_RLS_ROLE} to %: %', current_user, SQLERRM; END $$;`)
    this.addSql(`DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${MERCHANT_RLS_ROLE}', current_schema()); END $$;`)
    for (const table of TABLES) {
      this.addSql(`GRANT SELECT ON "${table}" TO ${MERCHANT_RLS_ROLE};`)
      this.addSql(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY;`)
      this.addSql(`DROP POLICY IF EXISTS "merchant_scope" ON "${table}";`)
      this.addSql(
        `CREATE POLICY "merchant_scope" ON "${table}" FOR SELECT TO ${MERCHANT_RLS_ROLE} USING ("merchant_id" = current_setting('app.merchant_id', true));`
      )
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`DROP POLICY IF EXISTS "merchant_scope" ON "${table}";`)
      this.addSql(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY;`)
      this.addSql(`REVOKE SELECT ON "${table}" FROM ${MERCHANT_RLS_ROLE};`)
    }
  }
}
