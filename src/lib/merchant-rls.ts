/**
 * PostgreSQL row-level security on merchant-owned tables (issue 20 §9), shared by the modules that
 * hold one merchant's rows: the NOLOGIN role the merchant API takes inside its transaction, the SQL
 * a module migration runs to put a table under the policy, and the SQL that enters the scope.
 *
 * Only the role `snail_merchant` is subject to the policies: admin routes, jobs, workflows and
 * subscribers run as the connecting role, which owns the tables (RLS is enabled, not FORCEd), and a
 * superuser bypasses RLS anyway. Medusa's own tables are never touched.
 *
 * The migration builders are used by migrations that have already run on live databases: change
 * what they emit only by adding a new migration that applies the difference.
 */
export const MERCHANT_RLS_ROLE = "snail_merchant"

/** The merchant whose rows the role may see: null without the setting, so nothing matches. */
const SCOPE = "current_setting('app.merchant_id', true)"

export type RlsPrivilege = "SELECT" | "INSERT" | "UPDATE" | "DELETE"

export type MerchantRlsTable = {
  table: string
  /** Which row belongs to the scoped merchant (ownColumn / viaParent). */
  owned: string
  /** What the role may do at all; the policy then limits it to the merchant's rows. */
  privileges: RlsPrivilege[]
}

/** The row's own column names the merchant (merchant_id, or supplier_id on VAT documents). */
export const ownColumn = (table: string, column = "merchant_id") => `"${table}"."${column}" = ${SCOPE}`

/**
 * A child row belongs to the merchant that owns its parent (a dispute's messages, a line's
 * transitions). The parent is read under its own policy too, so the two can never disagree.
 */
export const viaParent = (table: string, fk: string, parent: string, parentColumn = "merchant_id") =>
  `EXISTS (SELECT 1 FROM "${parent}" WHERE "${parent}"."id" = "${table}"."${fk}" AND "${parent}"."${parentColumn}" = ${SCOPE})`

/**
 * The role, its membership for the connecting role and schema usage. Roles are cluster-wide and any
 * module's migration may run first, so every RLS migration runs this (each step is idempotent).
 */
export function merchantRoleSql(): string[] {
  return [
    // Another database (a parallel test run) may create it at the same moment.
    `DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${MERCHANT_RLS_ROLE}') THEN CREATE ROLE ${MERCHANT_RLS_ROLE} NOLOGIN; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`,
    // Membership lets a non-superuser connecting role SET ROLE to it; without the privilege to grant
    // it, scoped queries fail loudly ("permission denied to set role") until an operator grants it.
    `DO $$ BEGIN
      IF NOT pg_has_role(current_user, '${MERCHANT_RLS_ROLE}', 'MEMBER') THEN EXECUTE format('GRANT ${MERCHANT_RLS_ROLE} TO %I', current_user); END IF;
    EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'could not grant ${MERCHANT_RLS_ROLE} to %: %', current_user, SQLERRM; END $$;`,
    `DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${MERCHANT_RLS_ROLE}', current_schema()); END $$;`,
  ]
}

/**
 * Puts tables under the merchant scope: the role gets the listed privileges, and one policy for
 * every command limits both the rows it sees (USING) and the rows it may write (WITH CHECK) to the
 * scoped merchant's.
 */
export function merchantRlsUpSql(tables: MerchantRlsTable[]): string[] {
  const sql = merchantRoleSql()
  for (const { table, owned, privileges } of tables) {
    sql.push(`GRANT ${privileges.join(", ")} ON "${table}" TO ${MERCHANT_RLS_ROLE};`)
    sql.push(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY;`)
    sql.push(`DROP POLICY IF EXISTS "merchant_scope" ON "${table}";`)
    sql.push(`CREATE POLICY "merchant_scope" ON "${table}" FOR ALL TO ${MERCHANT_RLS_ROLE} USING (${owned}) WITH CHECK (${owned});`)
  }
  return sql
}

export function merchantRlsDownSql(tables: MerchantRlsTable[]): string[] {
  return tables.flatMap(({ table }) => [
    `DROP POLICY IF EXISTS "merchant_scope" ON "${table}";`,
    `ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY;`,
    `REVOKE ALL ON "${table}" FROM ${MERCHANT_RLS_ROLE};`,
  ])
}

/**
 * Enters the merchant's scope on a transaction's connection: role and setting are both LOCAL, so
 * the pooled connection goes back clean at commit or rollback. Call first thing in a transaction
 * of its own — nested in a caller's, the role would outlive the scoped work.
 */
export async function enterMerchantScope(em: { execute: (sql: string, params?: unknown[]) => Promise<unknown> }, merchantId: string): Promise<void> {
  if (!merchantId) throw new Error("A merchant scope needs a merchant id")
  await em.execute(`SET LOCAL ROLE ${MERCHANT_RLS_ROLE}`)
  await em.execute(`SELECT set_config('app.merchant_id', ?, true)`, [merchantId])
}
