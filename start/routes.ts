/**
 * Routes, split by audience and feature: admin pages (Inertia, session), the seed's JSON API
 * (tokens), health checks and real time. Public funnel pages (tenant hosts) and gateway
 * webhooks come with their issues.
 */
import '#start/routes/health'
import '#start/routes/admin'
import '#start/routes/admin_accounts'
import '#start/routes/admin_funnels'
import '#start/routes/admin_checkout'
import '#start/routes/admin_integrations'
import '#start/routes/admin_payments'
import '#start/routes/admin_visitors'
import '#start/routes/admin_dashboard'
import '#start/routes/admin_webhooks'
import '#start/routes/admin_deliveries'
import '#start/routes/api'
import '#start/routes/api_funnels'
import '#start/routes/api_checkout'
import '#start/routes/api_integrations'
import '#start/routes/api_visitors'
import '#start/routes/api_analytics'
import '#start/routes/api_payments'
import '#start/routes/api_webhooks'
import '#start/routes/api_deliveries'
import '#start/routes/public_payments'
import '#start/routes/public'
import '#start/routes/realtime'
