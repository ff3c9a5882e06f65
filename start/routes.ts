/**
 * Routes, split by audience: admin pages (Inertia, session), the seed's JSON API (tokens),
 * health checks and real time. Public funnel pages (tenant hosts) and gateway webhooks come
 * with their issues.
 */
import '#start/routes/health'
import '#start/routes/admin'
import '#start/routes/api'
import '#start/routes/realtime'
