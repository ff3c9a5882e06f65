import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'caddy.ask': { paramsTuple?: []; params?: {} }
    'caddy.ask_on_site_host': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'workspaces.index': { paramsTuple?: []; params?: {} }
    'workspaces.store': { paramsTuple?: []; params?: {} }
    'workspaces.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'workspaces.domain.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'workspaces.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'w.root': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'signup.store': { paramsTuple?: []; params?: {} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'password.email': { paramsTuple?: []; params?: {} }
    'two_factor.challenge': { paramsTuple?: []; params?: {} }
    'two_factor.verify': { paramsTuple?: []; params?: {} }
    'signup.sent': { paramsTuple?: []; params?: {} }
    'email.verify': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'profile.email.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'email.resend': { paramsTuple?: []; params?: {} }
    'profile.show': { paramsTuple?: []; params?: {} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile.email': { paramsTuple?: []; params?: {} }
    'profile.password': { paramsTuple?: []; params?: {} }
    'profile.sessions.end': { paramsTuple?: []; params?: {} }
    'two_factor.setup': { paramsTuple?: []; params?: {} }
    'two_factor.confirm': { paramsTuple?: []; params?: {} }
    'two_factor.destroy': { paramsTuple?: []; params?: {} }
    'profile.tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invitations.accept': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'team.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'audit.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'team.invite': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'team.two_factor': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'team.invitations.revoke': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'team.members.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'kind': ParamValue,'id': ParamValue} }
    'team.members.destroy': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'kind': ParamValue,'id': ParamValue} }
    'api.team.index': { paramsTuple?: []; params?: {} }
    'api.team.invite': { paramsTuple?: []; params?: {} }
    'api.team.invitations.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.team.members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'kind': ParamValue,'id': ParamValue} }
    'api.team.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'kind': ParamValue,'id': ParamValue} }
    'w.funnels.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.funnels.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.templates.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.templates.apply': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.templates.store': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.templates.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.clone': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.archive': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.unarchive': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.publish': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.changes': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.steps.store': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue} }
    'w.steps.reorder': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue} }
    'w.steps.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.steps.destroy': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.step_pages.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.step_pages.preview': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.split_tests.store': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.split_tests.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.split_tests.variants.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue,'variantId': ParamValue} }
    'w.split_tests.winner': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.step_previews.show': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.checkout.edit': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.checkout.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.checkout.preview': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.pixels.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.pixels.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.pixels.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.pixels.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.credentials.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.credentials.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.credentials.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.credentials.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.credentials.test': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.payments.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.payments.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.payments.mark': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.payments.refresh': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.visitors.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.visitors.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.monitor.show': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.dashboard': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.webhooks.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.webhooks.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.webhooks.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.webhooks.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.webhooks.rotate_secret': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.webhooks.test': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.coupons.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.coupons.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.coupons.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.deliveries.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.deliveries.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.deliveries.redeliver': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.rejected_events.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.reconciliation.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings.buyer_journey': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.recovery.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.recovery.export': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings.api_tokens': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings.api_tokens.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings.api_tokens.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.exports.csv': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'kind': ParamValue} }
    'w.exports.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.exports.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.exports.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.exports.download': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.lgpd.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.search': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.search.show': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.export': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.erase': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'agencies.brand.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agencies.brand.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agencies.brand.domain.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agencies.brand.domain.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agencies.brand.upload': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'kind': ParamValue} }
    'brand_assets.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'kind': ParamValue} }
    'w.settings.brand': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'api.webhooks.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.store': { paramsTuple?: []; params?: {} }
    'api.webhooks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.rotate_secret': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.deliveries.index': { paramsTuple?: []; params?: {} }
    'api.deliveries.stats': { paramsTuple?: []; params?: {} }
    'api.deliveries.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.deliveries.redeliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reconciliation.index': { paramsTuple?: []; params?: {} }
    'site.payments.checkout': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.payments.checkout.coupon': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.payments.upsell.accept': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.payments.cpf': { paramsTuple?: []; params?: {} }
    'site.payments.pay': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.payments.pay.status': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.payments.pay.events': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.buyer_journey.checkout.prefill': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.buyer_journey.checkout.session': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.buyer_journey.order': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.beacon': { paramsTuple?: []; params?: {} }
    'site.funnel': { paramsTuple: [ParamValue]; params: {'funnelSlug': ParamValue} }
    'site.step': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelSlug': ParamValue,'stepSlug': ParamValue} }
    'site.capture': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelSlug': ParamValue,'stepSlug': ParamValue} }
    'api.auth.login': { paramsTuple?: []; params?: {} }
    'api.auth.logout': { paramsTuple?: []; params?: {} }
    'api.auth.me': { paramsTuple?: []; params?: {} }
    'api.workspace.show': { paramsTuple?: []; params?: {} }
    'api.workspace.domain.verify': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'docs.api': { paramsTuple?: []; params?: {} }
    'docs.api.bundle': { paramsTuple?: []; params?: {} }
    'api.funnels.index': { paramsTuple?: []; params?: {} }
    'api.funnels.store': { paramsTuple?: []; params?: {} }
    'api.funnels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.clone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.unarchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.steps.index': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.steps.store': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.steps.reorder': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.steps.update': { paramsTuple: [ParamValue,ParamValue]; params: {'funnel_id': ParamValue,'id': ParamValue} }
    'api.steps.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'funnel_id': ParamValue,'id': ParamValue} }
    'api.split_tests.list': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.split_tests.store': { paramsTuple: [ParamValue,ParamValue]; params: {'funnel_id': ParamValue,'step_id': ParamValue} }
    'api.split_tests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.split_tests.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.split_tests.variants.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'variant_id': ParamValue} }
    'api.split_tests.winner': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkout.show': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelId': ParamValue,'stepId': ParamValue} }
    'api.checkout.update': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelId': ParamValue,'stepId': ParamValue} }
    'api.checkout.preview': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelId': ParamValue,'stepId': ParamValue} }
    'api.pixels.index': { paramsTuple?: []; params?: {} }
    'api.pixels.store': { paramsTuple?: []; params?: {} }
    'api.pixels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.pixels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.pixels.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.index': { paramsTuple?: []; params?: {} }
    'api.credentials.store': { paramsTuple?: []; params?: {} }
    'api.credentials.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.visitors.index': { paramsTuple?: []; params?: {} }
    'api.visitors.events': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.dashboard': { paramsTuple?: []; params?: {} }
    'api.payments.create': { paramsTuple?: []; params?: {} }
    'api.payments.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.payments.mark': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.payments.webhook': { paramsTuple?: []; params?: {} }
    'api.payments.webhook.token': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'api.coupons.index': { paramsTuple?: []; params?: {} }
    'api.coupons.store': { paramsTuple?: []; params?: {} }
    'api.coupons.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.coupons.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.lgpd.search': { paramsTuple?: []; params?: {} }
    'api.lgpd.export': { paramsTuple?: []; params?: {} }
    'api.lgpd.erase': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'caddy.ask': { paramsTuple?: []; params?: {} }
    'caddy.ask_on_site_host': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'workspaces.index': { paramsTuple?: []; params?: {} }
    'w.root': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'two_factor.challenge': { paramsTuple?: []; params?: {} }
    'signup.sent': { paramsTuple?: []; params?: {} }
    'email.verify': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'profile.email.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'profile.show': { paramsTuple?: []; params?: {} }
    'two_factor.setup': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'team.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'audit.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'api.team.index': { paramsTuple?: []; params?: {} }
    'w.funnels.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.templates.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.funnels.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.changes': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.step_previews.show': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.checkout.edit': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.pixels.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.credentials.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.payments.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.payments.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.visitors.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.visitors.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.monitor.show': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.dashboard': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.webhooks.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.coupons.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.deliveries.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.deliveries.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.rejected_events.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.reconciliation.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.recovery.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.recovery.export': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings.api_tokens': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.exports.csv': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'kind': ParamValue} }
    'w.exports.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.exports.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.exports.download': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.lgpd.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.search.show': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'agencies.brand.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brand_assets.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'kind': ParamValue} }
    'api.webhooks.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.deliveries.index': { paramsTuple?: []; params?: {} }
    'api.deliveries.stats': { paramsTuple?: []; params?: {} }
    'api.deliveries.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reconciliation.index': { paramsTuple?: []; params?: {} }
    'site.payments.pay': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.payments.pay.status': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.payments.pay.events': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.buyer_journey.checkout.prefill': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.buyer_journey.order': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.funnel': { paramsTuple: [ParamValue]; params: {'funnelSlug': ParamValue} }
    'site.step': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelSlug': ParamValue,'stepSlug': ParamValue} }
    'api.auth.me': { paramsTuple?: []; params?: {} }
    'api.workspace.show': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'docs.api': { paramsTuple?: []; params?: {} }
    'docs.api.bundle': { paramsTuple?: []; params?: {} }
    'api.funnels.index': { paramsTuple?: []; params?: {} }
    'api.funnels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.steps.index': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.split_tests.list': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.split_tests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkout.show': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelId': ParamValue,'stepId': ParamValue} }
    'api.pixels.index': { paramsTuple?: []; params?: {} }
    'api.pixels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.index': { paramsTuple?: []; params?: {} }
    'api.credentials.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.visitors.index': { paramsTuple?: []; params?: {} }
    'api.visitors.events': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.dashboard': { paramsTuple?: []; params?: {} }
    'api.payments.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.coupons.index': { paramsTuple?: []; params?: {} }
    'api.coupons.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'event_stream': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'caddy.ask': { paramsTuple?: []; params?: {} }
    'caddy.ask_on_site_host': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'workspaces.index': { paramsTuple?: []; params?: {} }
    'w.root': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'signup.create': { paramsTuple?: []; params?: {} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'two_factor.challenge': { paramsTuple?: []; params?: {} }
    'signup.sent': { paramsTuple?: []; params?: {} }
    'email.verify': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'profile.email.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'profile.show': { paramsTuple?: []; params?: {} }
    'two_factor.setup': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'team.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'audit.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'api.team.index': { paramsTuple?: []; params?: {} }
    'w.funnels.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.templates.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.funnels.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.changes': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.step_previews.show': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.checkout.edit': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.pixels.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.credentials.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.payments.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.payments.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.visitors.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.visitors.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.monitor.show': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.dashboard': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.webhooks.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.coupons.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.deliveries.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.deliveries.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.rejected_events.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.reconciliation.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.recovery.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.recovery.export': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.settings.api_tokens': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.exports.csv': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'kind': ParamValue} }
    'w.exports.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.exports.show': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.exports.download': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.lgpd.index': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.search.show': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'agencies.brand.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brand_assets.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'kind': ParamValue} }
    'api.webhooks.index': { paramsTuple?: []; params?: {} }
    'api.webhooks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.deliveries.index': { paramsTuple?: []; params?: {} }
    'api.deliveries.stats': { paramsTuple?: []; params?: {} }
    'api.deliveries.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.reconciliation.index': { paramsTuple?: []; params?: {} }
    'site.payments.pay': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.payments.pay.status': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.payments.pay.events': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.buyer_journey.checkout.prefill': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.buyer_journey.order': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'site.funnel': { paramsTuple: [ParamValue]; params: {'funnelSlug': ParamValue} }
    'site.step': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelSlug': ParamValue,'stepSlug': ParamValue} }
    'api.auth.me': { paramsTuple?: []; params?: {} }
    'api.workspace.show': { paramsTuple?: []; params?: {} }
    'api.openapi': { paramsTuple?: []; params?: {} }
    'docs.api': { paramsTuple?: []; params?: {} }
    'docs.api.bundle': { paramsTuple?: []; params?: {} }
    'api.funnels.index': { paramsTuple?: []; params?: {} }
    'api.funnels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.steps.index': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.split_tests.list': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.split_tests.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkout.show': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelId': ParamValue,'stepId': ParamValue} }
    'api.pixels.index': { paramsTuple?: []; params?: {} }
    'api.pixels.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.index': { paramsTuple?: []; params?: {} }
    'api.credentials.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.visitors.index': { paramsTuple?: []; params?: {} }
    'api.visitors.events': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.analytics.dashboard': { paramsTuple?: []; params?: {} }
    'api.payments.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.coupons.index': { paramsTuple?: []; params?: {} }
    'api.coupons.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'event_stream': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'session.store': { paramsTuple?: []; params?: {} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'workspaces.store': { paramsTuple?: []; params?: {} }
    'workspaces.domain.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'workspaces.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'signup.store': { paramsTuple?: []; params?: {} }
    'password.email': { paramsTuple?: []; params?: {} }
    'two_factor.verify': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'email.resend': { paramsTuple?: []; params?: {} }
    'profile.email': { paramsTuple?: []; params?: {} }
    'profile.sessions.end': { paramsTuple?: []; params?: {} }
    'two_factor.confirm': { paramsTuple?: []; params?: {} }
    'invitations.accept': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'team.invite': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'api.team.invite': { paramsTuple?: []; params?: {} }
    'w.funnels.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.templates.apply': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.templates.store': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.clone': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.archive': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.unarchive': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.publish': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.steps.store': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue} }
    'w.step_pages.preview': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.split_tests.store': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.split_tests.winner': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.checkout.preview': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.pixels.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.credentials.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.credentials.test': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.payments.mark': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.payments.refresh': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.webhooks.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.webhooks.rotate_secret': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.webhooks.test': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.coupons.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.deliveries.redeliver': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.settings.api_tokens.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.exports.store': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.search': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.export': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'w.lgpd.erase': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'agencies.brand.domain.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agencies.brand.upload': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'kind': ParamValue} }
    'api.webhooks.store': { paramsTuple?: []; params?: {} }
    'api.webhooks.rotate_secret': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.webhooks.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.deliveries.redeliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'site.payments.checkout': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.payments.checkout.coupon': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.payments.upsell.accept': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.payments.cpf': { paramsTuple?: []; params?: {} }
    'site.buyer_journey.checkout.session': { paramsTuple: [ParamValue]; params: {'stepId': ParamValue} }
    'site.beacon': { paramsTuple?: []; params?: {} }
    'site.capture': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelSlug': ParamValue,'stepSlug': ParamValue} }
    'api.auth.login': { paramsTuple?: []; params?: {} }
    'api.auth.logout': { paramsTuple?: []; params?: {} }
    'api.workspace.domain.verify': { paramsTuple?: []; params?: {} }
    'api.funnels.store': { paramsTuple?: []; params?: {} }
    'api.funnels.clone': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.unarchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.steps.store': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.split_tests.store': { paramsTuple: [ParamValue,ParamValue]; params: {'funnel_id': ParamValue,'step_id': ParamValue} }
    'api.split_tests.winner': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.checkout.preview': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelId': ParamValue,'stepId': ParamValue} }
    'api.pixels.store': { paramsTuple?: []; params?: {} }
    'api.credentials.store': { paramsTuple?: []; params?: {} }
    'api.credentials.test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.payments.create': { paramsTuple?: []; params?: {} }
    'api.payments.mark': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.payments.webhook': { paramsTuple?: []; params?: {} }
    'api.payments.webhook.token': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'api.coupons.store': { paramsTuple?: []; params?: {} }
    'api.lgpd.search': { paramsTuple?: []; params?: {} }
    'api.lgpd.export': { paramsTuple?: []; params?: {} }
    'api.lgpd.erase': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'workspaces.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'profile.update': { paramsTuple?: []; params?: {} }
    'profile.password': { paramsTuple?: []; params?: {} }
    'team.two_factor': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'team.members.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'kind': ParamValue,'id': ParamValue} }
    'api.team.members.update': { paramsTuple: [ParamValue,ParamValue]; params: {'kind': ParamValue,'id': ParamValue} }
    'w.funnels.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.steps.reorder': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue} }
    'w.steps.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.step_pages.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.split_tests.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.split_tests.variants.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue,'variantId': ParamValue} }
    'w.checkout.update': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.pixels.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.credentials.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.webhooks.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.coupons.update': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.settings.buyer_journey': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'agencies.brand.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'agencies.brand.domain.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'w.settings.brand': { paramsTuple: [ParamValue]; params: {'workspaceSlug': ParamValue} }
    'api.webhooks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.steps.reorder': { paramsTuple: [ParamValue]; params: {'funnel_id': ParamValue} }
    'api.steps.update': { paramsTuple: [ParamValue,ParamValue]; params: {'funnel_id': ParamValue,'id': ParamValue} }
    'api.split_tests.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.split_tests.variants.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'variant_id': ParamValue} }
    'api.checkout.update': { paramsTuple: [ParamValue,ParamValue]; params: {'funnelId': ParamValue,'stepId': ParamValue} }
    'api.pixels.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.coupons.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'two_factor.destroy': { paramsTuple?: []; params?: {} }
    'profile.tokens.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'team.invitations.revoke': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'team.members.destroy': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'kind': ParamValue,'id': ParamValue} }
    'api.team.invitations.revoke': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.team.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'kind': ParamValue,'id': ParamValue} }
    'w.templates.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.funnels.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.steps.destroy': { paramsTuple: [ParamValue,ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'funnelId': ParamValue,'stepId': ParamValue} }
    'w.pixels.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.credentials.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.webhooks.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'w.settings.api_tokens.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'workspaceSlug': ParamValue,'id': ParamValue} }
    'api.webhooks.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.funnels.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.steps.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'funnel_id': ParamValue,'id': ParamValue} }
    'api.pixels.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.credentials.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}