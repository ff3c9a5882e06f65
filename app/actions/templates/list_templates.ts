import type User from '#models/user'
import type Workspace from '#models/workspace'
import FunnelTemplate from '#models/funnel_template'
import { BUILTIN_TEMPLATES } from '#database/templates/index'
import type { Locale } from '#services/i18n'
import type { FunnelSnapshot } from '../../types/funnel_snapshot.js'
import { agencyTemplatesAllowed } from '#actions/templates/template_access'

/** A card of the "Novo funil" gallery. */
export interface TemplateCard {
  /** A built-in key (`lancamento-vsl`) or an agency template's id, as a string. */
  id: string
  source: 'builtin' | 'agency'
  name: string
  description: string | null
  /** The step chain, in order (the card draws one icon per step). */
  steps: Array<{ name: string; stepType: string }>
  /** The product and price of the first checkout, if any (integer cents). */
  product: { name: string; priceCents: number } | null
  createdAt: string | null
  can: { delete: boolean }
}

function card(
  id: string,
  source: TemplateCard['source'],
  snapshot: FunnelSnapshot,
  extra: { name?: string; description?: string | null; createdAt?: string | null } = {}
): TemplateCard {
  const checkout = snapshot.checkoutConfigs[0]
  return {
    id,
    source,
    name: extra.name ?? snapshot.funnel.name,
    description: extra.description !== undefined ? extra.description : snapshot.funnel.description,
    steps: snapshot.steps.map((step) => ({ name: step.name, stepType: step.stepType })),
    product: checkout
      ? { name: checkout.productName, priceCents: checkout.productPriceCents }
      : null,
    createdAt: extra.createdAt ?? null,
    can: { delete: source === 'agency' },
  }
}

/**
 * The gallery: the built-in templates in the user's language, then the agency's own (newest
 * first) when the user is a member of the agency who may write. A client login (a member of one
 * workspace only) sees the built-ins alone: an agency template may carry another client's copy.
 */
export default class ListTemplates {
  static async handle({
    workspace,
    user,
    locale,
  }: {
    workspace: Workspace
    user: User
    locale: Locale
  }): Promise<TemplateCard[]> {
    const builtins = BUILTIN_TEMPLATES.map((template) =>
      card(template.key, 'builtin', template.build(locale))
    )
    if (!(await agencyTemplatesAllowed(user, workspace))) return builtins
    const own = await FunnelTemplate.forAgency(workspace.agencyId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
    return [
      ...builtins,
      ...own.map((template) =>
        card(String(template.id), 'agency', template.snapshot, {
          name: template.name,
          description: template.description,
          createdAt: template.createdAt.toISO(),
        })
      ),
    ]
  }
}
