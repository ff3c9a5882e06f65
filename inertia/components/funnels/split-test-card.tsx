import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { FlaskConicalIcon, LoaderCircleIcon, PencilIcon, TrophyIcon } from 'lucide-react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { StepContentFields, type Content } from '~/components/funnels/step-content-fields'
import { MoneyInput } from '~/components/app/money-input'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
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
import { formatBRL } from '~/lib/money'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type Step = Data.Step.Variants['inFunnel']

/** One arm against the control, as SplitTestResults computes it. */
type Comparison = {
  probabilityToBeatControl: number | null
  chiSquare: number | null
  pValue: number | null
}

export type SplitVariant = {
  id: number
  name: string
  weight: number
  isControl: boolean
  status: 'active' | 'archived' | 'winner'
  content: Content | null
  checkoutConfig: (Content & { productName?: string; productPriceCents?: number }) | null
  version: number
}

export type SplitTest = {
  id: number
  stepId: number
  name: string
  status: 'running' | 'finished'
  winnerVariantId: number | null
  startedAt: string | null
  finishedAt: string | null
  variants: SplitVariant[]
  results?: {
    nextStep: { id: number; name: string } | null
    variants: Array<{
      variantId: number
      visitors: number
      nextStepVisitors: number
      nextStepRate: number
      buyers: number
      payments: number
      revenueCents: number
      paidRate: number
      nextStep: Comparison | null
      paid: Comparison | null
    }>
  }
}

const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1).replace('.', ',')}%`

/**
 * The builder's "Teste A/B" card for the selected step: start a test (control = the step,
 * B = a copy to edit), set the traffic weights, edit a challenger's content (and, on a checkout,
 * its product and price), read the results per variant (next step, paid, revenue, chance to
 * beat the control, chi-square p-value, with a chart) and declare the winner.
 */
export function SplitTestCard({
  step,
  steps,
  splitTests,
}: {
  step: Step
  steps: Step[]
  splitTests: SplitTest[]
}) {
  const t = useT()
  const { workspace } = usePage().props
  const canWrite = workspace?.can.write ?? false
  const [processing, setProcessing] = useState(false)
  const ofStep = splitTests.filter((test) => test.stepId === step.id)
  const running = ofStep.find((test) => test.status === 'running') ?? null
  const history = ofStep.filter((test) => test.status === 'finished')
  if (!workspace) return null

  function start() {
    router.post(
      urlFor('w.split_tests.store', {
        workspaceSlug: workspace!.slug,
        funnelId: step.funnelId,
        stepId: step.id,
      }),
      {},
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onFinish: () => setProcessing(false),
      }
    )
  }

  return (
    <Card className="gap-4" data-test="split-test-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FlaskConicalIcon className="size-4" />
          {t('split_tests.title')}
          {running && (
            <Badge variant="success" data-test="split-running">
              {t('split_tests.running')}
            </Badge>
          )}
        </CardTitle>
        <CardDescription>{t('split_tests.description')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {running ? (
          <RunningTest key={running.id} test={running} step={step} steps={steps} />
        ) : (
          canWrite && (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="text-sm text-muted-foreground">{t('split_tests.start_hint')}</p>
              <Button onClick={start} disabled={processing} data-test="split-start">
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('split_tests.start')}
              </Button>
            </div>
          )
        )}
        {history.length > 0 && (
          <div className="grid gap-3">
            <h3 className="text-sm font-medium">{t('split_tests.history')}</h3>
            {history.map((test) => (
              <ResultsTable key={test.id} test={test} />
            ))}
          </div>
        )}
      </CardContent>
    </Card>
  )
}

function RunningTest({ test, step, steps }: { test: SplitTest; step: Step; steps: Step[] }) {
  const t = useT()
  const { workspace } = usePage().props
  const canWrite = workspace?.can.write ?? false
  const active = test.variants.filter((variant) => variant.status === 'active')
  const [weights, setWeights] = useState(() =>
    Object.fromEntries(active.map((variant) => [variant.id, String(variant.weight)]))
  )
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [processing, setProcessing] = useState(false)
  const [editing, setEditing] = useState<SplitVariant | null>(null)
  const [crowning, setCrowning] = useState<SplitVariant | null>(null)
  const total = active.reduce((sum, variant) => sum + (Number(weights[variant.id]) || 0), 0)

  function saveWeights() {
    router.put(
      urlFor('w.split_tests.update', { workspaceSlug: workspace!.slug, id: test.id }),
      {
        variants: active.map((variant) => ({
          id: variant.id,
          weight: Number(weights[variant.id]),
        })),
      },
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onSuccess: () => setErrors({}),
        onError: (bag) => setErrors(bag),
        onFinish: () => setProcessing(false),
      }
    )
  }

  function declare(variant: SplitVariant) {
    router.post(
      urlFor('w.split_tests.winner', { workspaceSlug: workspace!.slug, id: test.id }),
      { variantId: variant.id },
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onSuccess: () => setCrowning(null),
        onError: (bag) => setErrors(bag),
        onFinish: () => setProcessing(false),
      }
    )
  }

  return (
    <div className="grid gap-4" data-test="split-test" data-test-id={test.id}>
      <div className="grid gap-2">
        {active.map((variant, index) => (
          <div
            key={variant.id}
            className="flex flex-wrap items-center gap-3 rounded-lg border p-3"
            data-test={`split-variant-${index}`}
          >
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-2 font-medium">
                <span className="truncate" data-test={`split-variant-name-${index}`}>
                  {variant.name}
                </span>
                {variant.isControl && <Badge variant="outline">{t('split_tests.control')}</Badge>}
              </div>
              <p className="text-xs text-muted-foreground">
                {t('split_tests.traffic', {
                  percent:
                    total > 0 ? Math.round(((Number(weights[variant.id]) || 0) / total) * 100) : 0,
                })}
              </p>
            </div>
            <div className="flex items-center gap-2">
              <Label htmlFor={`split-weight-${variant.id}`} className="text-xs">
                {t('split_tests.weight')}
              </Label>
              <Input
                id={`split-weight-${variant.id}`}
                type="number"
                min={0}
                max={100}
                className="w-20"
                value={weights[variant.id] ?? ''}
                disabled={!canWrite || processing}
                onChange={(e) =>
                  setWeights((current) => ({ ...current, [variant.id]: e.target.value }))
                }
                data-test={`split-weight-${index}`}
                aria-invalid={errors[`variants.${index}.weight`] ? true : undefined}
              />
            </div>
            {canWrite && (
              <div className="flex gap-1">
                {!variant.isControl && (
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => setEditing(variant)}
                    data-test={`split-edit-${index}`}
                  >
                    <PencilIcon />
                    {t('split_tests.edit_variant')}
                  </Button>
                )}
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => setCrowning(variant)}
                  data-test={`split-winner-${index}`}
                >
                  <TrophyIcon />
                  {t('split_tests.declare_winner')}
                </Button>
              </div>
            )}
            <InputError message={errors[`variants.${index}.weight`]} className="basis-full" />
          </div>
        ))}
        <InputError message={errors.variants} data-test="split-weights-error" />
        {canWrite && (
          <div className="flex justify-end">
            <Button
              variant="secondary"
              onClick={saveWeights}
              disabled={processing}
              data-test="split-save-weights"
            >
              {processing && <LoaderCircleIcon className="animate-spin" />}
              {t('split_tests.save_weights')}
            </Button>
          </div>
        )}
      </div>

      <ResultsTable test={test} chart />

      {editing && (
        <EditVariantDialog
          test={test}
          variant={editing}
          step={step}
          steps={steps}
          onClose={() => setEditing(null)}
        />
      )}
      <Dialog open={crowning !== null} onOpenChange={(open) => !open && setCrowning(null)}>
        <DialogContent closeLabel={t('common.close')} className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>{t('split_tests.declare_winner')}</DialogTitle>
            <DialogDescription>
              {t('split_tests.declare_winner_confirm', { name: crowning?.name ?? '' })}
            </DialogDescription>
          </DialogHeader>
          <InputError message={errors.variantId} data-test="split-winner-error" />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">{t('common.cancel')}</Button>
            </DialogClose>
            <Button
              disabled={processing}
              onClick={() => crowning && declare(crowning)}
              data-test="split-confirm-winner"
            >
              {processing && <LoaderCircleIcon className="animate-spin" />}
              {t('split_tests.declare_winner')}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  )
}

/** The per-variant results, the significance with its method, and (running) a chart. */
export function ResultsTable({ test, chart = false }: { test: SplitTest; chart?: boolean }) {
  const t = useT()
  const results = test.results
  if (!results) return null
  const byId = new Map(results.variants.map((row) => [row.variantId, row]))
  const hasData = results.variants.some((row) => row.visitors > 0)
  const series = test.variants.map((variant) => ({
    name: variant.name,
    next: Math.round((byId.get(variant.id)?.nextStepRate ?? 0) * 1000) / 10,
    paid: Math.round((byId.get(variant.id)?.paidRate ?? 0) * 1000) / 10,
  }))

  return (
    <div className="grid gap-3" data-test={`split-results-${test.id}`}>
      <div className="flex items-baseline justify-between gap-2">
        <h4 className="text-sm font-medium">
          {test.status === 'running' ? t('split_tests.results') : test.name}
        </h4>
        {test.status === 'finished' && <Badge variant="outline">{t('split_tests.finished')}</Badge>}
      </div>
      <div className="overflow-x-auto">
        <Table data-test="split-results-table">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>{t('split_tests.variant')}</TableHead>
              <TableHead className="text-right">{t('split_tests.visitors')}</TableHead>
              <TableHead className="text-right">
                {results.nextStep
                  ? t('split_tests.next_step', { step: results.nextStep.name })
                  : t('split_tests.next_step_short')}
              </TableHead>
              <TableHead className="text-right">{t('split_tests.paid')}</TableHead>
              <TableHead className="text-right">{t('split_tests.revenue')}</TableHead>
              <TableHead className="text-right">{t('split_tests.chance_to_beat')}</TableHead>
              <TableHead className="text-right">{t('split_tests.p_value')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {test.variants.map((variant) => {
              const row = byId.get(variant.id)
              return (
                <TableRow key={variant.id} data-test={`split-result-${variant.id}`}>
                  <TableCell className="font-medium">
                    <span className="flex items-center gap-2">
                      {variant.name}
                      {variant.status === 'winner' && (
                        <Badge variant="success">
                          <TrophyIcon />
                          {t('split_tests.winner')}
                        </Badge>
                      )}
                    </span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums" data-test="split-visitors">
                    {row?.visitors ?? 0}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {row?.nextStepVisitors ?? 0} ({percent(row?.nextStepRate)})
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {row?.buyers ?? 0} ({percent(row?.paidRate)})
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {formatBRL(row?.revenueCents ?? 0)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {variant.isControl
                      ? '—'
                      : `${percent(row?.nextStep?.probabilityToBeatControl)} · ${percent(row?.paid?.probabilityToBeatControl)}`}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {variant.isControl
                      ? '—'
                      : (row?.nextStep?.pValue?.toFixed(4).replace('.', ',') ?? '—')}
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      </div>
      <p className="text-xs text-muted-foreground" data-test="split-method">
        {t('split_tests.method')}
      </p>
      {chart &&
        (hasData ? (
          <div className="h-56" data-test="split-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={series}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tickLine={false} fontSize={12} />
                <YAxis unit="%" tickLine={false} fontSize={12} width={40} />
                <Tooltip formatter={(value) => `${value}%`} />
                <Legend />
                <Bar
                  dataKey="next"
                  name={t('split_tests.next_step_short')}
                  fill="var(--chart-1, #2563eb)"
                />
                <Bar dataKey="paid" name={t('split_tests.paid')} fill="var(--chart-2, #16a34a)" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground" data-test="split-no-data">
            {t('split_tests.no_data')}
          </p>
        ))}
    </div>
  )
}

/** A challenger's own copy: its name, the step type's content fields, a checkout's product and price. */
function EditVariantDialog({
  test,
  variant,
  step,
  steps,
  onClose,
}: {
  test: SplitTest
  variant: SplitVariant
  step: Step
  steps: Step[]
  onClose: () => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [name, setName] = useState(variant.name)
  const [content, setContent] = useState<Content>(() => variant.content ?? step.content)
  const checkout = variant.checkoutConfig
  const [productName, setProductName] = useState(checkout?.productName ?? '')
  const [priceCents, setPriceCents] = useState(checkout?.productPriceCents ?? 0)
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [processing, setProcessing] = useState(false)

  function save() {
    router.put(
      urlFor('w.split_tests.variants.update', {
        workspaceSlug: workspace!.slug,
        id: test.id,
        variantId: variant.id,
      }),
      {
        name,
        content,
        ...(step.stepType === 'checkout' && checkout
          ? { checkoutConfig: { ...checkout, productName, productPriceCents: priceCents } }
          : {}),
      },
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onSuccess: () => onClose(),
        onError: (bag) => setErrors(bag),
        onFinish: () => setProcessing(false),
      }
    )
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        closeLabel={t('common.close')}
        className="max-h-[90vh] overflow-y-auto sm:max-w-2xl"
        data-test="split-variant-dialog"
      >
        <DialogHeader>
          <DialogTitle>{t('split_tests.edit_variant_title', { name: variant.name })}</DialogTitle>
        </DialogHeader>
        <fieldset disabled={processing} className="grid min-w-0 gap-5">
          <div className="grid gap-2">
            <Label htmlFor="split-variant-name">{t('split_tests.variant_name')}</Label>
            <Input
              id="split-variant-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-test="split-variant-name"
              aria-invalid={errors.name ? true : undefined}
            />
            <InputError message={errors.name} />
          </div>
          {step.stepType === 'checkout' && checkout && (
            <div className="grid gap-5 sm:grid-cols-2">
              <div className="grid gap-2">
                <Label htmlFor="split-product-name">{t('split_tests.product_name')}</Label>
                <Input
                  id="split-product-name"
                  value={productName}
                  onChange={(e) => setProductName(e.target.value)}
                  data-test="split-product-name"
                />
                <InputError message={errors['checkoutConfig.productName']} />
              </div>
              <div className="grid gap-2">
                <Label htmlFor="split-product-price">{t('split_tests.product_price')}</Label>
                <MoneyInput
                  id="split-product-price"
                  cents={priceCents}
                  onCents={setPriceCents}
                  data-test="split-product-price"
                />
                <InputError message={errors['checkoutConfig.productPriceCents']} />
              </div>
            </div>
          )}
          <StepContentFields
            type={step.stepType}
            content={content}
            onChange={(patch) => setContent((current) => ({ ...current, ...patch }))}
            errors={errors}
            targets={steps.filter((other) => other.id !== step.id)}
          />
        </fieldset>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t('common.cancel')}</Button>
          </DialogClose>
          <Button onClick={save} disabled={processing} data-test="split-variant-save">
            {processing && <LoaderCircleIcon className="animate-spin" />}
            {t('split_tests.save_variant')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
