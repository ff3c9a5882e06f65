/**
 * Stand-alone Bouncer abilities. Resource permissions live in app/policies; this file exists
 * because the Bouncer middleware expects it.
 */
export {}
