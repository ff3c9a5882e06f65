import { router, usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { useState } from 'react'
import { LoaderCircleIcon, LockIcon } from 'lucide-react'
import { ConfirmDialog } from '~/components/app/confirm-dialog'
import { PageHeader } from '~/components/app/page-header'
import { FormField } from '~/components/accounts/form-field'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { useLocale, useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Role = 'owner' | 'admin' | 'editor' | 'viewer'

type Member = {
  kind: 'agency' | 'workspace'
  id: number
  userId: number
  name: string
  email: string
  role: Role
  workspace: { id: number; name: string } | null
}

type PendingInvitation = {
  id: number
  email: string
  role: Role
  workspaces: string[] | null
  expiresAt: string
}

type TeamProps = {
  team: {
    members: Member[]
    invitations: PendingInvitation[]
    workspaces: Array<{ id: number; name: string; slug: string }>
  }
  can: { manage: boolean; manageOwners: boolean }
  me: number
  requireTwoFactor: boolean
}

const AGENCY_ROLES: Role[] = ['owner', 'admin', 'editor', 'viewer']
const WORKSPACE_ROLES: Role[] = ['admin', 'editor', 'viewer']

/** Configurações › Equipe: members, client logins and invitations of the agency. */
export default function TeamIndex({ team, can, me, requireTwoFactor }: TeamProps) {
  const t = useT()
  const locale = useLocale()
  const { workspace } = usePage().props
  const [removing, setRemoving] = useState<Member | null>(null)
  const [scope, setScope] = useState<'agency' | 'workspaces'>('agency')
  if (!workspace) return null
  const workspaceSlug = workspace.slug
  const roleOptions = (kind: 'agency' | 'workspace', current?: Role) =>
    (kind === 'agency' ? AGENCY_ROLES : WORKSPACE_ROLES).filter(
      (role) => can.manageOwners || (role !== 'owner' && current !== 'owner')
    )

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader title={t('team.title')} description={t('team.description')} />

      {!can.manage && (
        <p className="flex items-center gap-2 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
          <LockIcon className="size-4 shrink-0" />
          {t('team.read_only')}
        </p>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t('team.members')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table data-test="team-members">
            <TableHeader>
              <TableRow>
                <TableHead>{t('team.member')}</TableHead>
                <TableHead>{t('team.scope')}</TableHead>
                <TableHead>{t('team.role')}</TableHead>
                {can.manage && <TableHead className="text-right">{t('common.actions')}</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {team.members.map((member) => {
                const editable = can.manage && (can.manageOwners || member.role !== 'owner')
                return (
                  <TableRow key={`${member.kind}-${member.id}`} data-test="team-member-row">
                    <TableCell>
                      <span className="block font-medium">
                        {member.name}
                        {member.userId === me && (
                          <span className="ml-1 text-muted-foreground">({t('team.you')})</span>
                        )}
                      </span>
                      <span className="block text-sm text-muted-foreground">{member.email}</span>
                    </TableCell>
                    <TableCell>{member.workspace?.name ?? t('team.scope.agency')}</TableCell>
                    <TableCell>
                      {editable ? (
                        <Select
                          aria-label={`${t('team.role')}: ${member.name}`}
                          value={member.role}
                          data-test="team-member-role"
                          onChange={(event) =>
                            router.put(
                              urlFor('team.members.update', {
                                workspaceSlug,
                                kind: member.kind,
                                id: member.id,
                              }),
                              { role: event.target.value },
                              { preserveScroll: true }
                            )
                          }
                        >
                          {roleOptions(member.kind, member.role).map((role) => (
                            <option key={role} value={role}>
                              {t(`roles.${role}`)}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        <Badge variant="outline">{t(`roles.${member.role}`)}</Badge>
                      )}
                    </TableCell>
                    {can.manage && (
                      <TableCell className="text-right">
                        {editable && (
                          <Button
                            variant="ghost"
                            size="sm"
                            className="text-destructive"
                            onClick={() => setRemoving(member)}
                            data-test="team-member-remove"
                          >
                            {member.userId === me ? t('team.leave') : t('team.remove')}
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                )
              })}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      {can.manage && (
        <Card>
          <CardHeader>
            <CardTitle>{t('team.invite.title')}</CardTitle>
          </CardHeader>
          <Form
            route="team.invite"
            routeParams={{ workspaceSlug }}
            resetOnSuccess
            options={{ preserveScroll: true }}
            className="grid gap-4 px-6"
            transform={(data) => ({
              ...data,
              workspaceIds:
                scope === 'workspaces'
                  ? ([] as unknown[]).concat(data.workspaceIds ?? []).map(Number)
                  : undefined,
            })}
          >
            {({ errors, processing }) => (
              <>
                <div className="grid max-w-xl gap-4">
                  <FormField
                    id="invite-email"
                    name="email"
                    type="email"
                    label={t('team.invite.email')}
                    error={errors.email}
                    testId="invite-email"
                  />
                  <fieldset className="grid gap-2">
                    <legend className="mb-1 text-sm font-medium">{t('team.invite.scope')}</legend>
                    {(['agency', 'workspaces'] as const).map((option) => (
                      <label key={option} className="flex items-center gap-2 text-sm">
                        <input
                          type="radio"
                          name="scope"
                          value={option}
                          checked={scope === option}
                          onChange={() => setScope(option)}
                          data-test={`invite-scope-${option}`}
                        />
                        {t(`team.invite.scope_${option}`)}
                      </label>
                    ))}
                  </fieldset>
                  {scope === 'workspaces' && (
                    <fieldset className="grid gap-2" data-test="invite-workspaces">
                      <legend className="mb-1 text-sm font-medium">
                        {t('team.invite.workspaces')}
                      </legend>
                      {team.workspaces.map((option) => (
                        <label key={option.id} className="flex items-center gap-2 text-sm">
                          <input
                            type="checkbox"
                            name="workspaceIds[]"
                            value={option.id}
                            defaultChecked={option.id === workspace.id}
                            data-test={`invite-workspace-${option.slug}`}
                          />
                          {option.name}
                        </label>
                      ))}
                      <InputError message={errors.workspaceIds} />
                    </fieldset>
                  )}
                  <div className="grid gap-2">
                    <Label htmlFor="invite-role">{t('team.invite.role')}</Label>
                    <Select
                      id="invite-role"
                      name="role"
                      defaultValue="editor"
                      data-test="invite-role"
                    >
                      {(scope === 'agency' ? AGENCY_ROLES : WORKSPACE_ROLES)
                        .filter((role) => can.manageOwners || role !== 'owner')
                        .map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                    </Select>
                    <InputError message={errors.role} />
                  </div>
                </div>
                <div className="flex justify-end border-t py-4">
                  <Button type="submit" disabled={processing} data-test="invite-submit">
                    {processing && <LoaderCircleIcon className="animate-spin" />}
                    {t('team.invite.submit')}
                  </Button>
                </div>
              </>
            )}
          </Form>
        </Card>
      )}

      {can.manageOwners && (
        <Card>
          <CardHeader>
            <CardTitle>{t('team.two_factor.title')}</CardTitle>
            <CardDescription>{t('team.two_factor.text')}</CardDescription>
          </CardHeader>
          <CardContent>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={requireTwoFactor}
                onChange={(event) =>
                  router.put(
                    urlFor('team.two_factor', { workspaceSlug }),
                    { required: event.target.checked },
                    { preserveScroll: true }
                  )
                }
                data-test="team-require-two-factor"
              />
              {t('team.two_factor.label')}
            </label>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t('team.invitations')}</CardTitle>
          {team.invitations.length === 0 && (
            <CardDescription>{t('team.invitations.empty')}</CardDescription>
          )}
        </CardHeader>
        {team.invitations.length > 0 && (
          <CardContent>
            <Table data-test="team-invitations">
              <TableBody>
                {team.invitations.map((invitation) => (
                  <TableRow key={invitation.id} data-test="team-invitation-row">
                    <TableCell className="font-medium">{invitation.email}</TableCell>
                    <TableCell>
                      {invitation.workspaces?.join(', ') ?? t('team.scope.agency')}
                    </TableCell>
                    <TableCell>{t(`roles.${invitation.role}`)}</TableCell>
                    <TableCell className="text-muted-foreground">
                      {t('team.invitations.expires')}{' '}
                      {new Intl.DateTimeFormat(locale, { dateStyle: 'short' }).format(
                        new Date(invitation.expiresAt)
                      )}
                    </TableCell>
                    {can.manage && (
                      <TableCell className="text-right">
                        <Button
                          variant="ghost"
                          size="sm"
                          onClick={() =>
                            router.delete(
                              urlFor('team.invitations.revoke', {
                                workspaceSlug,
                                id: invitation.id,
                              }),
                              {
                                preserveScroll: true,
                              }
                            )
                          }
                          data-test="team-invitation-revoke"
                        >
                          {t('team.invitations.revoke')}
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        )}
      </Card>

      <ConfirmDialog
        open={!!removing}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={removing?.userId === me ? t('team.leave') : t('team.remove')}
        description={t('team.remove_confirm', { name: removing?.name ?? '' })}
        confirmLabel={removing?.userId === me ? t('team.leave') : t('team.remove')}
        request={{
          method: 'delete',
          url: urlFor('team.members.destroy', {
            workspaceSlug,
            kind: removing?.kind ?? 'agency',
            id: removing?.id ?? 0,
          }),
        }}
        confirmTestId="team-member-remove-confirm"
      />
    </div>
  )
}
