/**
 * The block editor's model: pure functions over the page contract (block operations, the
 * undo/redo history, the mapping of the server's field errors onto blocks). No React, no DOM:
 * tests/unit/page_editor_model.spec.ts loads this file as is. The contract itself is the back
 * end's app/types/step_page.ts — one definition for the editor, the validator and the renderer
 * (plain types and constants, so the browser bundle takes it as it is).
 */
import {
  BLOCK_STEP_TYPES,
  BLOCK_TYPES,
  REQUIRED_BLOCK,
  type BlockType,
  type PageBlock,
  type PageSection,
  type StepPage,
} from '#types/step_page'

export * from '#types/step_page'

/** Blocks whose content lives in the step (or its checkout): one of each per page. */
export function isStepBlock(type: BlockType) {
  return BLOCK_STEP_TYPES[type] !== undefined
}

/**
 * What the palette offers on a step type's page: the general blocks, plus that type's own
 * blocks while the page does not hold one yet (one form, offer or summary per page).
 */
export function paletteFor(stepType: string, page: StepPage): BlockType[] {
  const present = new Set(page.sections.flatMap((section) => section.blocks.map((b) => b.type)))
  return BLOCK_TYPES.filter((type) => {
    const only = BLOCK_STEP_TYPES[type]
    if (!only) return true
    return only.includes(stepType) && !present.has(type)
  })
}

/** A short random id (unique within a page is enough; the page holds a few dozen blocks). */
export function newId(random: () => number = Math.random) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  let id = ''
  for (let i = 0; i < 10; i++) id += alphabet[Math.floor(random() * alphabet.length)]
  return id
}

/** The texts a new block starts with, in the user's language (the editor passes them in). */
export type BlockTexts = {
  headline: string
  text: string
  button: string
  countdown: string
  guarantee: string
  testimonialName: string
  testimonialText: string
  faqQuestion: string
  faqAnswer: string
  bullet: string
}

/** A new block of `type` with the defaults the palette adds. */
export function newBlock(type: BlockType, texts: BlockTexts, id = newId()): PageBlock {
  switch (type) {
    case 'headline':
      return { id, type, text: texts.headline, level: 2, align: 'center' }
    case 'text':
      return { id, type, text: texts.text, align: 'left' }
    case 'image':
      return { id, type, url: '', alt: '' }
    case 'video':
      return { id, type, url: '' }
    case 'button':
      return {
        id,
        type,
        label: texts.button,
        action: 'next',
        stepId: null,
        url: null,
        delaySeconds: 0,
      }
    case 'countdown':
      return { id, type, minutes: 15, label: texts.countdown }
    case 'testimonials':
      return { id, type, items: [{ name: texts.testimonialName, text: texts.testimonialText }] }
    case 'guarantee':
      return { id, type, days: 7, text: texts.guarantee }
    case 'faq':
      return { id, type, items: [{ question: texts.faqQuestion, answer: texts.faqAnswer }] }
    case 'bullets':
      return { id, type, items: [texts.bullet] }
    case 'spacer':
      return { id, type, size: 'md' }
    default:
      return { id, type } as PageBlock
  }
}

export function newSection(id = newId()): PageSection {
  return { id, background: null, blocks: [] }
}

/** Where a block is: its section's index and its index there, or null. */
export function locate(page: StepPage, blockId: string) {
  for (const [sectionIndex, section] of page.sections.entries()) {
    const blockIndex = section.blocks.findIndex((block) => block.id === blockId)
    if (blockIndex >= 0) return { sectionIndex, blockIndex, sectionId: section.id }
  }
  return null
}

export function findBlock(page: StepPage, blockId: string): PageBlock | null {
  const at = locate(page, blockId)
  return at ? page.sections[at.sectionIndex].blocks[at.blockIndex] : null
}

function mapSections(page: StepPage, fn: (section: PageSection) => PageSection): StepPage {
  return { ...page, sections: page.sections.map(fn) }
}

/** Adds `block` to a section (the last one when not found) at `index` (default: the end). */
export function addBlock(
  page: StepPage,
  block: PageBlock,
  sectionId?: string | null,
  index?: number
): StepPage {
  const sections = page.sections.length > 0 ? page.sections : [newSection()]
  const target = sections.find((s) => s.id === sectionId) ?? sections[sections.length - 1]
  return {
    ...page,
    sections: sections.map((section) => {
      if (section !== target) return section
      const blocks = [...section.blocks]
      blocks.splice(index ?? blocks.length, 0, block)
      return { ...section, blocks }
    }),
  }
}

/** Whether the block may be deleted: never the step type's required block. */
export function canRemove(stepType: string, block: PageBlock) {
  return REQUIRED_BLOCK[stepType] !== block.type
}

/** Removes a block; the step type's required block stays (the page is returned unchanged). */
export function removeBlock(page: StepPage, blockId: string, stepType: string): StepPage {
  const block = findBlock(page, blockId)
  if (!block || !canRemove(stepType, block)) return page
  return mapSections(page, (section) => ({
    ...section,
    blocks: section.blocks.filter((b) => b.id !== blockId),
  }))
}

/** Changes a block's fields (never its id or type). */
export function updateBlock(page: StepPage, blockId: string, patch: Record<string, unknown>) {
  return mapSections(page, (section) =>
    section.blocks.some((b) => b.id === blockId)
      ? {
          ...section,
          blocks: section.blocks.map((b) =>
            b.id === blockId ? ({ ...b, ...patch, id: b.id, type: b.type } as PageBlock) : b
          ),
        }
      : section
  )
}

/**
 * Moves a block to `toSectionId` at `toIndex` (clamped; the index is counted in the target
 * section after the block left its old place). Unknown ids leave the page as it is.
 */
export function moveBlock(
  page: StepPage,
  blockId: string,
  toSectionId: string,
  toIndex: number
): StepPage {
  const at = locate(page, blockId)
  if (!at || !page.sections.some((s) => s.id === toSectionId)) return page
  const block = page.sections[at.sectionIndex].blocks[at.blockIndex]
  const without = mapSections(page, (section) =>
    section.id === at.sectionId
      ? { ...section, blocks: section.blocks.filter((b) => b.id !== blockId) }
      : section
  )
  return mapSections(without, (section) => {
    if (section.id !== toSectionId) return section
    const blocks = [...section.blocks]
    blocks.splice(Math.max(0, Math.min(toIndex, blocks.length)), 0, block)
    return { ...section, blocks }
  })
}

/**
 * Where a dragged block lands when it is over `overId` (a block, or a section's own drop
 * area): the over block's place, or the end of the over section. Null when nothing changes.
 */
export function dropTarget(page: StepPage, activeId: string, overId: string) {
  const from = locate(page, activeId)
  if (!from || activeId === overId) return null
  const over = locate(page, overId)
  if (over) return { sectionId: over.sectionId, index: over.blockIndex }
  const section = page.sections.find((s) => s.id === overId)
  if (!section) return null
  if (section.id === from.sectionId) return null
  return { sectionId: section.id, index: section.blocks.length }
}

export function addSection(page: StepPage, section = newSection()): StepPage {
  return { ...page, sections: [...page.sections, section] }
}

/** A section may go when it holds no required block and is not the page's last one. */
export function canRemoveSection(page: StepPage, sectionId: string, stepType: string) {
  const section = page.sections.find((s) => s.id === sectionId)
  if (!section || page.sections.length <= 1) return false
  return section.blocks.every((block) => canRemove(stepType, block))
}

export function removeSection(page: StepPage, sectionId: string, stepType: string): StepPage {
  if (!canRemoveSection(page, sectionId, stepType)) return page
  return { ...page, sections: page.sections.filter((s) => s.id !== sectionId) }
}

export function moveSection(page: StepPage, sectionId: string, delta: -1 | 1): StepPage {
  const from = page.sections.findIndex((s) => s.id === sectionId)
  const to = from + delta
  if (from < 0 || to < 0 || to >= page.sections.length) return page
  const sections = [...page.sections]
  const [section] = sections.splice(from, 1)
  sections.splice(to, 0, section)
  return { ...page, sections }
}

export function updateSection(page: StepPage, sectionId: string, patch: Partial<PageSection>) {
  return mapSections(page, (section) =>
    section.id === sectionId
      ? { ...section, ...patch, id: section.id, blocks: section.blocks }
      : section
  )
}

/**
 * The undo/redo history: past states, the present, undone states. `commit` pushes the present
 * onto the past; an edit with the same `coalesce` key as the previous one (typing in one field)
 * replaces the present instead, so Ctrl+Z undoes a word-by-word typing run at once.
 */
export interface History {
  past: StepPage[]
  present: StepPage
  future: StepPage[]
  /** The key of the last edit, when it may absorb the next one. */
  coalesce: string | null
}

/** The most states kept; older ones drop off (a page is a few kB). */
export const HISTORY_LIMIT = 100

export function historyOf(page: StepPage): History {
  return { past: [], present: page, future: [], coalesce: null }
}

export function commit(history: History, next: StepPage, coalesce: string | null = null): History {
  if (next === history.present) return history
  if (coalesce !== null && coalesce === history.coalesce) {
    return { ...history, present: next, future: [] }
  }
  return {
    past: [...history.past, history.present].slice(-HISTORY_LIMIT),
    present: next,
    future: [],
    coalesce,
  }
}

export function undo(history: History): History {
  if (history.past.length === 0) return history
  return {
    past: history.past.slice(0, -1),
    present: history.past[history.past.length - 1],
    future: [history.present, ...history.future],
    coalesce: null,
  }
}

export function redo(history: History): History {
  if (history.future.length === 0) return history
  return {
    past: [...history.past, history.present],
    present: history.future[0],
    future: history.future.slice(1),
    coalesce: null,
  }
}

/**
 * The server's field errors (`sections.0.blocks.2.text`, with or without a `page.` prefix)
 * grouped by block id, each keyed by the block's own field path (`text`, `items.1.name`).
 * Errors about a section or the whole page go under `''`.
 */
export function errorsByBlock(page: StepPage, errors: Record<string, string>) {
  const byBlock: Record<string, Record<string, string>> = {}
  for (const [rawField, message] of Object.entries(errors)) {
    const field = rawField.replace(/^page\./, '')
    const match = /^sections\.(\d+)\.blocks\.(\d+)(?:\.(.+))?$/.exec(field)
    const block = match ? page.sections[Number(match[1])]?.blocks[Number(match[2])] : undefined
    const key = block ? block.id : ''
    const inner = block ? (match![3] ?? '') : field
    byBlock[key] ??= {}
    byBlock[key][inner] ??= message
  }
  return byBlock
}
