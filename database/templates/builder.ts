import type { Locale } from '#services/i18n'
import type { PageBlock, PageSection, StepPage } from '../../app/types/step_page.js'

/** A block as a template writes it: the id is minted by `page()`. */
type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never
export type BlockDraft = DistributiveOmit<PageBlock, 'id'>

/** A section as a template writes it: its blocks, and a tint (#rrggbb) or the page's colour. */
export interface SectionDraft {
  background?: string | null
  blocks: BlockDraft[]
}

/** The template's text in the language the user sees: `copy('Texto', 'Text')`. */
export type Copy = (pt: string, en: string) => string

export function copyFor(locale: Locale): Copy {
  return (pt, en) => (locale === 'en' ? en : pt)
}

/**
 * A page from its sections, with ids minted in document order (`s1`, `b1`, `b2`, `s2`…):
 * sections and blocks share one id namespace (the validator checks that), and fixed ids keep a
 * template's pages identical from one apply to the next.
 */
export function page(...sections: SectionDraft[]): StepPage {
  let blocks = 0
  return {
    version: 1,
    sections: sections.map((section, index): PageSection => ({
      id: `s${index + 1}`,
      background: section.background ?? null,
      blocks: section.blocks.map((block) => ({ ...block, id: `b${++blocks}` }) as PageBlock),
    })),
  }
}

/** Section tints that keep the renderer's dark text readable (contrast above 4.5:1). */
export const TINTS = {
  soft: '#f4f4f5',
  warm: '#fff7ed',
  cool: '#eff6ff',
  fresh: '#ecfdf5',
} as const
