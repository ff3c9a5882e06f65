import type { ReactNode } from 'react'
import { Form } from '@adonisjs/inertia/react'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { cn } from '~/lib/utils'
import { useT } from '~/lib/i18n'

export type FormErrors = Record<string, string | undefined>

/**
 * The dialog that creates a row (`editing` false: POST to `action`, "Criar") or edits one (PUT,
 * "Salvar") — coupons, webhook endpoints, pixels. It closes once the server accepts the form;
 * a refused form stays open with its field errors. `formKey` remounts the form per row so its
 * uncontrolled fields start from that row.
 */
export function RecordFormDialog({
  open,
  onOpenChange,
  editing,
  formKey,
  title,
  description,
  action,
  submitTestId,
  formClassName,
  children,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  editing: boolean
  formKey: string | number
  title: string
  description: string
  action: string
  submitTestId: string
  formClassName?: string
  children: (errors: FormErrors) => ReactNode
}) {
  const t = useT()
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>

        <Form
          key={formKey}
          action={action}
          method={editing ? 'put' : 'post'}
          options={{ preserveScroll: true }}
          onSuccess={() => onOpenChange(false)}
          className={cn('grid gap-5', formClassName)}
        >
          {({ errors, processing }) => (
            <>
              {children(errors)}
              <FormDialogFooter
                processing={processing}
                submitLabel={editing ? t('common.save') : t('common.create')}
                submitTestId={submitTestId}
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}

/** The attributes a field's control takes from its Field (the label's target, help and error). */
export interface FieldControl {
  'id': string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/**
 * A labelled control with its help line and its validation message, both tied to the control
 * (`aria-describedby`). The control gets its id and ARIA attributes from `children(control)`.
 */
export function Field({
  id,
  label,
  help,
  error,
  className,
  children,
}: {
  id: string
  label: ReactNode
  help?: ReactNode
  error?: string
  className?: string
  children: (control: FieldControl) => ReactNode
}) {
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className={cn('grid gap-2', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({
        'id': id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {help && (
        <p id={`${id}-help`} className="text-sm text-muted-foreground">
          {help}
        </p>
      )}
      <InputError id={`${id}-error`} message={error} />
    </div>
  )
}

/**
 * One checkbox per option, submitted as `name[]` (none ticked submits nothing); the error of
 * the list or of any member (`name.3`) shows once under it.
 */
export function CheckboxGroup({
  id,
  name,
  legend,
  help,
  options,
  checked,
  errors,
  className,
}: {
  id: string
  name: string
  legend: string
  help: string
  options: Array<{ value: string | number; label: ReactNode; test: string }>
  checked: Array<string | number>
  errors: FormErrors
  className?: string
}) {
  const error =
    errors[name] ??
    Object.entries(errors).find(([field]) => field.startsWith(`${name}.`))?.[1] ??
    undefined
  return (
    <fieldset className="grid gap-2" aria-describedby={`${id}-help`}>
      <legend className="mb-2 text-sm leading-none font-medium">{legend}</legend>
      <div className={cn('grid gap-2 sm:grid-cols-2', className)}>
        {options.map((option) => (
          <label
            key={option.value}
            className="flex items-start gap-3 rounded-md border px-3 py-2 text-sm has-checked:border-primary"
          >
            <input
              type="checkbox"
              name={`${name}[]`}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
              className="mt-0.5 size-4 shrink-0 accent-primary"
              data-test={option.test}
            />
            {option.label}
          </label>
        ))}
      </div>
      <p id={`${id}-help`} className="text-sm text-muted-foreground">
        {help}
      </p>
      <InputError message={error} />
    </fieldset>
  )
}
