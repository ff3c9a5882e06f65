import type { ReactNode } from 'react'
import { PlusIcon, XIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import type { PageBlock } from '~/components/page-editor/page_model'

type Step = Data.Step.Variants['inFunnel']

/** A change of one field; `coalesce` groups a typing run into one undo step. */
export type BlockChange = (patch: Record<string, unknown>, field: string) => void

type FormProps<B extends PageBlock> = {
  block: B
  onChange: BlockChange
  errors: Record<string, string>
  targets: Step[]
}

/** One labelled control with its error; `field` is the block's field path (server errors). */
function Field({
  block,
  field,
  label,
  hint,
  errors,
  children,
}: {
  block: PageBlock
  field: string
  label: string
  hint?: string
  errors: Record<string, string>
  children: (props: {
    'id': string
    'aria-invalid': true | undefined
    'aria-describedby': string | undefined
    'data-test': string
  }) => ReactNode
}) {
  const id = `block-${block.id}-${field.replaceAll('.', '-')}`
  const error = errors[field]
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children({
        'id': id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described.length ? described.join(' ') : undefined,
        'data-test': `field-${field.replaceAll('.', '-')}`,
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <InputError id={`${id}-error`} message={error} data-test={`error-${field}`} />
    </div>
  )
}

function AlignField({ block, onChange, errors }: FormProps<PageBlock & { align: string }>) {
  const t = useT()
  return (
    <Field block={block} field="align" label={t('page_editor.fields.align')} errors={errors}>
      {(props) => (
        <Select
          {...props}
          value={block.align}
          onChange={(e) => onChange({ align: e.target.value }, 'align')}
        >
          <option value="left">{t('page_editor.fields.align.left')}</option>
          <option value="center">{t('page_editor.fields.align.center')}</option>
        </Select>
      )}
    </Field>
  )
}

/** A number field holding an integer (empty types as 0, the server judges the range). */
function NumberField({
  block,
  field,
  label,
  hint,
  value,
  min,
  max,
  onChange,
  errors,
}: {
  block: PageBlock
  field: string
  label: string
  hint?: string
  value: number
  min: number
  max: number
  onChange: BlockChange
  errors: Record<string, string>
}) {
  return (
    <Field block={block} field={field} label={label} hint={hint} errors={errors}>
      {(props) => (
        <Input
          {...props}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={Number.isFinite(value) ? value : 0}
          onChange={(e) => onChange({ [field]: Math.trunc(Number(e.target.value) || 0) }, field)}
        />
      )}
    </Field>
  )
}

/**
 * A list of rows (testimonials, FAQ, bullets): each row's fields, a remove button per row and
 * an add button. `empty` is a new row.
 */
function ItemsField<Item>({
  items,
  empty,
  onChange,
  errors,
  render,
}: {
  block?: PageBlock
  items: Item[]
  empty: Item
  onChange: BlockChange
  errors: Record<string, string>
  render: (item: Item, index: number, set: (item: Item, field: string) => void) => ReactNode
}) {
  const t = useT()
  const set = (index: number) => (item: Item, field: string) =>
    onChange(
      { items: items.map((old, i) => (i === index ? item : old)) },
      `items.${index}.${field}`
    )
  return (
    <div className="grid gap-3">
      {items.map((item, index) => (
        <fieldset key={index} className="grid gap-3 rounded-lg border p-3">
          <legend className="flex w-full items-center justify-between gap-2 px-1 text-sm font-medium">
            {t('page_editor.fields.item', { number: index + 1 })}
            {items.length > 1 && (
              <Button
                type="button"
                variant="ghost"
                size="icon-sm"
                onClick={() => onChange({ items: items.filter((_, i) => i !== index) }, 'items')}
                aria-label={t('page_editor.fields.item.remove', { number: index + 1 })}
              >
                <XIcon aria-hidden="true" />
              </Button>
            )}
          </legend>
          {render(item, index, set(index))}
        </fieldset>
      ))}
      <InputError message={errors.items} />
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="justify-self-start"
        onClick={() => onChange({ items: [...items, empty] }, 'items')}
        disabled={items.length >= 30}
        data-test="item-add"
      >
        <PlusIcon aria-hidden="true" />
        {t('page_editor.fields.item.add')}
      </Button>
    </div>
  )
}

/** The fields of one block, by type (app/types/step_page.ts). */
export function BlockFields({ block, onChange, errors, targets }: FormProps<PageBlock>) {
  const t = useT()
  const common = { onChange, errors, targets }
  switch (block.type) {
    case 'headline':
      return (
        <>
          <Field block={block} field="text" label={t('page_editor.fields.text')} errors={errors}>
            {(props) => (
              <Textarea
                {...props}
                rows={2}
                maxLength={255}
                value={block.text}
                onChange={(e) => onChange({ text: e.target.value }, 'text')}
              />
            )}
          </Field>
          <Field block={block} field="level" label={t('page_editor.fields.level')} errors={errors}>
            {(props) => (
              <Select
                {...props}
                value={String(block.level)}
                onChange={(e) => onChange({ level: Number(e.target.value) }, 'level')}
              >
                {[1, 2, 3].map((level) => (
                  <option key={level} value={level}>
                    {t(`page_editor.fields.level.${level}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <AlignField block={block} {...common} />
        </>
      )
    case 'text':
      return (
        <>
          <Field block={block} field="text" label={t('page_editor.fields.text')} errors={errors}>
            {(props) => (
              <Textarea
                {...props}
                rows={6}
                maxLength={5000}
                value={block.text}
                onChange={(e) => onChange({ text: e.target.value }, 'text')}
              />
            )}
          </Field>
          <AlignField block={block} {...common} />
        </>
      )
    case 'image':
      return (
        <>
          <Field
            block={block}
            field="url"
            label={t('page_editor.fields.image_url')}
            errors={errors}
          >
            {(props) => (
              <Input
                {...props}
                type="url"
                inputMode="url"
                placeholder="https://"
                value={block.url}
                onChange={(e) => onChange({ url: e.target.value }, 'url')}
              />
            )}
          </Field>
          <Field
            block={block}
            field="alt"
            label={t('page_editor.fields.alt')}
            hint={t('page_editor.fields.alt.hint')}
            errors={errors}
          >
            {(props) => (
              <Input
                {...props}
                value={block.alt}
                maxLength={255}
                onChange={(e) => onChange({ alt: e.target.value }, 'alt')}
              />
            )}
          </Field>
        </>
      )
    case 'video':
      return (
        <Field block={block} field="url" label={t('page_editor.fields.video_url')} errors={errors}>
          {(props) => (
            <Input
              {...props}
              type="url"
              inputMode="url"
              placeholder="https://www.youtube.com/watch?v=…"
              value={block.url}
              onChange={(e) => onChange({ url: e.target.value }, 'url')}
            />
          )}
        </Field>
      )
    case 'button':
      return (
        <>
          <Field block={block} field="label" label={t('page_editor.fields.label')} errors={errors}>
            {(props) => (
              <Input
                {...props}
                maxLength={255}
                value={block.label}
                onChange={(e) => onChange({ label: e.target.value }, 'label')}
              />
            )}
          </Field>
          <Field
            block={block}
            field="action"
            label={t('page_editor.fields.action')}
            errors={errors}
          >
            {(props) => (
              <Select
                {...props}
                value={block.action}
                onChange={(e) =>
                  onChange(
                    e.target.value === 'url'
                      ? { action: 'url', stepId: null, url: block.url ?? '' }
                      : { action: 'next', url: null },
                    'action'
                  )
                }
              >
                <option value="next">{t('page_editor.fields.action.next')}</option>
                <option value="url">{t('page_editor.fields.action.url')}</option>
              </Select>
            )}
          </Field>
          {block.action === 'next' ? (
            <Field
              block={block}
              field="stepId"
              label={t('page_editor.fields.step')}
              errors={errors}
            >
              {(props) => (
                <Select
                  {...props}
                  value={block.stepId ? String(block.stepId) : ''}
                  onChange={(e) =>
                    onChange({ stepId: e.target.value ? Number(e.target.value) : null }, 'stepId')
                  }
                >
                  <option value="">{t('page_editor.fields.step.next')}</option>
                  {targets.map((step) => (
                    <option key={step.id} value={step.id}>
                      {step.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ) : (
            <Field block={block} field="url" label={t('page_editor.fields.url')} errors={errors}>
              {(props) => (
                <Input
                  {...props}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={block.url ?? ''}
                  onChange={(e) => onChange({ url: e.target.value }, 'url')}
                />
              )}
            </Field>
          )}
          <NumberField
            block={block}
            field="delaySeconds"
            label={t('page_editor.fields.delay')}
            hint={t('page_editor.fields.delay.hint')}
            value={block.delaySeconds}
            min={0}
            max={7200}
            {...common}
          />
        </>
      )
    case 'countdown':
      return (
        <>
          <Field
            block={block}
            field="label"
            label={t('page_editor.fields.countdown_label')}
            errors={errors}
          >
            {(props) => (
              <Input
                {...props}
                maxLength={255}
                value={block.label}
                onChange={(e) => onChange({ label: e.target.value }, 'label')}
              />
            )}
          </Field>
          <NumberField
            block={block}
            field="minutes"
            label={t('page_editor.fields.minutes')}
            value={block.minutes}
            min={1}
            max={1440}
            {...common}
          />
        </>
      )
    case 'guarantee':
      return (
        <>
          <NumberField
            block={block}
            field="days"
            label={t('page_editor.fields.days')}
            value={block.days}
            min={1}
            max={365}
            {...common}
          />
          <Field
            block={block}
            field="text"
            label={t('page_editor.fields.guarantee_text')}
            errors={errors}
          >
            {(props) => (
              <Textarea
                {...props}
                rows={3}
                value={block.text}
                onChange={(e) => onChange({ text: e.target.value }, 'text')}
              />
            )}
          </Field>
        </>
      )
    case 'testimonials':
      return (
        <ItemsField
          block={block}
          items={block.items}
          empty={{ name: '', text: '', photoUrl: null }}
          {...common}
          render={(item, index, set) => (
            <>
              <Field
                block={block}
                field={`items.${index}.name`}
                label={t('page_editor.fields.name')}
                errors={errors}
              >
                {(props) => (
                  <Input
                    {...props}
                    value={item.name}
                    onChange={(e) => set({ ...item, name: e.target.value }, 'name')}
                  />
                )}
              </Field>
              <Field
                block={block}
                field={`items.${index}.text`}
                label={t('page_editor.fields.testimonial')}
                errors={errors}
              >
                {(props) => (
                  <Textarea
                    {...props}
                    rows={3}
                    value={item.text}
                    onChange={(e) => set({ ...item, text: e.target.value }, 'text')}
                  />
                )}
              </Field>
              <Field
                block={block}
                field={`items.${index}.photoUrl`}
                label={t('page_editor.fields.photo')}
                errors={errors}
              >
                {(props) => (
                  <Input
                    {...props}
                    type="url"
                    inputMode="url"
                    value={item.photoUrl ?? ''}
                    onChange={(e) => set({ ...item, photoUrl: e.target.value || null }, 'photoUrl')}
                  />
                )}
              </Field>
            </>
          )}
        />
      )
    case 'faq':
      return (
        <ItemsField
          block={block}
          items={block.items}
          empty={{ question: '', answer: '' }}
          {...common}
          render={(item, index, set) => (
            <>
              <Field
                block={block}
                field={`items.${index}.question`}
                label={t('page_editor.fields.question')}
                errors={errors}
              >
                {(props) => (
                  <Input
                    {...props}
                    value={item.question}
                    onChange={(e) => set({ ...item, question: e.target.value }, 'question')}
                  />
                )}
              </Field>
              <Field
                block={block}
                field={`items.${index}.answer`}
                label={t('page_editor.fields.answer')}
                errors={errors}
              >
                {(props) => (
                  <Textarea
                    {...props}
                    rows={3}
                    value={item.answer}
                    onChange={(e) => set({ ...item, answer: e.target.value }, 'answer')}
                  />
                )}
              </Field>
            </>
          )}
        />
      )
    case 'bullets':
      return (
        <ItemsField
          block={block}
          items={block.items}
          empty=""
          {...common}
          render={(item, index) => (
            <Field
              block={block}
              field={`items.${index}`}
              label={t('page_editor.fields.bullet', { number: index + 1 })}
              errors={errors}
            >
              {(props) => (
                <Input
                  {...props}
                  value={item}
                  onChange={(e) =>
                    onChange(
                      { items: block.items.map((old, i) => (i === index ? e.target.value : old)) },
                      `items.${index}`
                    )
                  }
                />
              )}
            </Field>
          )}
        />
      )
    case 'spacer':
      return (
        <Field block={block} field="size" label={t('page_editor.fields.size')} errors={errors}>
          {(props) => (
            <Select
              {...props}
              value={block.size}
              onChange={(e) => onChange({ size: e.target.value }, 'size')}
            >
              {(['sm', 'md', 'lg'] as const).map((size) => (
                <option key={size} value={size}>
                  {t(`page_editor.fields.size.${size}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )
    default:
      return <p className="text-sm text-muted-foreground">{t('page_editor.panel.nothing')}</p>
  }
}
