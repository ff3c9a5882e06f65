import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { RocketIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '~/components/ui/dialog'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Change = { kind: string; stepId: number | null; label: string }
type Changes = {
  published: { version: number; publishedAt: string } | null
  changes: Change[]
}

/**
 * "Publicar" (issue 18 item 4): the builder edits a draft; this dialog lists what changed since
 * the last publish (GET …/changes, computed on the server) and publishes it (POST …/publish).
 * Visitors see nothing of the draft before that.
 */
export function PublishDialog({ funnel }: { funnel: { id: number; status: string } }) {
  const t = useT()
  const { workspace } = usePage().props
  const [open, setOpen] = useState(false)
  const [data, setData] = useState<Changes | null>(null)
  const [failed, setFailed] = useState(false)
  const [processing, setProcessing] = useState(false)
  if (!workspace?.can.write) return null
  const params = { workspaceSlug: workspace.slug, id: funnel.id }

  async function load() {
    setData(null)
    setFailed(false)
    try {
      const response = await fetch(urlFor('w.funnels.changes', params), {
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      })
      if (!response.ok) throw new Error(String(response.status))
      setData((await response.json()) as Changes)
    } catch {
      setFailed(true)
    }
  }

  function publish() {
    router.post(
      urlFor('w.funnels.publish', params),
      {},
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onFinish: () => setProcessing(false),
        onSuccess: () => setOpen(false),
      }
    )
  }

  const first = data && !data.published
  const nothing = data && data.published && data.changes.length === 0

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) void load()
      }}
    >
      <DialogTrigger asChild>
        <Button data-test="publish-funnel">
          <RocketIcon />
          {funnel.status === 'draft' ? t('publishing.publish') : t('publishing.republish')}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t('common.close')}>
        <DialogHeader>
          <DialogTitle>{t('publishing.dialog.title')}</DialogTitle>
          <DialogDescription>
            {first ? t('publishing.dialog.first') : t('publishing.dialog.description')}
          </DialogDescription>
        </DialogHeader>
        <div className="max-h-72 overflow-y-auto text-sm" data-test="publish-changes">
          {failed ? (
            <p className="text-destructive" role="alert">
              {t('publishing.dialog.failed')}
            </p>
          ) : !data ? (
            <p className="text-muted-foreground" role="status">
              {t('publishing.dialog.loading')}
            </p>
          ) : nothing ? (
            <p className="text-muted-foreground" data-test="publish-nothing">
              {t('publishing.dialog.nothing')}
            </p>
          ) : (
            <ul className="grid list-disc gap-1 pl-5">
              {data.changes.map((change, index) => (
                <li key={index} data-test="publish-change" data-kind={change.kind}>
                  {change.label}
                </li>
              ))}
            </ul>
          )}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} type="button">
            {t('publishing.dialog.cancel')}
          </Button>
          <Button
            type="button"
            onClick={publish}
            disabled={processing || !data}
            data-test="publish-confirm"
          >
            {t('publishing.dialog.confirm')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
