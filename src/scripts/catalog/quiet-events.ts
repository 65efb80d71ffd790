import type { MedusaContainer } from "@medusajs/framework/types"
import { MessageAggregator, Modules } from "@medusajs/framework/utils"

/**
 * Bulk writes without an event per row (issue 18 §5). A module service puts its events
 * (`pricing.price.created`, …) in the call's message aggregator and publishes what it holds when
 * the call returns; with the caching module on, each one became a Redis job for its `*`
 * subscriber: 270 189 jobs after `seed:catalog -- 10000`, which the server then drained for many
 * minutes, eating the CPU of whatever ran next. Passed as the calls' shared context, this
 * aggregator keeps the first message of each event name, counts the rest and reports none to the
 * module, so nothing is published per row. `flush` then publishes that one message per name:
 * what the caching module needs to drop its cached lists of each entity (`Product:list:*`; new
 * rows are in no cached entry of their own yet). Search indexing is done by the loader itself.
 */
export class CoalescingAggregator extends MessageAggregator {
  private readonly firsts = new Map<string, any>()
  readonly counts = new Map<string, number>()

  override save(msg: any): void {
    for (const m of [msg].flat()) {
      if (!m?.name) continue
      this.counts.set(m.name, (this.counts.get(m.name) ?? 0) + 1)
      if (!this.firsts.has(m.name)) this.firsts.set(m.name, m)
    }
  }

  /** Nothing for the module to publish when its call returns. */
  override count(): number {
    return 0
  }

  /** The shared context to pass to module services' bulk calls. */
  context() {
    return { messageAggregator: this }
  }

  /** Publishes one event per name seen; returns how many were published. */
  async flush(container: MedusaContainer): Promise<number> {
    const messages = [...this.firsts.values()].map((m) => {
      const { eventGroupId: _group, ...metadata } = m.metadata ?? {}
      return { name: m.name, data: m.data, metadata }
    })
    this.firsts.clear()
    if (messages.length) await container.resolve(Modules.EVENT_BUS).emit(messages, { internal: true })
    return messages.length
  }
}
