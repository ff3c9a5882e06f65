import { useEffect, useRef, useState, type ComponentProps } from 'react'
import { Button } from '~/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { formatBRL, formatCents, parseMoneyInput, priceChangeWarning } from '~/lib/money'
import { useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'

type Props = Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type' | 'defaultValue'> & {
  /** The price, integer cents. */
  cents: number
  /** Called with integer cents once a value is typed (and confirmed when it needed it). */
  onCents: (cents: number) => void
}

/**
 * Every price of the admin (checkout, order bumps, upsell offers): the user types reais the
 * Brazilian way (`67` is R$ 67,00, `67,90`, `1.234,56`), the form holds integer cents, and the
 * field shows `1.234,56` once left.
 *
 * A typed price that is 10× or more above or below the price the field started with, or above
 * R$ 10.000,00, is held back until confirmed: the form keeps the last safe value meanwhile, so
 * saving can never send it unconfirmed. Leaving the field (or pressing Enter) asks; "Cancelar"
 * puts the previous price back.
 */
export function MoneyInput({ cents, onCents, className, onBlur, onKeyDown, ...props }: Props) {
  const t = useT()
  const [text, setText] = useState(() => formatCents(cents))
  const [focused, setFocused] = useState(false)
  /** What a change is measured against: the price when the page opened, or the last confirmed. */
  const baseline = useRef(cents)
  /** A typed price waiting for confirmation. */
  const [held, setHeld] = useState<number | null>(null)
  const [asking, setAsking] = useState(false)

  /** A new value from outside (reset, reload) shows as is while the user is not typing. */
  useEffect(() => {
    if (!focused && held === null) setText(formatCents(cents))
  }, [cents, focused, held])

  function typed(value: string) {
    setText(value)
    const parsed = parseMoneyInput(value)
    if (parsed === null) return setHeld(null)
    if (priceChangeWarning(baseline.current, parsed)) return setHeld(parsed)
    setHeld(null)
    if (parsed !== cents) onCents(parsed)
  }

  /** Leaving the field: format what it holds, or ask about a held price. */
  function settle() {
    setFocused(false)
    if (held !== null) {
      setAsking(true)
      return true
    }
    setText(formatCents(cents))
    return false
  }

  function confirm() {
    if (held === null) return
    baseline.current = held
    onCents(held)
    setText(formatCents(held))
    setHeld(null)
    setAsking(false)
  }

  function cancel() {
    setText(formatCents(cents))
    setHeld(null)
    setAsking(false)
  }

  const warning = held === null ? null : priceChangeWarning(baseline.current, held)

  return (
    <>
      <div className="relative">
        <span
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-sm text-muted-foreground"
        >
          R$
        </span>
        <Input
          {...props}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className={cn('pl-10 tabular-nums', className)}
          value={text}
          onFocus={() => setFocused(true)}
          onChange={(event) => typed(event.target.value)}
          onBlur={(event) => {
            settle()
            onBlur?.(event)
          }}
          onKeyDown={(event) => {
            /** Enter would submit the form: a held price is asked about first. */
            if (event.key === 'Enter' && held !== null) {
              event.preventDefault()
              settle()
            }
            onKeyDown?.(event)
          }}
        />
      </div>
      <Dialog open={asking} onOpenChange={(open) => !open && cancel()}>
        <DialogContent
          closeLabel={t('common.close')}
          className="sm:max-w-md"
          data-test="money-confirm"
        >
          <DialogHeader>
            <DialogTitle>{t('money.confirm.title')}</DialogTitle>
            <DialogDescription>
              {warning === 'above_limit'
                ? t('money.confirm.above_limit', { price: formatBRL(held ?? 0) })
                : t(`money.confirm.${warning ?? 'ten_times_more'}`, {
                    before: formatBRL(baseline.current),
                    after: formatBRL(held ?? 0),
                  })}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={cancel} data-test="money-confirm-cancel">
              {t('money.confirm.cancel', { price: formatBRL(cents) })}
            </Button>
            <Button onClick={confirm} data-test="money-confirm-ok">
              {t('money.confirm.ok', { price: formatBRL(held ?? 0) })}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  )
}
