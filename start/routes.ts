/**
 * Routes, split by audience: admin (Inertia, session), api (the seed's JSON API, tokens),
 * public (funnel pages on tenant hosts) and webhooks (gateways).
 */
import '#start/routes/health'
