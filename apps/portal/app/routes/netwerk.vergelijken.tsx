import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { Translator } from '@kracht/i18n'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { loadHistory } from '../lib/network.server'
import { NetworkList, NetworkMap } from '../components/network-map'
import { NetworkError } from '../components/network-error'
import { layoutNetworkMap } from '../lib/network-map'
import networkStyles from '../styles/network.css?url'

export const meta: MetaFunction = pageTitle('titles.mijnNetwerkToenEnNu')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: networkStyles }]

/** A year ago, as the default day to look back to ("who was close a year ago"). */
function aYearAgo(now: Date): string {
  const then = new Date(now)
  then.setUTCFullYear(then.getUTCFullYear() - 1)
  return then.toISOString().slice(0, 10)
}

/** `?datum=2025-11-30` (a GET form: works without JavaScript and can be bookmarked). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const day = new URL(request.url).searchParams.get('datum')?.slice(0, 40) || aYearAgo(new Date())
  const found = await loadHistory(request, context, user.id, day)
  // The maps' geometry is worked out here: the page only draws it (issue 19, page weight).
  if (found.ok) return { day, history: found.history, maps: { then: layoutNetworkMap(found.history.then), now: layoutNetworkMap(found.history.now) }, error: null }
  return { day, history: null, maps: null, error: found.problem.fields?.at ?? 'invalid_date' }
}

type Change = NonNullable<Awaited<ReturnType<typeof loader>>['history']>['changes'][number]

function changeText(t: Translator, change: Change): string {
  if ('person' in change) return t(change.kind === 'added' ? 'network.compare.added' : 'network.compare.removed', { name: change.person.name })
  const area = change.after.area
  const areaLabel = area === 'family' || area === 'friends' || area === 'school_work_club' || area === 'professionals' ? t(`network.areas.${area}`) : area
  const kind = change.kind === 'closer' || change.kind === 'further' || change.kind === 'moved' ? change.kind : 'changed'
  return t(`network.compare.${kind}`, { name: change.after.name, area: areaLabel })
}

export default function CompareNetwork() {
  const t = useT()
  const locale = useLocale()
  const { day, history, maps, error } = useLoaderData<typeof loader>()
  return (
    <div className="page network-page">
      <p>
        <Link to="/netwerk">← {t('network.title')}</Link>
      </p>
      <h1>{t('network.compare.title')}</h1>
      <p className="lead">{t('network.compare.intro')}</p>
      <Form method="get" className="stack">
        <div className={error ? 'field field--error' : 'field'}>
          <label htmlFor="datum">{t('network.compare.date')}</label>
          <input id="datum" name="datum" type="date" defaultValue={day} min="2000-01-01" max="2100-12-31" aria-invalid={error ? true : undefined} aria-describedby={error ? 'datum-error' : undefined} />
          <NetworkError id="datum-error" code={error ?? undefined} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('network.compare.show')}
        </button>
      </Form>
      {history && maps ? (
        <>
          <section aria-labelledby="changes-title" className="card network-section">
            <h2 id="changes-title">{t('network.compare.changes')}</h2>
            {history.changes.length === 0 ? (
              <p>{t('network.compare.noChanges')}</p>
            ) : (
              <ul className="plain-list network-changes" data-testid="network-changes">
                {history.changes.map((change) => (
                  <li key={`${change.kind}-${'person' in change ? change.person.id : change.after.id}`}>{changeText(t, change)}</li>
                ))}
              </ul>
            )}
          </section>
          <div className="network-compare">
            <section aria-labelledby="then-title">
              <h2 id="then-title">{t('network.compare.then', { date: formatDate(locale, history.at) })}</h2>
              {history.then.length === 0 ? <p>{t('network.compare.emptyThen')}</p> : null}
              <NetworkMap layout={maps.then} title={t('network.compare.then', { date: formatDate(locale, history.at) })} />
              <NetworkList people={history.then} />
            </section>
            <section aria-labelledby="now-title">
              <h2 id="now-title">{t('network.compare.now')}</h2>
              <NetworkMap layout={maps.now} linkTo={(id) => `/netwerk/persoon/${id}`} title={t('network.compare.now')} />
              <NetworkList people={history.now} linkTo={(id) => `/netwerk/persoon/${id}`} />
            </section>
          </div>
        </>
      ) : null}
    </div>
  )
}
