import { errors as vineErrors } from '@vinejs/vine'
import { t, type Locale } from '#services/i18n'

/**
 * The seed's request shapes next to ours. The original specification names fields after its
 * columns (`is_active`, `step_type`, `event_name`, `order_index`) and sends money as a decimal
 * (`product_price: 97.9`); our validators take camelCase and integer cents. One adapter turns
 * the first into the second before a validator runs, and refuses what neither shape knows:
 * VineJS drops unknown keys without a word, which is how `{"is_active": false}` used to create a
 * live funnel. Allowed keys come from the route's own validator (its JSON Schema), so the
 * adapter and the validator cannot drift apart.
 */

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema | JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  [key: string]: unknown
}

/** What the adapter needs of a route's body (or query string). */
export interface ShapeSpec {
  /** The validator the controller runs: its JSON Schema lists the accepted keys. */
  schema: JsonSchema
  /** Extra names for a key, as written by the spec (`step_ids` → `ids`). */
  aliases?: Record<string, string>
  /** Decimal money in reais → integer cents (`product_price` → `productPriceCents`). */
  money?: Record<string, string>
  /** Keys under these top-level fields are renamed to camelCase but not checked (typed later). */
  renameInside?: string[]
  /** Top-level keys dropped on purpose (documented as ignored): never a 422. */
  ignored?: string[]
}

export interface FieldError {
  field: string
  rule: string
  message: string
}

/** `order_index` → `orderIndex`; keys without an underscore stay as they are. */
export function camelCase(key: string) {
  return key.replace(/_+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}

/** Property schemas of an object schema, merged over anyOf/oneOf/allOf branches. */
function objectShape(schema: JsonSchema | undefined) {
  const keys = new Map<string, JsonSchema[]>()
  let open = false
  let isObject = false
  const visit = (node: JsonSchema | undefined) => {
    if (!node || typeof node !== 'object') return
    if (node.properties || node.type === 'object') isObject = true
    if (node.additionalProperties === true || (node.type === 'object' && !node.properties)) {
      open = true
    }
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      keys.set(key, [...(keys.get(key) ?? []), value])
    }
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
      visit(branch)
    }
  }
  visit(schema)
  return { keys, open, isObject }
}

/** The item schemas of the array branches of a property. */
function itemSchemas(schemas: JsonSchema[]) {
  return schemas.flatMap((schema) => {
    const items = schema.items
    if (!items) return []
    return Array.isArray(items) ? items : [items]
  })
}

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,2}))?$/

/**
 * `97.9` or `"97.90"` → `9790`, digit by digit (no float arithmetic). More than two decimals,
 * exponents, signs or separators other than one dot are refused (`null`).
 */
export function decimalToCents(value: unknown): number | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null
  if (typeof value === 'number' && !Number.isFinite(value)) return null
  const text = typeof value === 'number' ? String(value) : value.trim()
  const match = DECIMAL.exec(text)
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Renames every key below `value` to camelCase (no checks: a later validator types them). */
function renameDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameDeep)
  if (!isPlainObject(value)) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [camelCase(k), renameDeep(v)]))
}

/**
 * Maps a body (or query string) to the validator's shape. Returns the adapted object and the
 * field errors: unknown keys (`unknown_field`), a key sent in both shapes with different values
 * (`field_conflict`) and decimals that are not an amount in reais (`decimal_places`). Field
 * names in errors are the ones the client sent.
 */
export function adaptShape(
  input: Record<string, unknown>,
  spec: ShapeSpec,
  locale: Locale
): { data: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = []
  const report = (field: string, rule: string, params: Record<string, string> = {}) =>
    errors.push({ field, rule, message: t(locale, `validation.${rule}`, { field, ...params }) })

  const walk = (
    value: Record<string, unknown>,
    schemas: JsonSchema[],
    path: string,
    top: boolean
  ): Record<string, unknown> => {
    const shape = objectShape({ anyOf: schemas })
    if (shape.open && shape.keys.size === 0) return value
    const out: Record<string, unknown> = {}
    const origin = new Map<string, string>()
    for (const [key, raw] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key
      let target = key
      let item = raw
      if (top && spec.ignored?.includes(key)) continue
      if (top && spec.money?.[key] !== undefined) {
        target = spec.money[key]
        const cents = decimalToCents(raw)
        if (cents === null) {
          report(at, 'decimal_places')
          continue
        }
        item = cents
      } else if (!shape.keys.has(key)) {
        const alias = top ? spec.aliases?.[key] : undefined
        const camel = alias ?? camelCase(key)
        if (shape.keys.has(camel)) {
          target = camel
        } else if (!shape.open) {
          report(at, 'unknown_field')
          continue
        }
      }

      if (target in out) {
        if (JSON.stringify(out[target]) !== JSON.stringify(item)) {
          report(at, 'field_conflict', { other: origin.get(target)! })
        }
        continue
      }
      origin.set(target, at)

      const childSchemas = shape.keys.get(target) ?? []
      if (top && spec.renameInside?.includes(target)) {
        out[target] = renameDeep(item)
      } else if (isPlainObject(item) && objectShape({ anyOf: childSchemas }).isObject) {
        out[target] = walk(item, childSchemas, at, false)
      } else if (Array.isArray(item) && itemSchemas(childSchemas).length > 0) {
        const items = itemSchemas(childSchemas)
        out[target] = objectShape({ anyOf: items }).isObject
          ? item.map((entry, index) =>
              isPlainObject(entry) ? walk(entry, items, `${at}.${index}`, false) : entry
            )
          : item
      } else {
        out[target] = item
      }
    }
    return out
  }

  return { data: walk(input, [spec.schema], '', true), errors }
}

/** The 422 the API answers for adapter errors, in the validators' format. */
export function shapeError(errors: FieldError[]) {
  return new vineErrors.E_VALIDATION_ERROR(errors)
}
