import { formatDate, useLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'

interface Point {
  at: string
  counts: Record<string, number>
  total: number
}

/**
 * What the client wrote about, day by day: the life domains where something came in, never how
 * many sentences (growth is the client's story, not a count). Each day names the domains that grew
 * since the day before; the first day says where the client began.
 */
export function GrowthChart({ points, domains }: { points: Point[]; domains: string[] }) {
  const t = useT()
  const locale = useLocale()
  const days = points
    .map((point, index) => {
      const before = index > 0 ? points[index - 1] : undefined
      const grew = domains.filter((domain) => (point.counts[domain] ?? 0) > (before?.counts[domain] ?? 0))
      return { at: point.at, first: index === 0, grew }
    })
    .filter((day) => day.grew.length > 0)
  if (days.length === 0) return null
  const names = (list: string[]) => list.map((domain) => domainLabel(t, domain)).join(', ')
  return (
    <figure className="growth">
      <figcaption>{t('inventory.growthIntro')}</figcaption>
      <ol className="growth-days" data-testid="growth-days">
        {days.map((day) => (
          <li key={day.at}>
            {t(day.first ? 'inventory.growthFirst' : 'inventory.growthDay', { date: formatDate(locale, day.at), domains: names(day.grew) })}
          </li>
        ))}
      </ol>
    </figure>
  )
}
