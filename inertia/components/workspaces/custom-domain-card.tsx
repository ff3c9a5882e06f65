import { Form } from '@adonisjs/inertia/react'
import { CheckCircle2Icon, ClockIcon, LoaderCircleIcon } from 'lucide-react'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '~/components/ui/card'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type CurrentWorkspace = Data.Workspace

/**
 * The custom domain's proof of ownership: pending or verified, the TXT record to create and
 * "Verificar agora" (owners and admins). Until verified the domain serves nothing.
 */
export function CustomDomainCard({ workspace }: { workspace: CurrentWorkspace }) {
  const t = useT()
  const domain = workspace.domain
  if (!domain) return null
  const verified = domain.status === 'verified'

  return (
    <Card data-test="custom-domain">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {t('domains.title')}
          <span className="font-mono text-sm font-normal">{domain.domain}</span>
          <Badge variant={verified ? 'success' : 'secondary'} data-test="custom-domain-status">
            {verified ? <CheckCircle2Icon /> : <ClockIcon />}
            {t(verified ? 'domains.status.verified' : 'domains.status.pending')}
          </Badge>
        </CardTitle>
        <CardDescription>
          {verified
            ? t('domains.verified_help', {
                domain: domain.domain,
                date: new Date(domain.verifiedAt!).toLocaleDateString(),
              })
            : t('domains.instructions', { domain: domain.domain })}
        </CardDescription>
      </CardHeader>

      {!verified && domain.record && (
        <CardContent>
          <Table data-test="custom-domain-record">
            <TableHeader>
              <TableRow>
                <TableHead>{t('domains.record.type')}</TableHead>
                <TableHead>{t('domains.record.name')}</TableHead>
                <TableHead>{t('domains.record.value')}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell className="font-mono">{domain.record.type}</TableCell>
                <TableCell className="font-mono break-all whitespace-normal select-all">
                  {domain.record.name}
                </TableCell>
                <TableCell className="font-mono break-all whitespace-normal select-all">
                  {domain.record.value}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </CardContent>
      )}

      {!verified && workspace.can.manage && (
        <Form
          action={urlFor('workspaces.domain.verify', { id: workspace.id })}
          method="post"
          options={{ preserveScroll: true }}
        >
          {({ processing }) => (
            <CardFooter className="justify-end border-t">
              <Button type="submit" disabled={processing} data-test="custom-domain-verify">
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('domains.verify')}
              </Button>
            </CardFooter>
          )}
        </Form>
      )}
    </Card>
  )
}
