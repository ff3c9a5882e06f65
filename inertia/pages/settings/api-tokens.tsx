import { router, usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { KeyRoundIcon, LoaderCircleIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type TokenRow = {
  id: string
  name: string
  readOnly: boolean
  createdAt: string | null
  lastUsedAt: string | null
}

/** The signed-in user's API tokens for this workspace: create (value shown once) and revoke. */
export default function ApiTokens({
  tokens,
  newToken,
}: {
  tokens: TokenRow[]
  newToken: string | null
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!workspace) return null

  return (
    <>
      <PageHeader title={t('api_tokens.title')} description={t('api_tokens.subtitle')} />

      {newToken && (
        <Card className="border-primary">
          <CardContent className="grid gap-2 pt-6">
            <p className="text-sm font-medium">{t('api_tokens.shown_once')}</p>
            <Input readOnly value={newToken} className="font-mono text-sm" data-test="new-token" />
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t('api_tokens.new')}</CardTitle>
          <CardDescription>
            <a href={urlFor('docs.api')} className="underline" data-test="api-docs-link">
              {t('api_tokens.docs')}
            </a>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Form
            route="w.settings.api_tokens.store"
            routeParams={{ workspaceSlug: workspace.slug }}
            resetOnSuccess
            options={{ preserveScroll: true }}
            className="grid max-w-xl gap-4"
          >
            {({ errors, processing }) => (
              <>
                <div className="grid gap-2">
                  <Label htmlFor="token-name">{t('api_tokens.name')}</Label>
                  <Input id="token-name" name="name" maxLength={100} data-test="token-name" />
                  <InputError message={errors.name} />
                </div>
                <fieldset className="grid gap-2">
                  <legend className="text-sm font-medium">{t('api_tokens.access')}</legend>
                  {(['read', 'full'] as const).map((access) => (
                    <label key={access} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name="access"
                        value={access}
                        defaultChecked={access === 'read'}
                        data-test={`token-access-${access}`}
                      />
                      {t(`api_tokens.access.${access}`)}
                    </label>
                  ))}
                  <InputError message={errors.access} />
                </fieldset>
                <div>
                  <Button type="submit" disabled={processing} data-test="token-create">
                    {processing && <LoaderCircleIcon className="animate-spin" />}
                    {t('api_tokens.create')}
                  </Button>
                </div>
              </>
            )}
          </Form>
        </CardContent>
      </Card>

      <Card>
        <CardContent className="pt-6">
          {tokens.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t('api_tokens.empty')}</p>
          ) : (
            <Table data-test="token-list">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('api_tokens.name')}</TableHead>
                  <TableHead>{t('api_tokens.access')}</TableHead>
                  <TableHead>{t('api_tokens.last_used')}</TableHead>
                  <TableHead />
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((token) => (
                  <TableRow key={token.id} data-test={`token-${token.id}`}>
                    <TableCell className="flex items-center gap-2">
                      <KeyRoundIcon className="size-4 text-muted-foreground" />
                      {token.name}
                    </TableCell>
                    <TableCell>
                      <Badge variant={token.readOnly ? 'secondary' : 'default'}>
                        {t(token.readOnly ? 'api_tokens.access.read' : 'api_tokens.access.full')}
                      </Badge>
                    </TableCell>
                    <TableCell className="text-muted-foreground">
                      {token.lastUsedAt
                        ? new Date(token.lastUsedAt).toLocaleString()
                        : t('api_tokens.never')}
                    </TableCell>
                    <TableCell className="text-right">
                      <Button
                        variant="outline"
                        size="sm"
                        data-test={`token-revoke-${token.id}`}
                        onClick={() =>
                          router.delete(
                            urlFor('w.settings.api_tokens.destroy', {
                              workspaceSlug: workspace.slug,
                              id: token.id,
                            }),
                            { preserveScroll: true }
                          )
                        }
                      >
                        {t('api_tokens.revoke')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  )
}
