import { isMessageKey } from "@/lib/i18n"

type T = (key: import("@/lib/i18n").MessageKey, vars?: Record<string, string | number>) => string

/** A line state (PAID, SHIPPED…) in the buyer's language; unknown states show as they are. */
export function stateLabel(t: T, state: string): string {
  const key = `state.${state}`
  return isMessageKey(key) ? t(key) : state
}

export function actorLabel(t: T, actor: string): string {
  const key = `actor.${actor}`
  return isMessageKey(key) ? t(key) : actor
}

/** The button text for a move the buyer may make (by transition name, else by target state). */
export function actionLabel(t: T, transition: { name: string; to: string }): string {
  const key = `order.action.${transition.name}`
  return isMessageKey(key) ? t(key) : t("order.actionFallback", { state: stateLabel(t, transition.to) })
}
