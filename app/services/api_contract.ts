import type { VineValidator } from '@vinejs/vine'
import { apiLoginValidator } from '#validators/auth'
import {
  cloneFunnelValidator,
  createFunnelValidator,
  listFunnelsValidator,
  updateFunnelValidator,
} from '#validators/funnel'
import { createStepValidator, reorderStepsValidator, updateStepValidator } from '#validators/step'
import { checkoutConfigValidator } from '#validators/checkout'
import { pixelFilterValidator, pixelValidator } from '#validators/pixel'
import {
  createCredentialValidator,
  credentialFilterValidator,
  updateCredentialValidator,
} from '#validators/credential'
import { createPaymentValidator, markSandboxValidator } from '#validators/payment'
import { listVisitorEventsValidator, listVisitorsValidator } from '#validators/visitor'
import { dashboardValidator } from '#validators/analytics'
import { paginationValidator } from '#services/pagination'
import type { ShapeSpec } from '#services/api_shape'
import { webhookEndpointValidator } from '#validators/webhook_endpoint'
import { changeRoleValidator, inviteValidator } from '#validators/team'
import { deliveryFiltersValidator } from '#validators/delivery'
import { reconciliationFiltersValidator } from '#validators/reconciliation'
import { lgpdEraseValidator, lgpdExportValidator, lgpdSearchValidator } from '#validators/lgpd'
import { couponValidator } from '#validators/coupon'
import {
  createSplitTestValidator,
  declareWinnerValidator,
  updateSplitTestValidator,
  updateSplitVariantValidator,
} from '#validators/split_test'

type AnyValidator = VineValidator<any, any>

/** What one JSON API route accepts, beyond its path: read by the shape adapter and the docs. */
export interface RouteContract {
  summary: string
  /** The body validator(s) the controller runs. */
  body?: AnyValidator[]
  /** The query-string validator(s) the controller runs. */
  query?: AnyValidator[]
  aliases?: ShapeSpec['aliases']
  money?: ShapeSpec['money']
  renameInside?: ShapeSpec['renameInside']
  /** Body keys accepted and dropped on purpose (documented): values the server decides. */
  ignored?: string[]
  /** A request body in the seed's shape, shown in the docs and sent by the contract tests. */
  example?: Record<string, unknown>
}

const CHECKOUT_EXAMPLE = {
  product_name: 'Curso de Confeitaria',
  product_price: 197.9,
  payment_methods: ['pix'],
  fields_config: { name: true, email: true, phone: true, cpf: true },
  design_config: { primary_color: '#7c3aed' },
}

const WEBHOOK_EXAMPLE = {
  name: 'ERP',
  url: 'https://erp.exemplo.com.br/webhooks/funil',
  events: ['payment.paid'],
}

const COUPON_EXAMPLE = {
  code: 'BLACK10',
  discount_type: 'percent',
  percent_off: 10,
  max_uses: 100,
  max_uses_per_buyer: 1,
  min_order_cents: 5000,
  expires_at: '2026-12-31T23:59:00-03:00',
  funnel_ids: [12],
}

const PRODUCT_PRICE = { product_price: 'productPriceCents', productPrice: 'productPriceCents' }

/**
 * Every JSON API route by name. The seed's routes plus ours (archive, sandbox mark, tests);
 * the contract test fails when an `/api` route is missing here.
 */
export const API_CONTRACT: Record<string, RouteContract> = {
  'api.auth.login': {
    summary: 'Sign in: an access token',
    body: [apiLoginValidator],
    example: { email: 'ana@exemplo.com.br', password: '••••••••', workspace: 'doces-da-ana' },
  },
  'api.auth.logout': { summary: 'Revoke the token of this request' },
  'api.openapi': { summary: 'This OpenAPI document' },
  'api.auth.me': { summary: 'The user, its workspaces and the token’s workspace' },
  'api.workspace.show': { summary: 'The request’s workspace' },
  'api.workspace.domain.verify': { summary: 'Check the custom domain’s DNS now' },

  'api.funnels.index': { summary: 'List funnels', query: [listFunnelsValidator] },
  'api.funnels.store': {
    summary: 'Create a funnel',
    body: [createFunnelValidator],
    example: { name: 'Lançamento Black Friday', niche: 'confeitaria', is_active: false },
  },
  'api.funnels.show': { summary: 'A funnel with its steps' },
  'api.funnels.update': {
    summary: 'Update a funnel',
    body: [updateFunnelValidator],
    example: { is_active: true, description: 'Aberto até domingo' },
  },
  'api.funnels.destroy': { summary: 'Delete a funnel (409 once it has payments)' },
  'api.funnels.clone': {
    summary: 'Clone a funnel',
    body: [cloneFunnelValidator],
    example: { name: 'Lançamento (cópia)' },
  },
  'api.funnels.archive': { summary: 'Archive a funnel (its pages go offline)' },
  'api.funnels.unarchive': { summary: 'Bring an archived funnel back' },
  'api.funnels.publish': {
    summary:
      'Publish the draft: the public pages, checkout and upsell prices switch to it (201; 200 with `changed: false` when nothing changed). A new funnel has `status: "draft"` and a 404 public address until then',
  },
  'api.funnels.changes': {
    summary:
      'What publishing now would change: steps added/removed/renamed/moved, content, blocks, prices',
  },

  'api.steps.index': { summary: 'List a funnel’s steps in order' },
  'api.steps.store': {
    summary: 'Add a step (at the end, or at `orderIndex`)',
    body: [createStepValidator],
    renameInside: ['content'],
    example: {
      name: 'Obrigado',
      step_type: 'thankyou',
      order_index: 2,
      content: { message: 'Valeu!' },
    },
  },
  'api.steps.reorder': {
    summary: 'Reorder a funnel’s steps',
    body: [reorderStepsValidator],
    aliases: { step_ids: 'ids' },
    example: { ids: [31, 29, 30] },
  },
  'api.steps.update': {
    summary: 'Update a step (`orderIndex` moves it)',
    body: [updateStepValidator],
    renameInside: ['content'],
    example: { order_index: 0, is_active: true },
  },
  'api.steps.destroy': { summary: 'Delete a step' },

  'api.split_tests.list': { summary: 'A funnel’s A/B split tests with their variants' },
  'api.split_tests.store': {
    summary:
      'Start an A/B split test on a step: the first variant is the control (the step), the others copies of it',
    body: [createSplitTestValidator],
    example: {
      name: 'Headline da captura',
      variants: [
        { name: 'Controle (A)', weight: 50 },
        { name: 'Variante B', weight: 50 },
      ],
    },
  },
  'api.split_tests.show': {
    summary:
      'A split test with per-variant results: visitors, next-step and paid conversion, revenue, P(beats control) and chi-square p-value',
  },
  'api.split_tests.update': {
    summary: 'Rename a split test, change its variants’ names and traffic weights (0–100)',
    body: [updateSplitTestValidator],
    example: {
      variants: [
        { id: 12, weight: 70 },
        { id: 13, weight: 30 },
      ],
    },
  },
  'api.split_tests.variants.update': {
    summary: 'Edit a variant: name, weight, its own content and (checkout) its own checkout config',
    body: [updateSplitVariantValidator],
    renameInside: ['content', 'checkoutConfig'],
    example: { name: 'Variante B', content: { headline: 'Aprenda confeitaria em 30 dias' } },
  },
  'api.split_tests.winner': {
    summary: 'Declare the winner: it becomes the step, the other variants are archived',
    body: [declareWinnerValidator],
    example: { variant_id: 13 },
  },

  'api.checkout.show': { summary: 'A checkout step’s configuration' },
  'api.checkout.update': {
    summary: 'Create or update a checkout configuration',
    body: [checkoutConfigValidator],
    money: PRODUCT_PRICE,
    example: CHECKOUT_EXAMPLE,
  },
  'api.checkout.preview': {
    summary: 'Render the checkout with unsaved changes (HTML)',
    body: [checkoutConfigValidator],
    money: PRODUCT_PRICE,
    example: CHECKOUT_EXAMPLE,
  },

  'api.pixels.index': {
    summary: 'List tracking pixels',
    query: [paginationValidator, pixelFilterValidator],
  },
  'api.pixels.store': {
    summary: 'Create a tracking pixel',
    body: [pixelValidator],
    example: {
      funnel_id: 12,
      pixel_type: 'facebook',
      pixel_id: '123456789012345',
      event_name: 'Lead',
      is_active: true,
    },
  },
  'api.pixels.show': { summary: 'A tracking pixel' },
  'api.pixels.update': {
    summary: 'Update a tracking pixel',
    body: [pixelValidator],
    example: { event_name: 'Purchase', is_active: false },
  },
  'api.pixels.destroy': { summary: 'Delete a tracking pixel' },

  'api.credentials.index': {
    summary: 'List credentials (secrets masked)',
    query: [paginationValidator, credentialFilterValidator],
  },
  'api.credentials.store': {
    summary: 'Create a credential',
    body: [createCredentialValidator],
    example: { name: 'SkalePay', service: 'skalepay', api_key: 'sk_live_…', is_active: true },
  },
  'api.credentials.show': { summary: 'A credential (secrets masked)' },
  'api.credentials.update': {
    summary: 'Update a credential',
    body: [updateCredentialValidator],
    example: { is_active: false },
  },
  'api.credentials.destroy': { summary: 'Delete a credential' },
  'api.credentials.test': { summary: 'Test a credential against its service' },

  'api.visitors.index': {
    summary: 'List visitors (online by default)',
    query: [listVisitorsValidator],
  },
  'api.visitors.events': { summary: 'A visitor’s events', query: [listVisitorEventsValidator] },
  'api.analytics.dashboard': {
    summary: 'Dashboard numbers (last 30 days by default)',
    query: [dashboardValidator],
  },

  'api.payments.create': {
    summary: 'Create a PIX payment',
    body: [createPaymentValidator],
    /** The seed's payments row has `amount`/`currency`: the server prices from the checkout. */
    ignored: ['amount', 'amountCents', 'priceCents', 'currency'],
    example: {
      funnel_id: 12,
      step_id: 30,
      customer: { name: 'Maria da Silva', email: 'maria@exemplo.com.br', cpf: '529.982.247-25' },
      coupon: 'BLACK10',
    },
  },
  'api.payments.status': { summary: 'A payment’s status' },
  'api.payments.mark': {
    summary: 'Sandbox only: mark a payment paid or refused',
    body: [markSandboxValidator],
    example: { status: 'paid' },
  },

  'api.payments.webhook': { summary: 'Gateway postback (legacy path, token in the body)' },
  'api.payments.webhook.token': { summary: 'Gateway postback (the workspace’s secret URL)' },

  'api.team.index': { summary: 'Members and pending invitations' },
  'api.team.invite': {
    summary: 'Invite someone by e-mail',
    body: [inviteValidator],
    example: { email: 'joao@exemplo.com.br', role: 'editor' },
  },
  'api.team.invitations.revoke': { summary: 'Revoke an invitation' },
  'api.team.members.update': {
    summary: 'Change a member’s role',
    body: [changeRoleValidator],
    example: { role: 'viewer' },
  },
  'api.team.members.destroy': { summary: 'Remove a member' },

  'api.webhooks.index': {
    summary: 'List outgoing webhook endpoints',
    query: [paginationValidator],
  },
  'api.webhooks.store': {
    summary: 'Create a webhook endpoint',
    body: [webhookEndpointValidator],
    example: WEBHOOK_EXAMPLE,
  },
  'api.webhooks.show': { summary: 'A webhook endpoint' },
  'api.webhooks.update': {
    summary: 'Update a webhook endpoint',
    body: [webhookEndpointValidator],
    example: { ...WEBHOOK_EXAMPLE, is_active: false },
  },
  'api.webhooks.destroy': { summary: 'Delete a webhook endpoint' },
  'api.webhooks.rotate_secret': { summary: 'Rotate a webhook endpoint’s signing secret' },
  'api.webhooks.test': { summary: 'Send a test event to a webhook endpoint' },

  'api.coupons.index': {
    summary: 'List discount coupons with usage',
    query: [paginationValidator],
  },
  'api.coupons.store': {
    summary: 'Create a discount coupon (percent 1–99 or a fixed amount in cents)',
    body: [couponValidator],
    example: COUPON_EXAMPLE,
  },
  'api.coupons.show': { summary: 'A discount coupon with its usage' },
  'api.coupons.update': {
    summary: 'Update a coupon (send only what changes; `is_active: false` deactivates)',
    body: [couponValidator],
    example: { is_active: false },
  },

  'api.deliveries.index': { summary: 'Postback deliveries', query: [deliveryFiltersValidator] },
  'api.deliveries.stats': {
    summary: 'Postback delivery counts',
    query: [deliveryFiltersValidator],
  },
  'api.deliveries.show': { summary: 'One postback delivery with its attempts' },
  'api.deliveries.redeliver': { summary: 'Send a postback delivery again' },
  'api.reconciliation.index': {
    summary: 'Payments whose gateway and local status disagree',
    query: [reconciliationFiltersValidator],
  },
  'api.lgpd.search': {
    summary:
      'LGPD: find a data subject by e-mail, CPF or phone (counts per table, postbacks already sent)',
    body: [lgpdSearchValidator],
    example: { email: 'maria@exemplo.com.br', cpf: '529.982.247-25' },
  },
  'api.lgpd.export': {
    summary: 'LGPD: everything held about a data subject, as JSON (default) or CSV',
    body: [lgpdExportValidator],
    example: { email: 'maria@exemplo.com.br', format: 'json' },
  },
  'api.lgpd.erase': {
    summary:
      'LGPD: anonymise a data subject (payments kept without personal data); lists postbacks already sent',
    body: [lgpdEraseValidator],
    example: { email: 'maria@exemplo.com.br', confirm: 'ANONIMIZAR' },
  },
}

/** The adapter's view of a route's body or query: the validators' schemas merged. */
export function shapeSpec(contract: RouteContract, part: 'body' | 'query'): ShapeSpec | null {
  const validators = contract[part]
  if (!validators?.length) return null
  return {
    schema: { anyOf: validators.map((validator) => validator.toJSONSchema() as any) },
    aliases: contract.aliases,
    money: part === 'body' ? contract.money : undefined,
    renameInside: contract.renameInside,
    ignored: part === 'body' ? contract.ignored : undefined,
  }
}
