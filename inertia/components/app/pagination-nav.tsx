import { Link } from '@adonisjs/inertia/react'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'

/** "Página 2 de 5" with previous/next links, for every paginated list; hidden on a single page. */
export function PaginationNav({
  meta,
  pageUrl,
}: {
  meta: { currentPage: number; lastPage: number }
  pageUrl: (page: number) => string
}) {
  const t = useT()
  if (meta.lastPage <= 1) return null
  return (
    <nav className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
      <span>{t('common.page', { page: meta.currentPage, pages: meta.lastPage })}</span>
      <div className="flex gap-2">
        {meta.currentPage > 1 && (
          <Button asChild variant="outline" size="sm">
            <Link href={pageUrl(meta.currentPage - 1)} preserveScroll>
              {t('common.previous')}
            </Link>
          </Button>
        )}
        {meta.currentPage < meta.lastPage && (
          <Button asChild variant="outline" size="sm">
            <Link href={pageUrl(meta.currentPage + 1)} preserveScroll>
              {t('common.next')}
            </Link>
          </Button>
        )}
      </div>
    </nav>
  )
}
