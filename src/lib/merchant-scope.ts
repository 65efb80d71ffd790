import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import { enterMerchantScope } from "./merchant-rls"

type ServiceClass = abstract new (...args: any[]) => object

/**
 * Gives a module service `asMerchant`: row-level security as the second line behind the merchant
 * API's own filters (issue 20 §9). Used as `class X extends withMerchantScope(MedusaService({...}))`
 * by every module whose tables are under the merchant policy (their rls.ts).
 */
export function withMerchantScope<TBase extends ServiceClass>(Base: TBase) {
  abstract class MerchantScoped extends Base {
    /**
     * Runs `work` in a transaction of its own as `snail_merchant` with `app.merchant_id` set, both
     * LOCAL to that transaction (so the pooled connection goes back clean). Pass the context `work`
     * receives to this module's methods: on the module's secured tables PostgreSQL itself returns only
     * this merchant's rows, whatever filter a query forgot. Always its own transaction: nested in a
     * caller's, the role would outlive this call.
     */
    async asMerchant<T>(merchantId: string, work: (ctx: Context) => Promise<T>): Promise<T> {
      if (!merchantId) throw new Error("asMerchant needs a merchant id")
      return this.asMerchant_(merchantId, work)
    }

    @InjectTransactionManager()
    protected async asMerchant_<T>(merchantId: string, work: (ctx: Context) => Promise<T>, @MedusaContext() sharedContext: Context = {}): Promise<T> {
      const em = sharedContext.transactionManager as any
      await enterMerchantScope(em, merchantId)
      return work({ transactionManager: em })
    }
  }
  return MerchantScoped
}
