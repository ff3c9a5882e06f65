import { ConstructionIcon } from 'lucide-react'
import { NAV_ITEMS } from '~/components/app/app-sidebar'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { useT } from '~/lib/i18n'
import type { Section } from '~/types'

/** Stand-in for a workspace section that later issues build. */
export default function SectionPlaceholder({ section }: { section: Section }) {
  const t = useT()
  const icon = NAV_ITEMS.find((item) => item.key === section)?.icon ?? ConstructionIcon

  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <EmptyState icon={icon} description={t('placeholder.soon')} />
    </>
  )
}
