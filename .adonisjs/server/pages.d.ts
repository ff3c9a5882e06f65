import '@adonisjs/inertia/types'

import type React from 'react'
import type { Prettify } from '@adonisjs/core/types/common'

type ExtractProps<T> =
  T extends React.FC<infer Props>
    ? Prettify<Omit<Props, 'children'>>
    : T extends React.Component<infer Props>
      ? Prettify<Omit<Props, 'children'>>
      : never

declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    'agencies/brand': ExtractProps<(typeof import('../../inertia/pages/agencies/brand.tsx'))['default']>
    'audit/index': ExtractProps<(typeof import('../../inertia/pages/audit/index.tsx'))['default']>
    'auth/accept_invitation': ExtractProps<(typeof import('../../inertia/pages/auth/accept_invitation.tsx'))['default']>
    'auth/check_email': ExtractProps<(typeof import('../../inertia/pages/auth/check_email.tsx'))['default']>
    'auth/forgot_password': ExtractProps<(typeof import('../../inertia/pages/auth/forgot_password.tsx'))['default']>
    'auth/link_invalid': ExtractProps<(typeof import('../../inertia/pages/auth/link_invalid.tsx'))['default']>
    'auth/login': ExtractProps<(typeof import('../../inertia/pages/auth/login.tsx'))['default']>
    'auth/reset_password': ExtractProps<(typeof import('../../inertia/pages/auth/reset_password.tsx'))['default']>
    'auth/signup': ExtractProps<(typeof import('../../inertia/pages/auth/signup.tsx'))['default']>
    'auth/two_factor': ExtractProps<(typeof import('../../inertia/pages/auth/two_factor.tsx'))['default']>
    'checkout/edit': ExtractProps<(typeof import('../../inertia/pages/checkout/edit.tsx'))['default']>
    'coupons/index': ExtractProps<(typeof import('../../inertia/pages/coupons/index.tsx'))['default']>
    'credentials/index': ExtractProps<(typeof import('../../inertia/pages/credentials/index.tsx'))['default']>
    'dashboard': ExtractProps<(typeof import('../../inertia/pages/dashboard.tsx'))['default']>
    'deliveries/index': ExtractProps<(typeof import('../../inertia/pages/deliveries/index.tsx'))['default']>
    'errors/forbidden': ExtractProps<(typeof import('../../inertia/pages/errors/forbidden.tsx'))['default']>
    'errors/not_found': ExtractProps<(typeof import('../../inertia/pages/errors/not_found.tsx'))['default']>
    'errors/server_error': ExtractProps<(typeof import('../../inertia/pages/errors/server_error.tsx'))['default']>
    'errors/session_expired': ExtractProps<(typeof import('../../inertia/pages/errors/session_expired.tsx'))['default']>
    'exports/index': ExtractProps<(typeof import('../../inertia/pages/exports/index.tsx'))['default']>
    'funnels/index': ExtractProps<(typeof import('../../inertia/pages/funnels/index.tsx'))['default']>
    'funnels/show': ExtractProps<(typeof import('../../inertia/pages/funnels/show.tsx'))['default']>
    'lgpd/index': ExtractProps<(typeof import('../../inertia/pages/lgpd/index.tsx'))['default']>
    'monitor/show': ExtractProps<(typeof import('../../inertia/pages/monitor/show.tsx'))['default']>
    'outbox/index': ExtractProps<(typeof import('../../inertia/pages/outbox/index.tsx'))['default']>
    'outbox/show': ExtractProps<(typeof import('../../inertia/pages/outbox/show.tsx'))['default']>
    'payments/index': ExtractProps<(typeof import('../../inertia/pages/payments/index.tsx'))['default']>
    'payments/show': ExtractProps<(typeof import('../../inertia/pages/payments/show.tsx'))['default']>
    'pixels/index': ExtractProps<(typeof import('../../inertia/pages/pixels/index.tsx'))['default']>
    'profile/show': ExtractProps<(typeof import('../../inertia/pages/profile/show.tsx'))['default']>
    'profile/two_factor': ExtractProps<(typeof import('../../inertia/pages/profile/two_factor.tsx'))['default']>
    'reconciliation/index': ExtractProps<(typeof import('../../inertia/pages/reconciliation/index.tsx'))['default']>
    'recovery/index': ExtractProps<(typeof import('../../inertia/pages/recovery/index.tsx'))['default']>
    'rejected_events/index': ExtractProps<(typeof import('../../inertia/pages/rejected_events/index.tsx'))['default']>
    'settings/api-tokens': ExtractProps<(typeof import('../../inertia/pages/settings/api-tokens.tsx'))['default']>
    'settings/index': ExtractProps<(typeof import('../../inertia/pages/settings/index.tsx'))['default']>
    'team/index': ExtractProps<(typeof import('../../inertia/pages/team/index.tsx'))['default']>
    'visitors/index': ExtractProps<(typeof import('../../inertia/pages/visitors/index.tsx'))['default']>
    'visitors/show': ExtractProps<(typeof import('../../inertia/pages/visitors/show.tsx'))['default']>
    'webhooks/index': ExtractProps<(typeof import('../../inertia/pages/webhooks/index.tsx'))['default']>
    'workspaces/index': ExtractProps<(typeof import('../../inertia/pages/workspaces/index.tsx'))['default']>
  }
}
