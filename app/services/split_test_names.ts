import { t, type Locale } from '#services/i18n'

/**
 * The names a split test gets when the request names none ("Teste A/B: {step}", "Controle (A)",
 * "Variante B"), in the request's language. The controllers pass them to CreateSplitTest, which
 * stores what it is given and never translates (the language is the edge's business).
 */
export interface SplitTestNames {
  test: string
  control: string
  challenger: string
}

export function defaultSplitTestNames(locale: Locale, stepName: string): SplitTestNames {
  return {
    test: t(locale, 'split_tests.default.name', { step: stepName }),
    control: t(locale, 'split_tests.default.control'),
    challenger: t(locale, 'split_tests.default.challenger'),
  }
}
