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
    'auth/login': ExtractProps<(typeof import('../../inertia/pages/auth/login.tsx'))['default']>
    'checkout/edit': ExtractProps<(typeof import('../../inertia/pages/checkout/edit.tsx'))['default']>
    'credentials/index': ExtractProps<(typeof import('../../inertia/pages/credentials/index.tsx'))['default']>
    'dashboard': ExtractProps<(typeof import('../../inertia/pages/dashboard.tsx'))['default']>
    'deliveries/index': ExtractProps<(typeof import('../../inertia/pages/deliveries/index.tsx'))['default']>
    'errors/not_found': ExtractProps<(typeof import('../../inertia/pages/errors/not_found.tsx'))['default']>
    'errors/server_error': ExtractProps<(typeof import('../../inertia/pages/errors/server_error.tsx'))['default']>
    'funnels/index': ExtractProps<(typeof import('../../inertia/pages/funnels/index.tsx'))['default']>
    'funnels/show': ExtractProps<(typeof import('../../inertia/pages/funnels/show.tsx'))['default']>
    'monitor/show': ExtractProps<(typeof import('../../inertia/pages/monitor/show.tsx'))['default']>
    'payments/index': ExtractProps<(typeof import('../../inertia/pages/payments/index.tsx'))['default']>
    'payments/show': ExtractProps<(typeof import('../../inertia/pages/payments/show.tsx'))['default']>
    'pixels/index': ExtractProps<(typeof import('../../inertia/pages/pixels/index.tsx'))['default']>
    'reconciliation/index': ExtractProps<(typeof import('../../inertia/pages/reconciliation/index.tsx'))['default']>
    'settings/index': ExtractProps<(typeof import('../../inertia/pages/settings/index.tsx'))['default']>
    'visitors/index': ExtractProps<(typeof import('../../inertia/pages/visitors/index.tsx'))['default']>
    'visitors/show': ExtractProps<(typeof import('../../inertia/pages/visitors/show.tsx'))['default']>
    'webhooks/index': ExtractProps<(typeof import('../../inertia/pages/webhooks/index.tsx'))['default']>
    'workspaces/index': ExtractProps<(typeof import('../../inertia/pages/workspaces/index.tsx'))['default']>
  }
}
