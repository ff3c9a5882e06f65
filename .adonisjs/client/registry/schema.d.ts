/* eslint-disable prettier/prettier */
/// <reference path="../manifest.d.ts" />

import type { ExtractBody, ExtractErrorResponse, ExtractQuery, ExtractQueryForGet, ExtractResponse } from '@tuyau/core/types'
import type { InferInput, SimpleError } from '@vinejs/vine/types'

export type ParamValue = string | number | bigint | boolean

export interface Registry {
  'health.live': {
    methods: ["GET","HEAD"]
    pattern: '/health/live'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/health_controller').default['live']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/health_controller').default['live']>>>
    }
  }
  'health.ready': {
    methods: ["GET","HEAD"]
    pattern: '/health/ready'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/health_controller').default['ready']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/health_controller').default['ready']>>>
    }
  }
  'caddy.ask': {
    methods: ["GET","HEAD"]
    pattern: '/_caddy/ask'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/caddy_controller').default['ask']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/caddy_controller').default['ask']>>>
    }
  }
  'caddy.ask_on_site_host': {
    methods: ["GET","HEAD"]
    pattern: '/_site/_caddy/ask'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/caddy_controller').default['ask']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/caddy_controller').default['ask']>>>
    }
  }
  'session.create': {
    methods: ["GET","HEAD"]
    pattern: '/login'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/session_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/session_controller').default['create']>>>
    }
  }
  'session.store': {
    methods: ["POST"]
    pattern: '/login'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auth').loginValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/auth').loginValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/session_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/session_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'locale.update': {
    methods: ["POST"]
    pattern: '/locale'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auth').localeValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/auth').localeValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/locale_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/locale_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'home': {
    methods: ["GET","HEAD"]
    pattern: '/'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/home_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/home_controller').default['show']>>>
    }
  }
  'session.destroy': {
    methods: ["POST"]
    pattern: '/logout'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/session_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/session_controller').default['destroy']>>>
    }
  }
  'workspaces.index': {
    methods: ["GET","HEAD"]
    pattern: '/workspaces'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['index']>>>
    }
  }
  'workspaces.store': {
    methods: ["POST"]
    pattern: '/workspaces'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/workspace').createWorkspaceValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/workspace').createWorkspaceValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workspaces.update': {
    methods: ["PUT"]
    pattern: '/workspaces/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/workspace').updateWorkspaceValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/workspace').updateWorkspaceValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'workspaces.domain.verify': {
    methods: ["POST"]
    pattern: '/workspaces/:id/domain/verify'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['verifyDomain']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['verifyDomain']>>>
    }
  }
  'workspaces.archive': {
    methods: ["POST"]
    pattern: '/workspaces/:id/archive'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['archive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/workspaces_controller').default['archive']>>>
    }
  }
  'w.root': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'w.settings': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/settings'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/sections_controller').default['settings']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/sections_controller').default['settings']>>>
    }
  }
  'signup.create': {
    methods: ["GET","HEAD"]
    pattern: '/signup'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['create']>>>
    }
  }
  'signup.store': {
    methods: ["POST"]
    pattern: '/signup'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/account').signUpValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/account').signUpValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'password.forgot': {
    methods: ["GET","HEAD"]
    pattern: '/forgot-password'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['create']>>>
    }
  }
  'password.email': {
    methods: ["POST"]
    pattern: '/forgot-password'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/account').forgotPasswordValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/account').forgotPasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'two_factor.challenge': {
    methods: ["GET","HEAD"]
    pattern: '/login/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['challenge']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['challenge']>>>
    }
  }
  'two_factor.verify': {
    methods: ["POST"]
    pattern: '/login/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['verify']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['verify']>>>
    }
  }
  'signup.sent': {
    methods: ["GET","HEAD"]
    pattern: '/signup/sent'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['sent']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['sent']>>>
    }
  }
  'email.verify': {
    methods: ["GET","HEAD"]
    pattern: '/verify-email/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['verify']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['verify']>>>
    }
  }
  'password.reset': {
    methods: ["GET","HEAD"]
    pattern: '/reset-password/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['edit']>>>
    }
  }
  'password.update': {
    methods: ["POST"]
    pattern: '/reset-password/:token'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/account').resetPasswordValidator)>>
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/account').resetPasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/password_reset_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.email.confirm': {
    methods: ["GET","HEAD"]
    pattern: '/profile/email/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['confirmEmailChange']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['confirmEmailChange']>>>
    }
  }
  'email.resend': {
    methods: ["POST"]
    pattern: '/verify-email/resend'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['resend']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/signup_controller').default['resend']>>>
    }
  }
  'profile.show': {
    methods: ["GET","HEAD"]
    pattern: '/profile'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['show']>>>
    }
  }
  'profile.update': {
    methods: ["PUT"]
    pattern: '/profile'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/account').updateProfileValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/account').updateProfileValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.email': {
    methods: ["POST"]
    pattern: '/profile/email'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/account').changeEmailValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/account').changeEmailValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['requestEmailChange']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['requestEmailChange']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.password': {
    methods: ["PUT"]
    pattern: '/profile/password'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/account').changePasswordValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/account').changePasswordValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['changePassword']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['changePassword']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'profile.sessions.end': {
    methods: ["POST"]
    pattern: '/profile/sessions/end-others'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['endOtherSessions']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['endOtherSessions']>>>
    }
  }
  'two_factor.setup': {
    methods: ["GET","HEAD"]
    pattern: '/profile/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['setup']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['setup']>>>
    }
  }
  'two_factor.confirm': {
    methods: ["POST"]
    pattern: '/profile/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['confirm']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['confirm']>>>
    }
  }
  'two_factor.destroy': {
    methods: ["DELETE"]
    pattern: '/profile/two-factor'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/two_factor_controller').default['destroy']>>>
    }
  }
  'profile.tokens.destroy': {
    methods: ["DELETE"]
    pattern: '/profile/tokens/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['destroyToken']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/profile_controller').default['destroyToken']>>>
    }
  }
  'outbox.index': {
    methods: ["GET","HEAD"]
    pattern: '/outbox'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/outbox_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/outbox_controller').default['index']>>>
    }
  }
  'outbox.show': {
    methods: ["GET","HEAD"]
    pattern: '/outbox/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/outbox_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/outbox_controller').default['show']>>>
    }
  }
  'outbox.html': {
    methods: ["GET","HEAD"]
    pattern: '/outbox/:id/html'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/outbox_controller').default['html']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/outbox_controller').default['html']>>>
    }
  }
  'invitations.show': {
    methods: ["GET","HEAD"]
    pattern: '/invitations/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_invitations_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_invitations_controller').default['show']>>>
    }
  }
  'invitations.accept': {
    methods: ["POST"]
    pattern: '/invitations/:token'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').acceptInvitationValidator)>|InferInput<(typeof import('#validators/team').newAccountValidator)>>
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').acceptInvitationValidator)>|InferInput<(typeof import('#validators/team').newAccountValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_invitations_controller').default['accept']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_invitations_controller').default['accept']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'team.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/team'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['index']>>>
    }
  }
  'audit.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/audit'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/audit_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/audit_controller').default['index']>>>
    }
  }
  'team.invite': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/team/invitations'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').inviteValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').inviteValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['invite']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['invite']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'team.two_factor': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/team/two-factor'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').requireTwoFactorValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').requireTwoFactorValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['twoFactor']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['twoFactor']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'team.invitations.revoke': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/team/invitations/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['revokeInvitation']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['revokeInvitation']>>>
    }
  }
  'team.members.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/team/members/:kind/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').changeRoleValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; kind: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').changeRoleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['updateMember']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['updateMember']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'team.members.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/team/members/:kind/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; kind: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['destroyMember']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/team_controller').default['destroyMember']>>>
    }
  }
  'api.team.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/team'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['index']>>>
    }
  }
  'api.team.invite': {
    methods: ["POST"]
    pattern: '/api/team/invitations'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').inviteValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/team').inviteValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['invite']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['invite']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.team.invitations.revoke': {
    methods: ["DELETE"]
    pattern: '/api/team/invitations/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['revokeInvitation']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['revokeInvitation']>>>
    }
  }
  'api.team.members.update': {
    methods: ["PUT"]
    pattern: '/api/team/members/:kind/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/team').changeRoleValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { kind: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/team').changeRoleValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['updateMember']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['updateMember']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.team.members.destroy': {
    methods: ["DELETE"]
    pattern: '/api/team/members/:kind/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { kind: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['destroyMember']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/team_controller').default['destroyMember']>>>
    }
  }
  'w.funnels.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/funnels'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/funnel').listFunnelsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.funnels.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/funnel').createFunnelValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/funnel').createFunnelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.templates.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/templates'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['index']>>>
    }
  }
  'w.templates.apply': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/from-template'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/template').applyTemplateValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/template').applyTemplateValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['apply']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['apply']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.templates.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:id/save-as-template'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/template').saveTemplateValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/template').saveTemplateValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.templates.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/templates/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnel_templates_controller').default['destroy']>>>
    }
  }
  'w.funnels.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/funnels/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['show']>>>
    }
  }
  'w.funnels.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/funnels/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/funnel').updateFunnelValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/funnel').updateFunnelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.funnels.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/funnels/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['destroy']>>>
    }
  }
  'w.funnels.clone': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:id/clone'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/funnel').cloneFunnelValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/funnel').cloneFunnelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['clone']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['clone']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.funnels.archive': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:id/archive'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['archive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['archive']>>>
    }
  }
  'w.funnels.unarchive': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:id/unarchive'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['unarchive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnels_controller').default['unarchive']>>>
    }
  }
  'w.funnels.publish': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:id/publish'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnel_publications_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnel_publications_controller').default['store']>>>
    }
  }
  'w.funnels.changes': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/funnels/:id/changes'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/funnel_publications_controller').default['changes']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/funnel_publications_controller').default['changes']>>>
    }
  }
  'w.steps.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step').createStepValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step').createStepValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.steps.reorder': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps/reorder'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step').reorderStepsValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step').reorderStepsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['reorder']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['reorder']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.steps.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps/:stepId'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step').updateStepValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step').updateStepValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.steps.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps/:stepId'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/steps_controller').default['destroy']>>>
    }
  }
  'w.step_pages.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps/:stepId/page'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step_page').stepPageValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step_page').stepPageValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/step_pages_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/step_pages_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.step_pages.preview': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps/:stepId/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step_page').stepPagePreviewValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step_page').stepPagePreviewValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/step_pages_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/step_pages_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.split_tests.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps/:stepId/split-tests'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').createSplitTestValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').createSplitTestValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.split_tests.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/split-tests/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').updateSplitTestValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').updateSplitTestValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.split_tests.variants.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/split-tests/:id/variants/:variantId'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').updateSplitVariantValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue; variantId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').updateSplitVariantValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['updateVariant']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['updateVariant']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.split_tests.winner': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/split-tests/:id/winner'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').declareWinnerValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').declareWinnerValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['winner']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/split_tests_controller').default['winner']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.step_previews.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/steps/:stepId/preview'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/step_previews_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/step_previews_controller').default['show']>>>
    }
  }
  'w.checkout.edit': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/checkout/:stepId'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/checkout_controller').default['edit']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/checkout_controller').default['edit']>>>
    }
  }
  'w.checkout.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/checkout/:stepId'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/checkout_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/checkout_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.checkout.preview': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/funnels/:funnelId/checkout/:stepId/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      paramsTuple: [ParamValue, ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/checkout_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/checkout_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.pixels.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/pixels'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['index']>>>
    }
  }
  'w.pixels.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/pixels'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.pixels.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/pixels/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.pixels.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/pixels/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/pixels_controller').default['destroy']>>>
    }
  }
  'w.credentials.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/credentials'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['index']>>>
    }
  }
  'w.credentials.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/credentials'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/credential').createCredentialValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/credential').createCredentialValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.credentials.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/credentials/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/credential').updateCredentialValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/credential').updateCredentialValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.credentials.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/credentials/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['destroy']>>>
    }
  }
  'w.credentials.test': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/credentials/:id/test'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['test']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/credentials_controller').default['test']>>>
    }
  }
  'w.payments.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/payments'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['index']>>>
    }
  }
  'w.payments.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/payments/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['show']>>>
    }
  }
  'w.payments.mark': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/payments/:id/mark'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/payment').markSandboxValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/payment').markSandboxValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['mark']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['mark']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.payments.refresh': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/payments/:id/refresh'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['refresh']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/payments_controller').default['refresh']>>>
    }
  }
  'w.visitors.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/visitors'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/visitors_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/visitors_controller').default['index']>>>
    }
  }
  'w.visitors.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/visitors/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/visitors_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/visitors_controller').default['show']>>>
    }
  }
  'w.monitor.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/monitor'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/monitor_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/monitor_controller').default['show']>>>
    }
  }
  'w.dashboard': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/dashboard'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/dashboard_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/dashboard_controller').default['show']>>>
    }
  }
  'w.webhooks.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/webhooks'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['index']>>>
    }
  }
  'w.webhooks.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/webhooks'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.webhooks.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/webhooks/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.webhooks.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['destroy']>>>
    }
  }
  'w.webhooks.rotate_secret': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/webhooks/:id/rotate-secret'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['rotateSecret']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['rotateSecret']>>>
    }
  }
  'w.webhooks.test': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/webhooks/:id/test'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['test']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/webhook_endpoints_controller').default['test']>>>
    }
  }
  'w.coupons.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/coupons'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/coupons_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/coupons_controller').default['index']>>>
    }
  }
  'w.coupons.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/coupons'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/coupons_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/coupons_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.coupons.update': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/coupons/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/coupons_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/coupons_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.deliveries.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/deliveries'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/deliveries_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/deliveries_controller').default['index']>>>
    }
  }
  'w.deliveries.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/deliveries/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/deliveries_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/deliveries_controller').default['show']>>>
    }
  }
  'w.deliveries.redeliver': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/deliveries/:id/redeliver'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/deliveries_controller').default['redeliver']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/deliveries_controller').default['redeliver']>>>
    }
  }
  'w.rejected_events.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/rejected-events'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/rejected_events_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/rejected_events_controller').default['index']>>>
    }
  }
  'w.reconciliation.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/reconciliation'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/reconciliation_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/reconciliation_controller').default['index']>>>
    }
  }
  'w.settings.buyer_journey': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/settings/buyer-journey'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/buyer_journey').buyerJourneyValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/buyer_journey').buyerJourneyValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/buyer_journey_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/buyer_journey_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.recovery.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/recovery'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/recovery_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/recovery_controller').default['index']>>>
    }
  }
  'w.recovery.export': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/recovery/export'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/recovery_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/recovery_controller').default['export']>>>
    }
  }
  'w.settings.api_tokens': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/settings/api-tokens'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/api_tokens_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/api_tokens_controller').default['index']>>>
    }
  }
  'w.settings.api_tokens.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/settings/api-tokens'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/api_token').createApiTokenValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/api_token').createApiTokenValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/api_tokens_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/api_tokens_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.settings.api_tokens.destroy': {
    methods: ["DELETE"]
    pattern: '/w/:workspaceSlug/settings/api-tokens/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/api_tokens_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/api_tokens_controller').default['destroy']>>>
    }
  }
  'w.exports.csv': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/exports/csv/:kind'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; kind: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/export').createExportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['csv']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['csv']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.exports.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/exports'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['index']>>>
    }
  }
  'w.exports.store': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/exports'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/export').createExportValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/export').createExportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.exports.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/exports/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['show']>>>
    }
  }
  'w.exports.download': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/exports/:id/download'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { workspaceSlug: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['download']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/exports_controller').default['download']>>>
    }
  }
  'w.lgpd.index': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/lgpd'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['index']>>>
    }
  }
  'w.lgpd.search': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/lgpd/search'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/lgpd').lgpdSearchValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/lgpd').lgpdSearchValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['search']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['search']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.lgpd.search.show': {
    methods: ["GET","HEAD"]
    pattern: '/w/:workspaceSlug/lgpd/search'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['redirectToIndex']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['redirectToIndex']>>>
    }
  }
  'w.lgpd.export': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/lgpd/export'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/lgpd').lgpdExportValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/lgpd').lgpdExportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['export']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'w.lgpd.erase': {
    methods: ["POST"]
    pattern: '/w/:workspaceSlug/lgpd/erase'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/lgpd').lgpdEraseValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/lgpd').lgpdEraseValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['erase']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/lgpd_controller').default['erase']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'agencies.brand.show': {
    methods: ["GET","HEAD"]
    pattern: '/agencies/:id/brand'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['show']>>>
    }
  }
  'agencies.brand.update': {
    methods: ["PUT"]
    pattern: '/agencies/:id/brand'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/brand').agencyBrandValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/brand').agencyBrandValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'agencies.brand.domain.update': {
    methods: ["PUT"]
    pattern: '/agencies/:id/domain'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/brand').agencyDomainValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/brand').agencyDomainValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['updateDomain']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['updateDomain']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'agencies.brand.domain.verify': {
    methods: ["POST"]
    pattern: '/agencies/:id/domain/verify'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['verifyDomain']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['verifyDomain']>>>
    }
  }
  'agencies.brand.upload': {
    methods: ["POST"]
    pattern: '/agencies/:id/brand/:kind'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; kind: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['upload']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['upload']>>>
    }
  }
  'brand_assets.show': {
    methods: ["GET","HEAD"]
    pattern: '/brand-assets/:id/:kind'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; kind: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['asset']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/agency_brand_controller').default['asset']>>>
    }
  }
  'w.settings.brand': {
    methods: ["PUT"]
    pattern: '/w/:workspaceSlug/settings/brand'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/brand').workspaceBrandValidator)>>
      paramsTuple: [ParamValue]
      params: { workspaceSlug: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/brand').workspaceBrandValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/admin/workspace_brand_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/admin/workspace_brand_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhooks.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/webhooks'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#services/pagination').paginationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhooks.store': {
    methods: ["POST"]
    pattern: '/api/webhooks'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhooks.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['show']>>>
    }
  }
  'api.webhooks.update': {
    methods: ["PUT"]
    pattern: '/api/webhooks/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/webhook_endpoint').webhookEndpointValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.webhooks.destroy': {
    methods: ["DELETE"]
    pattern: '/api/webhooks/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['destroy']>>>
    }
  }
  'api.webhooks.rotate_secret': {
    methods: ["POST"]
    pattern: '/api/webhooks/:id/rotate-secret'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['rotateSecret']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['rotateSecret']>>>
    }
  }
  'api.webhooks.test': {
    methods: ["POST"]
    pattern: '/api/webhooks/:id/test'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['test']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/webhook_endpoints_controller').default['test']>>>
    }
  }
  'api.deliveries.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/postbacks/deliveries'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/delivery').deliveryFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.deliveries.stats': {
    methods: ["GET","HEAD"]
    pattern: '/api/postbacks/deliveries/stats'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/delivery').deliveryFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['stats']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['stats']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.deliveries.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/postbacks/deliveries/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['show']>>>
    }
  }
  'api.deliveries.redeliver': {
    methods: ["POST"]
    pattern: '/api/postbacks/deliveries/:id/redeliver'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['redeliver']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/deliveries_controller').default['redeliver']>>>
    }
  }
  'api.reconciliation.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/reconciliation'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/reconciliation').reconciliationFiltersValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/reconciliation_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/reconciliation_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'site.payments.checkout': {
    methods: ["POST"]
    pattern: '/_site/_funil/checkout/:stepId'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['checkout']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['checkout']>>>
    }
  }
  'site.payments.checkout.coupon': {
    methods: ["POST"]
    pattern: '/_site/_funil/checkout/:stepId/coupon'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/payment').applyCouponValidator)>>
      paramsTuple: [ParamValue]
      params: { stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/payment').applyCouponValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['applyCoupon']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['applyCoupon']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'site.payments.upsell.accept': {
    methods: ["POST"]
    pattern: '/_site/_funil/upsell/:stepId/accept'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['acceptUpsell']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['acceptUpsell']>>>
    }
  }
  'site.payments.cpf': {
    methods: ["POST"]
    pattern: '/_site/_funil/cpf'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['cpf']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['cpf']>>>
    }
  }
  'site.payments.pay': {
    methods: ["GET","HEAD"]
    pattern: '/_site/_funil/pay/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['show']>>>
    }
  }
  'site.payments.pay.status': {
    methods: ["GET","HEAD"]
    pattern: '/_site/_funil/pay/:token/status'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['status']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['status']>>>
    }
  }
  'site.payments.pay.events': {
    methods: ["GET","HEAD"]
    pattern: '/_site/_funil/pay/:token/events'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['events']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/payments_controller').default['events']>>>
    }
  }
  'site.buyer_journey.checkout.prefill': {
    methods: ["GET","HEAD"]
    pattern: '/_site/_funil/checkout/:stepId/prefill'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/buyer_journey_controller').default['prefill']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/buyer_journey_controller').default['prefill']>>>
    }
  }
  'site.buyer_journey.checkout.session': {
    methods: ["POST"]
    pattern: '/_site/_funil/checkout/:stepId/session'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/buyer_journey_controller').default['saveSession']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/buyer_journey_controller').default['saveSession']>>>
    }
  }
  'site.buyer_journey.order': {
    methods: ["GET","HEAD"]
    pattern: '/_site/_funil/order/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/buyer_journey_controller').default['order']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/buyer_journey_controller').default['order']>>>
    }
  }
  'site.beacon': {
    methods: ["POST"]
    pattern: '/_site/_funil/e'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/beacon').beaconValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/beacon').beaconValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/beacon_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/beacon_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'site.funnel': {
    methods: ["GET","HEAD"]
    pattern: '/_site/:funnelSlug'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { funnelSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/pages_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/pages_controller').default['show']>>>
    }
  }
  'site.step': {
    methods: ["GET","HEAD"]
    pattern: '/_site/:funnelSlug/:stepSlug'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { funnelSlug: ParamValue; stepSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/pages_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/pages_controller').default['show']>>>
    }
  }
  'site.capture': {
    methods: ["POST"]
    pattern: '/_site/:funnelSlug/:stepSlug'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { funnelSlug: ParamValue; stepSlug: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/public/pages_controller').default['capture']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/public/pages_controller').default['capture']>>>
    }
  }
  'api.auth.login': {
    methods: ["POST"]
    pattern: '/api/auth/login'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/auth').apiLoginValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/auth').apiLoginValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auth_controller').default['login']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auth_controller').default['login']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.auth.logout': {
    methods: ["POST"]
    pattern: '/api/auth/logout'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auth_controller').default['logout']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auth_controller').default['logout']>>>
    }
  }
  'api.auth.me': {
    methods: ["GET","HEAD"]
    pattern: '/api/auth/me'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/auth_controller').default['me']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/auth_controller').default['me']>>>
    }
  }
  'api.workspace.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/workspace'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workspace_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workspace_controller').default['show']>>>
    }
  }
  'api.workspace.domain.verify': {
    methods: ["POST"]
    pattern: '/api/workspace/domain/verify'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/workspace_controller').default['verifyDomain']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/workspace_controller').default['verifyDomain']>>>
    }
  }
  'api.openapi': {
    methods: ["GET","HEAD"]
    pattern: '/api/openapi.json'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/docs_controller').default['openapi']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/docs_controller').default['openapi']>>>
    }
  }
  'docs.api': {
    methods: ["GET","HEAD"]
    pattern: '/docs/api'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/docs_controller').default['page']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/docs_controller').default['page']>>>
    }
  }
  'docs.api.bundle': {
    methods: ["GET","HEAD"]
    pattern: '/docs/api/scalar.js'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/docs_controller').default['bundle']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/docs_controller').default['bundle']>>>
    }
  }
  'api.funnels.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/funnels'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/funnel').listFunnelsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.funnels.store': {
    methods: ["POST"]
    pattern: '/api/funnels'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/funnel').createFunnelValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/funnel').createFunnelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.funnels.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/funnels/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['show']>>>
    }
  }
  'api.funnels.update': {
    methods: ["PUT"]
    pattern: '/api/funnels/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/funnel').updateFunnelValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/funnel').updateFunnelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.funnels.destroy': {
    methods: ["DELETE"]
    pattern: '/api/funnels/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['destroy']>>>
    }
  }
  'api.funnels.clone': {
    methods: ["POST"]
    pattern: '/api/funnels/:id/clone'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/funnel').cloneFunnelValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/funnel').cloneFunnelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['clone']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['clone']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.funnels.archive': {
    methods: ["POST"]
    pattern: '/api/funnels/:id/archive'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['archive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['archive']>>>
    }
  }
  'api.funnels.unarchive': {
    methods: ["POST"]
    pattern: '/api/funnels/:id/unarchive'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['unarchive']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnels_controller').default['unarchive']>>>
    }
  }
  'api.funnels.publish': {
    methods: ["POST"]
    pattern: '/api/funnels/:id/publish'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnel_publications_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnel_publications_controller').default['store']>>>
    }
  }
  'api.funnels.changes': {
    methods: ["GET","HEAD"]
    pattern: '/api/funnels/:id/changes'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/funnel_publications_controller').default['changes']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/funnel_publications_controller').default['changes']>>>
    }
  }
  'api.steps.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/funnels/:funnel_id/steps'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { funnel_id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['index']>>>
    }
  }
  'api.steps.store': {
    methods: ["POST"]
    pattern: '/api/funnels/:funnel_id/steps'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step').createStepValidator)>>
      paramsTuple: [ParamValue]
      params: { funnel_id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step').createStepValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.steps.reorder': {
    methods: ["PUT"]
    pattern: '/api/funnels/:funnel_id/steps/reorder'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step').reorderStepsValidator)>>
      paramsTuple: [ParamValue]
      params: { funnel_id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step').reorderStepsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['reorder']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['reorder']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.steps.update': {
    methods: ["PUT"]
    pattern: '/api/funnels/:funnel_id/steps/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/step').updateStepValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { funnel_id: ParamValue; id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/step').updateStepValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.steps.destroy': {
    methods: ["DELETE"]
    pattern: '/api/funnels/:funnel_id/steps/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { funnel_id: ParamValue; id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/steps_controller').default['destroy']>>>
    }
  }
  'api.split_tests.list': {
    methods: ["GET","HEAD"]
    pattern: '/api/funnels/:funnel_id/split-tests'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { funnel_id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['list']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['list']>>>
    }
  }
  'api.split_tests.store': {
    methods: ["POST"]
    pattern: '/api/funnels/:funnel_id/steps/:step_id/split-tests'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').createSplitTestValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { funnel_id: ParamValue; step_id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').createSplitTestValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.split_tests.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/split-tests/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['show']>>>
    }
  }
  'api.split_tests.update': {
    methods: ["PUT"]
    pattern: '/api/split-tests/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').updateSplitTestValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').updateSplitTestValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.split_tests.variants.update': {
    methods: ["PUT"]
    pattern: '/api/split-tests/:id/variants/:variant_id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').updateSplitVariantValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { id: ParamValue; variant_id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').updateSplitVariantValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['updateVariant']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['updateVariant']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.split_tests.winner': {
    methods: ["POST"]
    pattern: '/api/split-tests/:id/winner'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/split_test').declareWinnerValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/split_test').declareWinnerValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['winner']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/split_tests_controller').default['winner']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.checkout.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/checkout/:funnelId/:stepId'
    types: {
      body: {}
      paramsTuple: [ParamValue, ParamValue]
      params: { funnelId: ParamValue; stepId: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/checkout_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/checkout_controller').default['show']>>>
    }
  }
  'api.checkout.update': {
    methods: ["PUT"]
    pattern: '/api/checkout/:funnelId/:stepId'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/checkout_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/checkout_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.checkout.preview': {
    methods: ["POST"]
    pattern: '/api/checkout/:funnelId/:stepId/preview'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      paramsTuple: [ParamValue, ParamValue]
      params: { funnelId: ParamValue; stepId: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/checkout').checkoutConfigValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/checkout_controller').default['preview']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/checkout_controller').default['preview']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.pixels.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/tracking/pixels'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#services/pagination').paginationValidator)>|InferInput<(typeof import('#validators/pixel').pixelFilterValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.pixels.store': {
    methods: ["POST"]
    pattern: '/api/tracking/pixels'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.pixels.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/tracking/pixels/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['show']>>>
    }
  }
  'api.pixels.update': {
    methods: ["PUT"]
    pattern: '/api/tracking/pixels/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/pixel').pixelValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.pixels.destroy': {
    methods: ["DELETE"]
    pattern: '/api/tracking/pixels/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/pixels_controller').default['destroy']>>>
    }
  }
  'api.credentials.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/credentials'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#services/pagination').paginationValidator)>|InferInput<(typeof import('#validators/credential').credentialFilterValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.credentials.store': {
    methods: ["POST"]
    pattern: '/api/credentials'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/credential').createCredentialValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/credential').createCredentialValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.credentials.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/credentials/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['show']>>>
    }
  }
  'api.credentials.update': {
    methods: ["PUT"]
    pattern: '/api/credentials/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/credential').updateCredentialValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/credential').updateCredentialValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.credentials.destroy': {
    methods: ["DELETE"]
    pattern: '/api/credentials/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['destroy']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['destroy']>>>
    }
  }
  'api.credentials.test': {
    methods: ["POST"]
    pattern: '/api/credentials/:id/test'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['test']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/credentials_controller').default['test']>>>
    }
  }
  'api.visitors.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/visitors'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/visitor').listVisitorsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/visitors_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/visitors_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.visitors.events': {
    methods: ["GET","HEAD"]
    pattern: '/api/visitors/:id/events'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/visitor').listVisitorEventsValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/visitors_controller').default['events']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/visitors_controller').default['events']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.analytics.dashboard': {
    methods: ["GET","HEAD"]
    pattern: '/api/analytics/dashboard'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#validators/analytics').dashboardValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/analytics_controller').default['dashboard']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/analytics_controller').default['dashboard']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.payments.create': {
    methods: ["POST"]
    pattern: '/api/payments/create'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/payment').createPaymentValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/payment').createPaymentValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/payments_controller').default['create']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/payments_controller').default['create']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.payments.status': {
    methods: ["GET","HEAD"]
    pattern: '/api/payments/:id/status'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/payments_controller').default['status']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/payments_controller').default['status']>>>
    }
  }
  'api.payments.mark': {
    methods: ["POST"]
    pattern: '/api/payments/:id/mark'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/payment').markSandboxValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/payment').markSandboxValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/payments_controller').default['mark']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/payments_controller').default['mark']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.payments.webhook': {
    methods: ["POST"]
    pattern: '/api/payments/webhook'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/webhooks/payment_webhooks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/webhooks/payment_webhooks_controller').default['store']>>>
    }
  }
  'api.payments.webhook.token': {
    methods: ["POST"]
    pattern: '/api/payments/webhook/:token'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { token: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/webhooks/payment_webhooks_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/webhooks/payment_webhooks_controller').default['store']>>>
    }
  }
  'api.coupons.index': {
    methods: ["GET","HEAD"]
    pattern: '/api/coupons'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: ExtractQueryForGet<InferInput<(typeof import('#services/pagination').paginationValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['index']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['index']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.coupons.store': {
    methods: ["POST"]
    pattern: '/api/coupons'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['store']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['store']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.coupons.show': {
    methods: ["GET","HEAD"]
    pattern: '/api/coupons/:id'
    types: {
      body: {}
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: {}
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['show']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['show']>>>
    }
  }
  'api.coupons.update': {
    methods: ["PUT"]
    pattern: '/api/coupons/:id'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      paramsTuple: [ParamValue]
      params: { id: ParamValue }
      query: ExtractQuery<InferInput<(typeof import('#validators/coupon').couponValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['update']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/coupons_controller').default['update']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.lgpd.search': {
    methods: ["POST"]
    pattern: '/api/lgpd/search'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/lgpd').lgpdSearchValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/lgpd').lgpdSearchValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/lgpd_controller').default['search']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/lgpd_controller').default['search']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.lgpd.export': {
    methods: ["POST"]
    pattern: '/api/lgpd/export'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/lgpd').lgpdExportValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/lgpd').lgpdExportValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/lgpd_controller').default['export']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/lgpd_controller').default['export']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'api.lgpd.erase': {
    methods: ["POST"]
    pattern: '/api/lgpd/erase'
    types: {
      body: ExtractBody<InferInput<(typeof import('#validators/lgpd').lgpdEraseValidator)>>
      paramsTuple: []
      params: {}
      query: ExtractQuery<InferInput<(typeof import('#validators/lgpd').lgpdEraseValidator)>>
      response: ExtractResponse<Awaited<ReturnType<import('#controllers/api/lgpd_controller').default['erase']>>>
      errorResponse: ExtractErrorResponse<Awaited<ReturnType<import('#controllers/api/lgpd_controller').default['erase']>>> | { status: 422; response: { errors: SimpleError[] } }
    }
  }
  'event_stream': {
    methods: ["GET","HEAD"]
    pattern: '/__transmit/events'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'subscribe': {
    methods: ["POST"]
    pattern: '/__transmit/subscribe'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
  'unsubscribe': {
    methods: ["POST"]
    pattern: '/__transmit/unsubscribe'
    types: {
      body: {}
      paramsTuple: []
      params: {}
      query: {}
      response: unknown
      errorResponse: unknown
    }
  }
}
