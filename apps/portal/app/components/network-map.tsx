import { Link } from '@remix-run/react'
import type { Translator } from '@kracht/i18n'
import type { MapLayout, MapPerson } from '../lib/network-map'
import { areas, rings } from '../lib/network'
import { useT } from '../lib/i18n'

export interface ListedPerson extends MapPerson {
  support: readonly string[]
  note: string | null
}

/**
 * The map as SVG, drawn on the server: the client in the middle, four areas, three rings, each person
 * a labelled dot (filled: contact now; open: contact in the past). With `linkTo`, a dot opens the
 * person's page. The picture is hidden from screen readers: the list beside it says the same, with
 * the same links, so nothing is reachable only by looking.
 */
export function NetworkMap({
  layout,
  linkTo,
  title,
  centre,
}: {
  /** The map's geometry, worked out by the loader (`layoutNetworkMap`): the browser only draws it. */
  layout: MapLayout
  linkTo?: ((id: string) => string) | undefined
  title: string
  /** Who stands in the middle, as the reader says it: "Ik" for the client, the client's name for staff. */
  centre?: { label: string; description: string } | undefined
}) {
  const t = useT()
  const { size, center, ringRadii, selfRadius, dotRadius, fontSize } = layout
  return (
    <figure className="network-map">
      <svg viewBox={`0 0 ${size} ${size}`} role="presentation" aria-hidden="true" focusable="false" data-testid="network-map">
        <title>{title}</title>
        {[...ringRadii].reverse().map((radius, i) => (
          <circle key={radius} cx={center} cy={center} r={radius} className={`map-ring map-ring--${3 - i}`} />
        ))}
        <line x1={center} y1={center - ringRadii[2]} x2={center} y2={center + ringRadii[2]} className="map-divider" />
        <line x1={center - ringRadii[2]} y1={center} x2={center + ringRadii[2]} y2={center} className="map-divider" />
        <circle cx={center} cy={center} r={selfRadius} className="map-self" />
        <text x={center} y={center + fontSize / 3} textAnchor="middle" className="map-self-label" fontSize={fontSize + 1}>
          {centre?.label ?? t('network.me')}
        </text>
        {layout.areaLabels.map((label) => (
          <text key={label.area} x={label.x} y={label.y} textAnchor={label.anchor} className="map-area-label" fontSize={fontSize}>
            {t(`network.areas.${label.area}`)}
          </text>
        ))}
        {layout.people.map((person) => {
          const dot = (
            <>
              <title>{person.name}</title>
              <circle cx={person.x} cy={person.y} r={dotRadius} className={person.period === 'past' ? 'map-dot map-dot--past' : 'map-dot'} />
              <text x={person.labelX} y={person.labelY} textAnchor="middle" className="map-label" fontSize={fontSize}>
                {person.label}
              </text>
            </>
          )
          // Not in the tab order: the list below holds the same links for keyboards and screen readers.
          return linkTo ? (
            <a key={person.id} href={linkTo(person.id)} tabIndex={-1} data-person={person.id} data-name={person.name}>
              {dot}
            </a>
          ) : (
            <g key={person.id} data-person={person.id} data-name={person.name}>
              {dot}
            </g>
          )
        })}
      </svg>
      <figcaption className="muted">
        {centre?.description ?? t('network.mapDescription')} {t('network.legendNow')}. {t('network.legendPast')}.
      </figcaption>
    </figure>
  )
}

/** What the map shows, as a list per area and ring: the equivalent for screen readers (and print). */
export function NetworkList({ people, linkTo }: { people: readonly ListedPerson[]; linkTo?: ((id: string) => string) | undefined }) {
  const t = useT()
  return (
    <div className="network-list" data-testid="network-list">
      {areas.map((area) => {
        const inArea = people.filter((person) => person.area === area)
        return (
          <section key={area} className="network-area" data-area={area}>
            <h3>{t(`network.areas.${area}`)}</h3>
            {inArea.length === 0 ? (
              <p className="muted">{t('network.emptyArea')}</p>
            ) : (
              <ul className="plain-list">
                {rings.flatMap((ring) =>
                  inArea
                    .filter((person) => person.ring === ring)
                    .map((person) => (
                      <li key={person.id} data-ring={ring} data-person={person.id}>
                        {linkTo ? (
                          <Link to={linkTo(person.id)} aria-label={t('network.person.open', { name: person.name })}>
                            <strong>{person.name}</strong>
                          </Link>
                        ) : (
                          <strong>{person.name}</strong>
                        )}{' '}
                        <span className="muted">· {describe(t, person)}</span>
                        {person.note ? <span className="network-note">{person.note}</span> : null}
                      </li>
                    )),
                )}
              </ul>
            )}
          </section>
        )
      })}
    </div>
  )
}

/** "Heel dichtbij · Steun, een luisterend oor · Contact vroeger": ring, help, and now or past. */
export function describe(t: Translator, person: Pick<ListedPerson, 'ring' | 'support' | 'period'>): string {
  const ring = person.ring === 1 || person.ring === 2 || person.ring === 3 ? t(`network.rings.r${person.ring}`) : ''
  const support = person.support.filter((kind): kind is 'practical' | 'emotional' | 'advice' | 'company' => ['practical', 'emotional', 'advice', 'company'].includes(kind))
  return [ring, ...support.map((kind) => t(`network.support.${kind}`)), person.period === 'past' ? t('network.periods.past') : null].filter(Boolean).join(' · ')
}
