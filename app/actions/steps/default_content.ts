import type { StepType } from '#enums/funnels'
import type { StepContent } from '../../types/step_content.js'
import { t, type Locale } from '#services/i18n'

/**
 * What a new step shows before it is edited, in the user's language. Every field the contract
 * requires is present; the VSL's video URL stays empty until the user pastes one.
 */
export function defaultStepContent(stepType: StepType, locale: Locale): StepContent {
  const text = (key: string) => t(locale, `funnels.defaults.${stepType}.${key}`)
  switch (stepType) {
    case 'capture':
      return {
        headline: text('headline'),
        text: text('text'),
        fields: ['name', 'email'],
        buttonLabel: text('button_label'),
      }
    case 'vsl':
      return {
        headline: text('headline'),
        videoUrl: '',
        ctaLabel: text('cta_label'),
        ctaDelaySeconds: 0,
      }
    case 'checkout':
      return { headline: text('headline') }
    case 'upsell':
      return {
        headline: text('headline'),
        offer: { name: text('offer_name'), priceCents: 4700 },
        acceptLabel: text('accept_label'),
        declineLabel: text('decline_label'),
      }
    case 'thankyou':
      return { message: text('message'), links: [] }
  }
}
