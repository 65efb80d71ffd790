import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SEARCH_EVENT_ENTITIES } from "../workflows/search/events"
import { drainSoon, enqueueSearchChanges } from "../workflows/search/indexer"

/**
 * Every change that alters a search document is written to the index queue (a table, so nothing
 * is lost if the process dies before indexing); the drain job empties it, and this process starts
 * a drain right away so a price or stock change shows in search within a couple of seconds.
 */
export default async function searchIndex({ event, container }: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const entity = SEARCH_EVENT_ENTITIES[event.name]
  if (!entity) return
  const ids = [event.data].flat().map((d: any) => d?.id).filter((id): id is string => typeof id === "string")
  await enqueueSearchChanges(container, ids.map((id) => ({ entity, entity_id: id, reason: event.name })))
  drainSoon(container)
}

export const config: SubscriberConfig = { event: Object.keys(SEARCH_EVENT_ENTITIES) }
