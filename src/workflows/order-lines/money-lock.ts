import crypto from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SnailError } from "../../lib/snail-error"
import { ORDER_LINES_MODULE } from "../../modules/order-lines"
import type OrderLinesModuleService from "../../modules/order-lines/service"

/**
 * One lock per order's money (its payment and every line it pays for), through Medusa's locking
 * module — Redis when REDIS_URL is set, so it holds across server instances. One key rather than
 * payment + line keys: an order has one payment, and a single key cannot half-acquire or deadlock.
 * The lock lives ORDER_MONEY_LOCK_TTL_S and is renewed while its holder runs (a PSP call may take
 * its client's three 10 s attempts), so the lock of a process that died is free within seconds.
 */
export const ORDER_MONEY_LOCK_TTL_S = Number(process.env.ORDER_MONEY_LOCK_TTL_S) || 15
const renewals = new Map<string, NodeJS.Timeout>()
const WAIT_MS = Number(process.env.ORDER_MONEY_LOCK_WAIT_MS) || 30_000

export const orderMoneyLockKey = (orderId: string) => `order-money:${orderId}`

export async function acquireOrderMoneyLock(container: MedusaContainer, orderId: string, ownerId: string, waitMs = WAIT_MS) {
  const locking = container.resolve(Modules.LOCKING)
  const until = Date.now() + waitMs
  for (;;) {
    try {
      await locking.acquire(orderMoneyLockKey(orderId), { ownerId, expire: ORDER_MONEY_LOCK_TTL_S })
      const renewal = setInterval(() => {
        locking.acquire(orderMoneyLockKey(orderId), { ownerId, expire: ORDER_MONEY_LOCK_TTL_S }).catch(() => undefined)
      }, (ORDER_MONEY_LOCK_TTL_S * 1000) / 3)
      renewal.unref()
      renewals.set(ownerId, renewal)
      return
    } catch {
      if (Date.now() >= until) throw new SnailError(409, "ORDER_BUSY", "Another change to this order's payment is still running; try again in a moment.")
    }
    await new Promise((r) => setTimeout(r, 25 + Math.floor(Math.random() * 50)))
  }
}

export async function releaseOrderMoneyLock(container: MedusaContainer, orderId: string, ownerId: string) {
  clearInterval(renewals.get(ownerId))
  renewals.delete(ownerId)
  await container.resolve(Modules.LOCKING).release(orderMoneyLockKey(orderId), { ownerId })
}

/** Runs `job` holding the order's money lock (code outside workflows: recovery, jobs). */
export async function withOrderMoneyLock<T>(container: MedusaContainer, orderId: string, job: () => Promise<T>, waitMs?: number): Promise<T> {
  const owner = `job:${crypto.randomUUID()}`
  await acquireOrderMoneyLock(container, orderId, owner, waitMs)
  try {
    return await job()
  } finally {
    await releaseOrderMoneyLock(container, orderId, owner)
  }
}

type Held = { order_id: string; owner: string }

/** First step of every line move or money operation: its order's money lock. */
export const lockOrderMoneyStep = createStep(
  "lock-order-money",
  async (input: { line_id: string }, { container }) => {
    const [line] = await (container.resolve(ORDER_LINES_MODULE) as OrderLinesModuleService).listOrderLines({ id: input.line_id }, { select: ["id", "order_id"] })
    if (!line) throw new SnailError(404, "NOT_FOUND", `Order line ${input.line_id} not found`)
    const held: Held = { order_id: line.order_id, owner: `wf:${crypto.randomUUID()}` }
    await acquireOrderMoneyLock(container, held.order_id, held.owner)
    return new StepResponse(held, held)
  },
  async (held, { container }) => {
    if (held) await releaseOrderMoneyLock(container, held.order_id, held.owner)
  }
)

/** Last step: the lock goes as soon as the move is done (a failure releases it by compensation). */
export const unlockOrderMoneyStep = createStep("unlock-order-money", async (held: Held, { container }) => {
  await releaseOrderMoneyLock(container, held.order_id, held.owner)
  return new StepResponse(undefined)
})
