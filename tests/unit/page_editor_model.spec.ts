import { test } from '@japa/runner'
import * as contract from '#types/step_page'

/**
 * inertia/components/page-editor/page_model.ts belongs to the front-end TypeScript project (the
 * back end may not import from it), so it is loaded by URL at run time; its shape is typed here
 * with the back end's own contract types.
 */
type Page = contract.StepPage
type Block = contract.PageBlock
type History = { past: Page[]; present: Page; future: Page[]; coalesce: string | null }
const model = (await import(
  new URL('../../inertia/components/page-editor/page_model.js', import.meta.url).href
)) as {
  BLOCK_TYPES: readonly string[]
  REQUIRED_BLOCK: Record<string, string | null>
  BLOCK_STEP_TYPES: Partial<Record<string, string[]>>
  HISTORY_LIMIT: number
  paletteFor(stepType: string, page: Page): string[]
  newId(random?: () => number): string
  addBlock(page: Page, block: Block, sectionId?: string | null, index?: number): Page
  removeBlock(page: Page, blockId: string, stepType: string): Page
  updateBlock(page: Page, blockId: string, patch: Record<string, unknown>): Page
  moveBlock(page: Page, blockId: string, toSectionId: string, toIndex: number): Page
  dropTarget(
    page: Page,
    activeId: string,
    overId: string
  ): { sectionId: string; index: number } | null
  removeSection(page: Page, sectionId: string, stepType: string): Page
  moveSection(page: Page, sectionId: string, delta: -1 | 1): Page
  historyOf(page: Page): History
  commit(history: History, next: Page, coalesce?: string | null): History
  undo(history: History): History
  redo(history: History): History
  errorsByBlock(page: Page, errors: Record<string, string>): Record<string, Record<string, string>>
}

function capturePage(): Page {
  return {
    version: 1,
    sections: [
      {
        id: 's1',
        background: null,
        blocks: [
          { id: 'h1', type: 'headline', text: 'Baixe o guia', level: 1, align: 'center' },
          { id: 't1', type: 'text', text: 'Grátis', align: 'left' },
          { id: 'f1', type: 'capture_form' },
        ],
      },
      { id: 's2', background: '#111111', blocks: [{ id: 'd1', type: 'divider' }] },
    ],
  }
}

const ids = (page: Page) => page.sections.map((s) => s.blocks.map((b) => b.id))

test.group('Page editor model: the contract', () => {
  test('the editor uses app/types/step_page.ts itself, not a copy of it', ({ assert }) => {
    assert.strictEqual(model.BLOCK_TYPES, contract.BLOCK_TYPES)
    assert.strictEqual(model.REQUIRED_BLOCK, contract.REQUIRED_BLOCK)
    assert.strictEqual(model.BLOCK_STEP_TYPES, contract.BLOCK_STEP_TYPES)
  })

  test('the palette offers a step type its own blocks once, never another type’s', ({ assert }) => {
    const empty: Page = { version: 1, sections: [] }
    const onCapture = model.paletteFor('capture', empty)
    assert.include(onCapture, 'capture_form')
    assert.include(onCapture, 'headline')
    assert.notInclude(onCapture, 'checkout_form')
    assert.notInclude(onCapture, 'upsell_offer')
    assert.notInclude(model.paletteFor('capture', capturePage()), 'capture_form')
    assert.includeMembers(model.paletteFor('checkout', empty), ['checkout_form', 'order_summary'])
    assert.notInclude(model.paletteFor('vsl', empty), 'capture_form')
  })

  test('new ids are 10 characters of [a-z0-9]', ({ assert }) => {
    assert.match(model.newId(), /^[a-z0-9]{10}$/)
    assert.notEqual(model.newId(), model.newId())
  })
})

test.group('Page editor model: block operations', () => {
  test('add, update, and the required block cannot be removed', ({ assert }) => {
    const page = capturePage()
    const added = model.addBlock(page, { id: 'b1', type: 'spacer', size: 'sm' }, 's1', 1)
    assert.deepEqual(ids(added), [['h1', 'b1', 't1', 'f1'], ['d1']])
    assert.deepEqual(ids(page), [['h1', 't1', 'f1'], ['d1']], 'the old state is untouched')

    const edited = model.updateBlock(added, 'h1', { text: 'Novo', id: 'x', type: 'text' })
    const headline = edited.sections[0].blocks[0]
    assert.deepEqual(headline, {
      id: 'h1',
      type: 'headline',
      text: 'Novo',
      level: 1,
      align: 'center',
    })

    assert.strictEqual(model.removeBlock(edited, 'f1', 'capture'), edited)
    assert.deepEqual(ids(model.removeBlock(edited, 'f1', 'vsl')), [['h1', 'b1', 't1'], ['d1']])
    assert.deepEqual(ids(model.removeBlock(edited, 't1', 'capture')), [['h1', 'b1', 'f1'], ['d1']])
  })

  test('blocks move within a section and across sections', ({ assert }) => {
    const page = capturePage()
    assert.deepEqual(ids(model.moveBlock(page, 'h1', 's1', 2)), [['t1', 'f1', 'h1'], ['d1']])
    assert.deepEqual(ids(model.moveBlock(page, 'f1', 's1', 0)), [['f1', 'h1', 't1'], ['d1']])
    assert.deepEqual(ids(model.moveBlock(page, 't1', 's2', 0)), [
      ['h1', 'f1'],
      ['t1', 'd1'],
    ])
    assert.deepEqual(ids(model.moveBlock(page, 't1', 's2', 99)), [
      ['h1', 'f1'],
      ['d1', 't1'],
    ])
    assert.strictEqual(model.moveBlock(page, 'nope', 's2', 0), page)
    assert.strictEqual(model.moveBlock(page, 'h1', 'nope', 0), page)
  })

  test('a drop over a block takes its place; over another section, its end', ({ assert }) => {
    const page = capturePage()
    assert.deepEqual(model.dropTarget(page, 'h1', 'f1'), { sectionId: 's1', index: 2 })
    assert.deepEqual(model.dropTarget(page, 'h1', 'd1'), { sectionId: 's2', index: 0 })
    assert.deepEqual(model.dropTarget(page, 'h1', 's2'), { sectionId: 's2', index: 1 })
    assert.isNull(model.dropTarget(page, 'h1', 's1'), 'its own section: no change')
    assert.isNull(model.dropTarget(page, 'h1', 'h1'))
  })

  test('a section holding the required block, or the last section, stays', ({ assert }) => {
    const page = capturePage()
    assert.strictEqual(model.removeSection(page, 's1', 'capture'), page)
    assert.deepEqual(ids(model.removeSection(page, 's2', 'capture')), [['h1', 't1', 'f1']])
    const single = model.removeSection(page, 's2', 'capture')
    const lastOne = model.moveBlock(single, 'f1', 's1', 0)
    assert.strictEqual(model.removeSection(lastOne, 's1', 'vsl'), lastOne)
    assert.deepEqual(
      model.moveSection(page, 's2', -1).sections.map((s) => s.id),
      ['s2', 's1']
    )
    assert.strictEqual(model.moveSection(page, 's1', -1), page)
  })
})

test.group('Page editor model: undo/redo history', () => {
  test('undo walks back, redo forward, a new edit drops the redo branch', ({ assert }) => {
    const first = capturePage()
    let history = model.historyOf(first)
    const second = model.moveBlock(first, 'h1', 's2', 0)
    history = model.commit(history, second)
    const third = model.removeBlock(second, 't1', 'capture')
    history = model.commit(history, third)

    history = model.undo(history)
    assert.strictEqual(history.present, second)
    history = model.undo(history)
    assert.strictEqual(history.present, first)
    assert.strictEqual(model.undo(history), history, 'nothing left to undo')
    history = model.redo(history)
    assert.strictEqual(history.present, second)

    const other = model.updateBlock(second, 'h1', { text: 'Outro' })
    history = model.commit(history, other)
    assert.lengthOf(history.future, 0)
    assert.strictEqual(model.redo(history), history, 'nothing left to redo')
    assert.deepEqual(history.past, [first, second])
  })

  test('typing in one field is one undo step; another field starts a new one', ({ assert }) => {
    const start = capturePage()
    let history = model.historyOf(start)
    let page = start
    for (const text of ['O', 'Ol', 'Olá']) {
      page = model.updateBlock(page, 'h1', { text })
      history = model.commit(history, page, 'h1.text')
    }
    assert.lengthOf(history.past, 1)
    page = model.updateBlock(page, 't1', { text: 'x' })
    history = model.commit(history, page, 't1.text')
    assert.lengthOf(history.past, 2)

    history = model.undo(history)
    history = model.undo(history)
    assert.strictEqual(history.present, start)
    /** After an undo the same field types into a fresh step, not into the undone one. */
    history = model.commit(history, model.updateBlock(start, 'h1', { text: 'Z' }), 'h1.text')
    assert.lengthOf(history.past, 1)
  })

  test('the history keeps at most HISTORY_LIMIT past states', ({ assert }) => {
    let history = model.historyOf(capturePage())
    for (let i = 0; i < model.HISTORY_LIMIT + 20; i++) {
      history = model.commit(history, model.updateBlock(history.present, 'h1', { text: `${i}` }))
    }
    assert.lengthOf(history.past, model.HISTORY_LIMIT)
  })
})

test.group('Page editor model: server errors on blocks', () => {
  test('sections.S.blocks.B.field lands on that block, by id', ({ assert }) => {
    const page = capturePage()
    const grouped = model.errorsByBlock(page, {
      'sections.0.blocks.1.text': 'Texto obrigatório',
      'page.sections.1.blocks.0': 'Bloco inválido',
      'sections.0.blocks.0.items.2.name': 'Nome obrigatório',
      'sections': 'Página sem formulário',
      'sections.5.blocks.0.text': 'fora da página',
    })
    assert.deepEqual(grouped, {
      't1': { text: 'Texto obrigatório' },
      'd1': { '': 'Bloco inválido' },
      'h1': { 'items.2.name': 'Nome obrigatório' },
      '': { 'sections': 'Página sem formulário', 'sections.5.blocks.0.text': 'fora da página' },
    })
  })
})
