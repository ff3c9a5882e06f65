import type { JSONDataTypes } from '@adonisjs/core/types/transformers'

/**
 * A jsonb column as the pages receive it. The models type these bags `Record<string, unknown>`;
 * what PostgreSQL returns for jsonb is JSON, and saying so lets the value cross the page
 * contract (`inertia.render` accepts JSON-typed props only).
 */
export type JsonObject = { [key: string]: JSONDataTypes }

export function asJson(value: Record<string, unknown> | null | undefined): JsonObject {
  return (value ?? {}) as JsonObject
}
