/* eslint-disable prettier/prettier */
import type { routes } from './index.ts'

export interface ApiDefinition {
  health: {
    live: typeof routes['health.live']
    ready: typeof routes['health.ready']
  }
  caddy: {
    ask: typeof routes['caddy.ask']
    askOnSiteHost: typeof routes['caddy.ask_on_site_host']
  }
  session: {
    create: typeof routes['session.create']
    store: typeof routes['session.store']
    destroy: typeof routes['session.destroy']
  }
  locale: {
    update: typeof routes['locale.update']
  }
  home: typeof routes['home']
  workspaces: {
    index: typeof routes['workspaces.index']
    store: typeof routes['workspaces.store']
    update: typeof routes['workspaces.update']
    domain: {
      verify: typeof routes['workspaces.domain.verify']
    }
    archive: typeof routes['workspaces.archive']
  }
  w: {
    root: typeof routes['w.root']
    settings: typeof routes['w.settings'] & {
      buyerJourney: typeof routes['w.settings.buyer_journey']
      apiTokens: typeof routes['w.settings.api_tokens'] & {
        store: typeof routes['w.settings.api_tokens.store']
        destroy: typeof routes['w.settings.api_tokens.destroy']
      }
      brand: typeof routes['w.settings.brand']
    }
    funnels: {
      index: typeof routes['w.funnels.index']
      store: typeof routes['w.funnels.store']
      show: typeof routes['w.funnels.show']
      update: typeof routes['w.funnels.update']
      destroy: typeof routes['w.funnels.destroy']
      clone: typeof routes['w.funnels.clone']
      archive: typeof routes['w.funnels.archive']
      unarchive: typeof routes['w.funnels.unarchive']
      publish: typeof routes['w.funnels.publish']
      changes: typeof routes['w.funnels.changes']
    }
    templates: {
      index: typeof routes['w.templates.index']
      apply: typeof routes['w.templates.apply']
      store: typeof routes['w.templates.store']
      destroy: typeof routes['w.templates.destroy']
    }
    steps: {
      store: typeof routes['w.steps.store']
      reorder: typeof routes['w.steps.reorder']
      update: typeof routes['w.steps.update']
      destroy: typeof routes['w.steps.destroy']
    }
    stepPages: {
      update: typeof routes['w.step_pages.update']
      preview: typeof routes['w.step_pages.preview']
    }
    splitTests: {
      store: typeof routes['w.split_tests.store']
      update: typeof routes['w.split_tests.update']
      variants: {
        update: typeof routes['w.split_tests.variants.update']
      }
      winner: typeof routes['w.split_tests.winner']
    }
    stepPreviews: {
      show: typeof routes['w.step_previews.show']
    }
    checkout: {
      edit: typeof routes['w.checkout.edit']
      update: typeof routes['w.checkout.update']
      preview: typeof routes['w.checkout.preview']
    }
    pixels: {
      index: typeof routes['w.pixels.index']
      store: typeof routes['w.pixels.store']
      update: typeof routes['w.pixels.update']
      destroy: typeof routes['w.pixels.destroy']
    }
    credentials: {
      index: typeof routes['w.credentials.index']
      store: typeof routes['w.credentials.store']
      update: typeof routes['w.credentials.update']
      destroy: typeof routes['w.credentials.destroy']
      test: typeof routes['w.credentials.test']
    }
    payments: {
      index: typeof routes['w.payments.index']
      show: typeof routes['w.payments.show']
      mark: typeof routes['w.payments.mark']
      refresh: typeof routes['w.payments.refresh']
    }
    visitors: {
      index: typeof routes['w.visitors.index']
      show: typeof routes['w.visitors.show']
    }
    monitor: {
      show: typeof routes['w.monitor.show']
    }
    dashboard: typeof routes['w.dashboard']
    webhooks: {
      index: typeof routes['w.webhooks.index']
      store: typeof routes['w.webhooks.store']
      update: typeof routes['w.webhooks.update']
      destroy: typeof routes['w.webhooks.destroy']
      rotateSecret: typeof routes['w.webhooks.rotate_secret']
      test: typeof routes['w.webhooks.test']
    }
    coupons: {
      index: typeof routes['w.coupons.index']
      store: typeof routes['w.coupons.store']
      update: typeof routes['w.coupons.update']
    }
    deliveries: {
      index: typeof routes['w.deliveries.index']
      show: typeof routes['w.deliveries.show']
      redeliver: typeof routes['w.deliveries.redeliver']
    }
    rejectedEvents: {
      index: typeof routes['w.rejected_events.index']
    }
    reconciliation: {
      index: typeof routes['w.reconciliation.index']
    }
    recovery: {
      index: typeof routes['w.recovery.index']
      export: typeof routes['w.recovery.export']
    }
    exports: {
      csv: typeof routes['w.exports.csv']
      index: typeof routes['w.exports.index']
      store: typeof routes['w.exports.store']
      show: typeof routes['w.exports.show']
      download: typeof routes['w.exports.download']
    }
    lgpd: {
      index: typeof routes['w.lgpd.index']
      search: typeof routes['w.lgpd.search'] & {
        show: typeof routes['w.lgpd.search.show']
      }
      export: typeof routes['w.lgpd.export']
      erase: typeof routes['w.lgpd.erase']
    }
  }
  signup: {
    create: typeof routes['signup.create']
    store: typeof routes['signup.store']
    sent: typeof routes['signup.sent']
  }
  password: {
    forgot: typeof routes['password.forgot']
    email: typeof routes['password.email']
    reset: typeof routes['password.reset']
    update: typeof routes['password.update']
  }
  twoFactor: {
    challenge: typeof routes['two_factor.challenge']
    verify: typeof routes['two_factor.verify']
    setup: typeof routes['two_factor.setup']
    confirm: typeof routes['two_factor.confirm']
    destroy: typeof routes['two_factor.destroy']
  }
  email: {
    verify: typeof routes['email.verify']
    resend: typeof routes['email.resend']
  }
  profile: {
    email: typeof routes['profile.email'] & {
      confirm: typeof routes['profile.email.confirm']
    }
    show: typeof routes['profile.show']
    update: typeof routes['profile.update']
    password: typeof routes['profile.password']
    sessions: {
      end: typeof routes['profile.sessions.end']
    }
    tokens: {
      destroy: typeof routes['profile.tokens.destroy']
    }
  }
  outbox: {
    index: typeof routes['outbox.index']
    show: typeof routes['outbox.show']
    html: typeof routes['outbox.html']
  }
  invitations: {
    show: typeof routes['invitations.show']
    accept: typeof routes['invitations.accept']
  }
  team: {
    index: typeof routes['team.index']
    invite: typeof routes['team.invite']
    twoFactor: typeof routes['team.two_factor']
    invitations: {
      revoke: typeof routes['team.invitations.revoke']
    }
    members: {
      update: typeof routes['team.members.update']
      destroy: typeof routes['team.members.destroy']
    }
  }
  audit: {
    index: typeof routes['audit.index']
  }
  api: {
    team: {
      index: typeof routes['api.team.index']
      invite: typeof routes['api.team.invite']
      invitations: {
        revoke: typeof routes['api.team.invitations.revoke']
      }
      members: {
        update: typeof routes['api.team.members.update']
        destroy: typeof routes['api.team.members.destroy']
      }
    }
    webhooks: {
      index: typeof routes['api.webhooks.index']
      store: typeof routes['api.webhooks.store']
      show: typeof routes['api.webhooks.show']
      update: typeof routes['api.webhooks.update']
      destroy: typeof routes['api.webhooks.destroy']
      rotateSecret: typeof routes['api.webhooks.rotate_secret']
      test: typeof routes['api.webhooks.test']
    }
    deliveries: {
      index: typeof routes['api.deliveries.index']
      stats: typeof routes['api.deliveries.stats']
      show: typeof routes['api.deliveries.show']
      redeliver: typeof routes['api.deliveries.redeliver']
    }
    reconciliation: {
      index: typeof routes['api.reconciliation.index']
    }
    auth: {
      login: typeof routes['api.auth.login']
      logout: typeof routes['api.auth.logout']
      me: typeof routes['api.auth.me']
    }
    workspace: {
      show: typeof routes['api.workspace.show']
      domain: {
        verify: typeof routes['api.workspace.domain.verify']
      }
    }
    openapi: typeof routes['api.openapi']
    funnels: {
      index: typeof routes['api.funnels.index']
      store: typeof routes['api.funnels.store']
      show: typeof routes['api.funnels.show']
      update: typeof routes['api.funnels.update']
      destroy: typeof routes['api.funnels.destroy']
      clone: typeof routes['api.funnels.clone']
      archive: typeof routes['api.funnels.archive']
      unarchive: typeof routes['api.funnels.unarchive']
      publish: typeof routes['api.funnels.publish']
      changes: typeof routes['api.funnels.changes']
    }
    steps: {
      index: typeof routes['api.steps.index']
      store: typeof routes['api.steps.store']
      reorder: typeof routes['api.steps.reorder']
      update: typeof routes['api.steps.update']
      destroy: typeof routes['api.steps.destroy']
    }
    splitTests: {
      list: typeof routes['api.split_tests.list']
      store: typeof routes['api.split_tests.store']
      show: typeof routes['api.split_tests.show']
      update: typeof routes['api.split_tests.update']
      variants: {
        update: typeof routes['api.split_tests.variants.update']
      }
      winner: typeof routes['api.split_tests.winner']
    }
    checkout: {
      show: typeof routes['api.checkout.show']
      update: typeof routes['api.checkout.update']
      preview: typeof routes['api.checkout.preview']
    }
    pixels: {
      index: typeof routes['api.pixels.index']
      store: typeof routes['api.pixels.store']
      show: typeof routes['api.pixels.show']
      update: typeof routes['api.pixels.update']
      destroy: typeof routes['api.pixels.destroy']
    }
    credentials: {
      index: typeof routes['api.credentials.index']
      store: typeof routes['api.credentials.store']
      show: typeof routes['api.credentials.show']
      update: typeof routes['api.credentials.update']
      destroy: typeof routes['api.credentials.destroy']
      test: typeof routes['api.credentials.test']
    }
    visitors: {
      index: typeof routes['api.visitors.index']
      events: typeof routes['api.visitors.events']
    }
    analytics: {
      dashboard: typeof routes['api.analytics.dashboard']
    }
    payments: {
      create: typeof routes['api.payments.create']
      status: typeof routes['api.payments.status']
      mark: typeof routes['api.payments.mark']
      webhook: typeof routes['api.payments.webhook'] & {
        token: typeof routes['api.payments.webhook.token']
      }
    }
    coupons: {
      index: typeof routes['api.coupons.index']
      store: typeof routes['api.coupons.store']
      show: typeof routes['api.coupons.show']
      update: typeof routes['api.coupons.update']
    }
    lgpd: {
      search: typeof routes['api.lgpd.search']
      export: typeof routes['api.lgpd.export']
      erase: typeof routes['api.lgpd.erase']
    }
  }
  agencies: {
    brand: {
      show: typeof routes['agencies.brand.show']
      update: typeof routes['agencies.brand.update']
      domain: {
        update: typeof routes['agencies.brand.domain.update']
        verify: typeof routes['agencies.brand.domain.verify']
      }
      upload: typeof routes['agencies.brand.upload']
    }
  }
  brandAssets: {
    show: typeof routes['brand_assets.show']
  }
  site: {
    payments: {
      checkout: typeof routes['site.payments.checkout'] & {
        coupon: typeof routes['site.payments.checkout.coupon']
      }
      upsell: {
        accept: typeof routes['site.payments.upsell.accept']
      }
      cpf: typeof routes['site.payments.cpf']
      pay: typeof routes['site.payments.pay'] & {
        status: typeof routes['site.payments.pay.status']
        events: typeof routes['site.payments.pay.events']
      }
    }
    buyerJourney: {
      checkout: {
        prefill: typeof routes['site.buyer_journey.checkout.prefill']
        session: typeof routes['site.buyer_journey.checkout.session']
      }
      order: typeof routes['site.buyer_journey.order']
    }
    beacon: typeof routes['site.beacon']
    funnel: typeof routes['site.funnel']
    step: typeof routes['site.step']
    capture: typeof routes['site.capture']
  }
  docs: {
    api: typeof routes['docs.api'] & {
      bundle: typeof routes['docs.api.bundle']
    }
  }
  eventStream: typeof routes['event_stream']
  subscribe: typeof routes['subscribe']
  unsubscribe: typeof routes['unsubscribe']
}
