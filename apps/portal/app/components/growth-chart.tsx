import { formatDate, useLocale, useT } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'

interface Point {
  at: string
  counts: Record<string, number>
  total: number
}

// Calm, distinguishable colours, one per domain; the table below says the same in words.
const palette = ['#245c4f', '#f4c95d', '#5b8fb9', '#c06c84', '#6c9a4b', '#e08a4c', '#8d6cab', '#3f8f8a', '#b5a33f', '#7a7a7a']

/** Statements per domain over time as stacked bars: drawn on the server, readable without JavaScript. */
export function GrowthChart({ points, domains }: { points: Point[]; domains: string[] }) {
  const t = useT()
  const locale = useLocale()
  if (points.length === 0) return null
  const width = 320
  const height = 160
  const max = Math.max(1, ...points.map((point) => point.total))
  const barWidth = (width - 20) / points.length - 6
  const used = domains.filter((domain) => points.some((point) => (point.counts[domain] ?? 0) > 0))
  return (
    <figure className="growth">
      <svg viewBox={`0 0 ${width} ${height + 24}`} role="img" aria-labelledby="growth-caption" className="growth-svg">
        {points.map((point, index) => {
          let y = height
          const x = 10 + index * (barWidth + 6)
          return (
            <g key={point.at}>
              {used.map((domain) => {
                const count = point.counts[domain] ?? 0
                if (count === 0) return null
                const h = (count / max) * (height - 10)
                y -= h
                return <rect key={domain} x={x} y={y} width={barWidth} height={h} fill={palette[domains.indexOf(domain) % palette.length]} />
              })}
              <text x={x + barWidth / 2} y={height + 16} textAnchor="middle" fontSize="10" fill="#56656b">
                {new Date(point.at).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short' })}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption id="growth-caption">
        {t('inventory.growthIntro')} {t('inventory.growthTotal', { count: points.at(-1)?.total ?? 0 })}
      </figcaption>
      <ul className="legend">
        {used.map((domain) => (
          <li key={domain}>
            <span className="swatch" style={{ background: palette[domains.indexOf(domain) % palette.length] }} aria-hidden="true" />
            {domainLabel(t, domain)}: {points.at(-1)?.counts[domain] ?? 0}
          </li>
        ))}
      </ul>
      <p className="visually-hidden">
        {points.map((point) => `${formatDate(locale, point.at)}: ${point.total}`).join('; ')}
      </p>
    </figure>
  )
}
