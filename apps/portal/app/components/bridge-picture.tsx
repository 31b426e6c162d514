import { Link } from '@remix-run/react'
import { deck, HEIGHT, layoutBridge, WIDTH } from '../lib/bridge-picture'
import { pillarSlug, stepName, type BridgePillar } from '../lib/livelihood'
import { formatDate, useLocale, useT } from '../lib/i18n'

export interface BridgePillarData {
  pillar: BridgePillar
  current: { step: number; nextStep: number | null; placedAt: string } | null
  history: readonly { id: string; step: number; nextStep: number | null; note: string | null; placedAt: string }[]
}

/**
 * The bridge as SVG, drawn on the server: a deck over five pillars, each pillar a ladder of five
 * steps. A filled dot is where the client stands now, small open dots where they stood before, a
 * ring where they want to go. Hidden from screen readers: the list beside it says the same in words.
 * No numbers, no score: a picture of the client's own way.
 */
export function BridgePicture({ pillars }: { pillars: readonly BridgePillarData[] }) {
  const t = useT()
  const layout = layoutBridge(pillars)
  return (
    <figure className="bridge-picture">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="presentation" aria-hidden="true" focusable="false" data-testid="bridge-picture">
        <path d={`M ${deck.from} ${deck.y + 8} Q ${WIDTH / 2} ${deck.y - 22} ${deck.to} ${deck.y + 8}`} className="bridge-deck" />
        <line x1={0} y1={deck.groundY} x2={WIDTH} y2={deck.groundY} className="bridge-ground" />
        {layout.map((pillar) => (
          <g key={pillar.pillar} data-pillar={pillar.pillar}>
            <line x1={pillar.x - deck.railGap / 2} y1={deck.y + 4} x2={pillar.x - deck.railGap / 2} y2={deck.groundY} className="bridge-rail" />
            <line x1={pillar.x + deck.railGap / 2} y1={deck.y + 4} x2={pillar.x + deck.railGap / 2} y2={deck.groundY} className="bridge-rail" />
            {pillar.rungs.map((rung) => (
              <line key={rung.step} x1={pillar.x - deck.railGap / 2} y1={rung.y} x2={pillar.x + deck.railGap / 2} y2={rung.y} className="bridge-rung" />
            ))}
            {pillar.dots.map((dot, i) => (
              <circle key={`${dot.kind}-${i}`} cx={dot.x} cy={dot.y} r={dot.kind === 'before' ? 3 : 7} className={`bridge-dot bridge-dot--${dot.kind}`} data-kind={dot.kind} data-step={dot.step} />
            ))}
            <text x={pillar.x} y={pillar.labelY} textAnchor="middle" className="bridge-label" fontSize={12}>
              {t(`livelihood.bridge.short.${pillar.pillar}`)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="muted">{t('livelihood.bridge.pictureDescription')}</figcaption>
    </figure>
  )
}

/** The same bridge in words, per pillar: now, where to, and before (the equivalent for screen readers and print). */
export function BridgeList({ pillars, linked = false }: { pillars: readonly BridgePillarData[]; linked?: boolean }) {
  const t = useT()
  const locale = useLocale()
  const step = (pillar: BridgePillar, n: number) => `${t('livelihood.bridge.stepLabel', { n })}: ${t(`livelihood.bridge.steps.${pillar}.${stepName(n)}`)}`
  return (
    <div className="bridge-list" data-testid="bridge-list">
      {pillars.map(({ pillar, current, history }) => (
        <section key={pillar} className="bridge-pillar card" data-pillar={pillar}>
          <h3>{linked ? <Link to={`/brug/${pillarSlug(pillar)}`}>{t(`livelihood.bridge.pillars.${pillar}`)}</Link> : t(`livelihood.bridge.pillars.${pillar}`)}</h3>
          {current ? (
            <>
              <p data-testid={`now-${pillar}`}>{t('livelihood.bridge.now', { step: step(pillar, current.step) })}</p>
              {current.nextStep !== null ? <p>{t('livelihood.bridge.nextWish', { step: step(pillar, current.nextStep) })}</p> : null}
            </>
          ) : (
            <p className="muted">{t('livelihood.bridge.nothingYet')}</p>
          )}
          {history.length > 1 ? (
            // A plain line, not a fold-out: it prints, and a screen reader reads it in order.
            <p className="muted" data-testid={`before-${pillar}`}>
              {t('livelihood.bridge.earlier')}:{' '}
              {history
                .slice(0, -1)
                .reverse()
                .map((placement) => `${formatDate(locale, placement.placedAt)}: ${t('livelihood.bridge.stepLabel', { n: placement.step })}`)
                .join(' · ')}
            </p>
          ) : null}
        </section>
      ))}
    </div>
  )
}
