import type { ComponentType } from 'react'
import { CirclePlayIcon, GiftIcon, MailIcon, PartyPopperIcon, ShoppingCartIcon } from 'lucide-react'
import type { Translate } from '~/lib/i18n'
import type { Data } from '@generated/data'

type StepType = Data.Step['stepType']

/** The icon of each step type, in the list and the type picker. */
export const STEP_TYPE_ICONS: Record<StepType, ComponentType<{ className?: string }>> = {
  capture: MailIcon,
  vsl: CirclePlayIcon,
  checkout: ShoppingCartIcon,
  upsell: GiftIcon,
  thankyou: PartyPopperIcon,
}

/** What a step shows before it is edited; mirrors the server's starter content. */
export function defaultContent(type: StepType, t: Translate): Record<string, unknown> {
  const text = (key: string) => t(`funnels.defaults.${type}.${key}`)
  switch (type) {
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
