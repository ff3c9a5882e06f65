import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/** Accounts: sign-up, e-mail verification, password reset, profile, and the dev outbox. */
router
  .group(() => {
    router.get('/signup', [controllers.admin.Signup, 'create']).as('signup.create')
    router.post('/signup', [controllers.admin.Signup, 'store']).as('signup.store')
    router
      .get('/forgot-password', [controllers.admin.PasswordReset, 'create'])
      .as('password.forgot')
    router.post('/forgot-password', [controllers.admin.PasswordReset, 'store']).as('password.email')
  })
  .use(middleware.guest())

/** The code step of a login with two-factor on (a right password came first). */
router
  .group(() => {
    router
      .get('/login/two-factor', [controllers.admin.TwoFactor, 'challenge'])
      .as('two_factor.challenge')
    router
      .post('/login/two-factor', [controllers.admin.TwoFactor, 'verify'])
      .as('two_factor.verify')
  })
  .use(middleware.guest())

/** Links from e-mails: they work signed in or not, on any device. */
router.get('/signup/sent', [controllers.admin.Signup, 'sent']).as('signup.sent')
router.get('/verify-email/:token', [controllers.admin.Signup, 'verify']).as('email.verify')
router.get('/reset-password/:token', [controllers.admin.PasswordReset, 'edit']).as('password.reset')
router
  .post('/reset-password/:token', [controllers.admin.PasswordReset, 'update'])
  .as('password.update')
router
  .get('/profile/email/:token', [controllers.admin.Profile, 'confirmEmailChange'])
  .as('profile.email.confirm')

router
  .group(() => {
    router.post('/verify-email/resend', [controllers.admin.Signup, 'resend']).as('email.resend')
    router.get('/profile', [controllers.admin.Profile, 'show']).as('profile.show')
    router.put('/profile', [controllers.admin.Profile, 'update']).as('profile.update')
    router
      .post('/profile/email', [controllers.admin.Profile, 'requestEmailChange'])
      .as('profile.email')
    router
      .put('/profile/password', [controllers.admin.Profile, 'changePassword'])
      .as('profile.password')
    router
      .post('/profile/sessions/end-others', [controllers.admin.Profile, 'endOtherSessions'])
      .as('profile.sessions.end')
    router.get('/profile/two-factor', [controllers.admin.TwoFactor, 'setup']).as('two_factor.setup')
    router
      .post('/profile/two-factor', [controllers.admin.TwoFactor, 'confirm'])
      .as('two_factor.confirm')
    router
      .delete('/profile/two-factor', [controllers.admin.TwoFactor, 'destroy'])
      .as('two_factor.destroy')
    router
      .delete('/profile/tokens/:id', [controllers.admin.Profile, 'destroyToken'])
      .where('id', router.matchers.number())
      .as('profile.tokens.destroy')
  })
  .use(middleware.auth())

/** Development only (404 in production); no sign-in, since a forgotten password is read here. */
router.get('/outbox', [controllers.admin.Outbox, 'index']).as('outbox.index')
router.get('/outbox/:id', [controllers.admin.Outbox, 'show']).as('outbox.show')
router.get('/outbox/:id/html', [controllers.admin.Outbox, 'html']).as('outbox.html')

/** Invitation links (signed in or not). */
router
  .get('/invitations/:token', [controllers.admin.TeamInvitations, 'show'])
  .as('invitations.show')
router
  .post('/invitations/:token', [controllers.admin.TeamInvitations, 'accept'])
  .as('invitations.accept')

/** Configurações › Equipe, from one of the agency's workspaces. */
const memberKind = { match: /^(agency|workspace)$/ }
router
  .group(() => {
    router.get('/team', [controllers.admin.Team, 'index']).as('team.index')
    router.get('/audit', [controllers.admin.Audit, 'index']).as('audit.index')
    router.post('/team/invitations', [controllers.admin.Team, 'invite']).as('team.invite')
    router.put('/team/two-factor', [controllers.admin.Team, 'twoFactor']).as('team.two_factor')
    router
      .delete('/team/invitations/:id', [controllers.admin.Team, 'revokeInvitation'])
      .where('id', router.matchers.number())
      .as('team.invitations.revoke')
    router
      .put('/team/members/:kind/:id', [controllers.admin.Team, 'updateMember'])
      .where('kind', memberKind)
      .where('id', router.matchers.number())
      .as('team.members.update')
    router
      .delete('/team/members/:kind/:id', [controllers.admin.Team, 'destroyMember'])
      .where('kind', memberKind)
      .where('id', router.matchers.number())
      .as('team.members.destroy')
  })
  .prefix('/w/:workspaceSlug')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])

/** The same through the JSON API (workspace from the token or X-Workspace). */
router
  .group(() => {
    router.get('/team', [controllers.api.Team, 'index']).as('team.index')
    router.post('/team/invitations', [controllers.api.Team, 'invite']).as('team.invite')
    router
      .delete('/team/invitations/:id', [controllers.api.Team, 'revokeInvitation'])
      .where('id', router.matchers.number())
      .as('team.invitations.revoke')
    router
      .put('/team/members/:kind/:id', [controllers.api.Team, 'updateMember'])
      .where('kind', memberKind)
      .where('id', router.matchers.number())
      .as('team.members.update')
    router
      .delete('/team/members/:kind/:id', [controllers.api.Team, 'destroyMember'])
      .where('kind', memberKind)
      .where('id', router.matchers.number())
      .as('team.members.destroy')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite()])
