import type { PublicationSnapshot, SnapshotRow } from '#services/funnel_publication'
import { formatBRL } from '#services/money'
import { t, type Locale } from '#services/i18n'

/**
 * "What changed since the last publish" (issue 18 item 4): the draft snapshot against the
 * published one, step by step (matched by id), for the publish dialog. Every column is
 * compared — the known ones get their own wording (a price as money, a block by its type), any
 * other one a generic line — so an empty list means the draft *is* the published version and
 * publishing again would change nothing. `version` (a save counter) is not a change.
 */
export type ChangeKind =
  | 'first_publish'
  | 'step_added'
  | 'step_removed'
  | 'step_renamed'
  | 'step_slug'
  | 'step_moved'
  | 'step_enabled'
  | 'step_disabled'
  | 'step_field'
  | 'content_field'
  | 'offer_price'
  | 'section_added'
  | 'section_removed'
  | 'section_changed'
  | 'block_added'
  | 'block_removed'
  | 'block_changed'
  | 'blocks_moved'
  | 'price'
  | 'product_name'
  | 'bump_added'
  | 'bump_removed'
  | 'bump_changed'
  | 'checkout_field'

export interface PublicationChange {
  kind: ChangeKind
  stepId: number | null
  /** The step's name in the draft (in the publication for a removed step). */
  stepName: string | null
  /** The column, content key, block type or bump name the change is about. */
  field?: string
  from?: string | number | null
  to?: string | number | null
}

type Json = unknown
type Row = SnapshotRow
type Block = { id?: string; type?: string } & Record<string, Json>
type Section = { id?: string; background?: Json; blocks?: Block[] } & Record<string, Json>

/** Step columns that are bookkeeping, not what a visitor sees. */
const IGNORED_STEP_COLUMNS = new Set(['id', 'workspace_id', 'funnel_id', 'version'])
const IGNORED_CONFIG_COLUMNS = new Set(['id', 'workspace_id', 'funnel_id', 'step_id'])

/** Deep equality of JSON values, key order ignored (jsonb does not keep it). */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    /** A missing key and a null one read the same on a page. */
    return (a ?? null) === (b ?? null)
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as Json[]
    return a.length === other.length && a.every((item, index) => sameJson(item, other[index]))
  }
  const left = a as Record<string, Json>
  const right = b as Record<string, Json>
  const keys = new Set([...Object.keys(left), ...Object.keys(right)])
  for (const key of keys) if (!sameJson(left[key], right[key])) return false
  return true
}

const text = (value: Json) => (typeof value === 'string' ? value : null)
const object = (value: Json) =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : {}
const array = <T>(value: Json) => (Array.isArray(value) ? (value as T[]) : [])

/** The changes that publishing `draft` would make to `published` (null: never published). */
export function diffSnapshots(
  published: PublicationSnapshot | null,
  draft: PublicationSnapshot
): PublicationChange[] {
  if (!published) {
    return [{ kind: 'first_publish', stepId: null, stepName: null, to: draft.steps.length }]
  }
  const changes: PublicationChange[] = []
  const before = new Map(published.steps.map((row) => [row.id, row]))
  const after = new Map(draft.steps.map((row) => [row.id, row]))
  const configsBefore = new Map(published.checkoutConfigs.map((row) => [Number(row.step_id), row]))
  const configsAfter = new Map(draft.checkoutConfigs.map((row) => [Number(row.step_id), row]))

  /** Positions among the steps both versions have: adding or removing one moves no other. */
  const kept = (rows: Row[]) => rows.filter((row) => before.has(row.id) && after.has(row.id))
  const oldOrder = kept(published.steps).map((row) => row.id)
  const newOrder = kept(draft.steps).map((row) => row.id)

  for (const row of draft.steps) {
    const name = text(row.name)
    const old = before.get(row.id)
    if (!old) {
      changes.push({ kind: 'step_added', stepId: row.id, stepName: name })
      continue
    }
    const change = (entry: Omit<PublicationChange, 'stepId' | 'stepName'>) =>
      changes.push({ stepId: row.id, stepName: name, ...entry })

    if (old.name !== row.name) {
      change({ kind: 'step_renamed', from: text(old.name), to: name })
    }
    if (old.slug !== row.slug)
      change({ kind: 'step_slug', from: text(old.slug), to: text(row.slug) })
    const from = oldOrder.indexOf(row.id)
    const to = newOrder.indexOf(row.id)
    if (from !== to) change({ kind: 'step_moved', from: from + 1, to: to + 1 })
    if (Boolean(old.is_active) !== Boolean(row.is_active)) {
      change({ kind: row.is_active ? 'step_enabled' : 'step_disabled' })
    }
    diffContent(object(old.content), object(row.content), change)
    diffPage(old.page, row.page, change)
    for (const column of new Set([...Object.keys(old), ...Object.keys(row)])) {
      if (IGNORED_STEP_COLUMNS.has(column)) continue
      if (['name', 'slug', 'order_index', 'is_active', 'content', 'page'].includes(column)) continue
      if (!sameJson(old[column], row[column])) change({ kind: 'step_field', field: column })
    }
    diffCheckout(configsBefore.get(row.id) ?? null, configsAfter.get(row.id) ?? null, change)
  }
  for (const row of published.steps) {
    if (!after.has(row.id)) {
      changes.push({ kind: 'step_removed', stepId: row.id, stepName: text(row.name) })
    }
  }
  return changes
}

type Emit = (entry: Omit<PublicationChange, 'stepId' | 'stepName'>) => void

/** The step's own texts: one line per content key, the upsell's price as money. */
function diffContent(old: Record<string, Json>, now: Record<string, Json>, change: Emit) {
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (sameJson(old[key], now[key])) continue
    if (key === 'offer') {
      const before = object(old.offer)
      const after = object(now.offer)
      if (!sameJson(before.priceCents, after.priceCents)) {
        change({
          kind: 'offer_price',
          from: numberOrNull(before.priceCents),
          to: numberOrNull(after.priceCents),
        })
      }
      const withoutPrice = (offer: Record<string, Json>) => ({ ...offer, priceCents: null })
      const restBefore = withoutPrice(before)
      const restAfter = withoutPrice(after)
      if (!sameJson(restBefore, restAfter)) change({ kind: 'content_field', field: 'offer' })
      continue
    }
    change({ kind: 'content_field', field: key })
  }
}

/** The block page: sections and blocks matched by their ids. */
function diffPage(oldPage: Json, newPage: Json, change: Emit) {
  if (sameJson(oldPage, newPage)) return
  const oldSections = array<Section>(object(oldPage).sections)
  const newSections = array<Section>(object(newPage).sections)
  const blocksOf = (sections: Section[]) =>
    sections.flatMap((section) => array<Block>(section.blocks))
  const oldBlocks = new Map(blocksOf(oldSections).map((block) => [String(block.id), block]))
  const newBlocks = new Map(blocksOf(newSections).map((block) => [String(block.id), block]))
  const oldSectionIds = new Map(oldSections.map((section) => [String(section.id), section]))
  const newSectionIds = new Set(newSections.map((section) => String(section.id)))

  for (const section of newSections) {
    const before = oldSectionIds.get(String(section.id))
    if (!before) change({ kind: 'section_added' })
    else if (!sameJson(before.background, section.background)) change({ kind: 'section_changed' })
  }
  for (const section of oldSections) {
    if (!newSectionIds.has(String(section.id))) change({ kind: 'section_removed' })
  }
  for (const [id, block] of newBlocks) {
    const before = oldBlocks.get(id)
    if (!before) change({ kind: 'block_added', field: String(block.type) })
    else if (!sameJson(before, block)) change({ kind: 'block_changed', field: String(block.type) })
  }
  for (const [id, block] of oldBlocks) {
    if (!newBlocks.has(id)) change({ kind: 'block_removed', field: String(block.type) })
  }
  /** The same blocks in another order (or moved to another section). */
  const placement = (sections: Section[]) =>
    sections.flatMap((section) =>
      array<Block>(section.blocks)
        .filter((block) => oldBlocks.has(String(block.id)) && newBlocks.has(String(block.id)))
        .map((block) => `${section.id}/${block.id}`)
    )
  if (!sameJson(placement(oldSections), placement(newSections))) change({ kind: 'blocks_moved' })
}

/** What the checkout sells: price and product, bumps by position, every other setting. */
function diffCheckout(old: Row | null, now: Row | null, change: Emit) {
  if (!old && !now) return
  const before = old ?? ({} as Row)
  const after = now ?? ({} as Row)
  if (!sameJson(before.product_price_cents, after.product_price_cents)) {
    change({
      kind: 'price',
      from: numberOrNull(before.product_price_cents),
      to: numberOrNull(after.product_price_cents),
    })
  }
  if (!sameJson(before.product_name, after.product_name)) {
    change({ kind: 'product_name', from: text(before.product_name), to: text(after.product_name) })
  }
  const oldBumps = array<Record<string, Json>>(before.order_bumps)
  const newBumps = array<Record<string, Json>>(after.order_bumps)
  for (let index = 0; index < Math.max(oldBumps.length, newBumps.length); index++) {
    const a = oldBumps[index]
    const b = newBumps[index]
    if (!a)
      change({ kind: 'bump_added', field: text(b.name) ?? '', to: numberOrNull(b.priceCents) })
    else if (!b) change({ kind: 'bump_removed', field: text(a.name) ?? '' })
    else if (!sameJson(a, b)) {
      change({
        kind: 'bump_changed',
        field: text(b.name) ?? '',
        from: numberOrNull(a.priceCents),
        to: numberOrNull(b.priceCents),
      })
    }
  }
  const handled = new Set(['product_price_cents', 'product_name', 'order_bumps'])
  for (const column of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED_CONFIG_COLUMNS.has(column) || handled.has(column)) continue
    if (!sameJson(before[column], after[column])) change({ kind: 'checkout_field', field: column })
  }
}

function numberOrNull(value: Json) {
  return typeof value === 'number' ? value : null
}

/** Known field names in the reader's words; an unknown one is shown as it is. */
function fieldLabel(locale: Locale, change: PublicationChange) {
  if (!change.field) return ''
  const group = ['block_added', 'block_removed', 'block_changed'].includes(change.kind)
    ? 'blocks'
    : change.kind === 'content_field'
      ? 'content'
      : change.kind === 'checkout_field'
        ? 'checkout'
        : change.kind === 'step_field'
          ? 'step'
          : null
  if (!group) return change.field
  const key = `publishing.fields.${group}.${change.field}`
  const label = t(locale, key)
  return label === key ? change.field : label
}

/** One line of the publish dialog, in the reader's language. */
export function describeChange(locale: Locale, change: PublicationChange) {
  const money = (value: Json) => (typeof value === 'number' ? formatBRL(value) : '—')
  const isMoney = ['price', 'offer_price', 'bump_added', 'bump_changed'].includes(change.kind)
  return t(locale, `publishing.changes.${change.kind}`, {
    step: change.stepName ?? '',
    field: fieldLabel(locale, change),
    from: isMoney ? money(change.from) : String(change.from ?? ''),
    to: isMoney ? money(change.to) : String(change.to ?? ''),
  })
}
