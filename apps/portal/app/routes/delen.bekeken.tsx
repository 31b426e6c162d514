import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { okOrThrow } from '../lib/api-failure.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, usePlural, useT, pageTitle } from '../lib/i18n'
import { dayWord, groupLogEntries } from '../lib/access-log-groups'
import { describeLogEntry, logPartKey } from '../lib/access-log-entry'
import { resetLogText } from '../lib/reset-log'

export const meta: MetaFunction = pageTitle('titles.wieHeeftMijnGegevensBekeken')

const Period = z.enum(['week', 'month', 'all']).catch('month')
const periodDays = { week: 7, month: 31, all: null } as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const period = Period.parse(new URL(request.url).searchParams.get('periode'))
  const days = periodDays[period]
  const from = days ? new Date(Date.now() - days * 86_400_000).toISOString() : undefined
  const response = await api(context, request).clients[':clientId']['access-log'].$get({ param: { clientId: user.id }, query: from ? { from } : {} })
  // A log that could not be read shows the error page, never "nobody looked".
  return { period, clientId: user.id, entries: await okOrThrow(response).json() }
}

export default function WhoLooked() {
  const t = useT()
  const locale = useLocale()
  const plural = usePlural()
  const { period, clientId, entries } = useLoaderData<typeof loader>()
  // One line per entry, in plain words; equal neighbours on one day are shown once with a count.
  const say = (entry: (typeof entries)[number]) => {
    const name = entry.actorName ?? t('sharing.someone')
    const what = t(logPartKey(entry.scope))
    const special = describeLogEntry(entry, clientId, t('sharing.someone'))
    const line =
      resetLogText(t, entry, name) ??
      (special ? t(special.key, special.vars) : entry.outcome === 'allowed' ? t('sharing.looked', { name, what }) : t('sharing.tried', { name, what }))
    return line
  }
  // Reading through the organisation's system is told apart, so it never merges with a person's own look.
  const sameAs = (entry: (typeof entries)[number]) => `${say(entry)}|${entry.via}`
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/delen">← {t('sharing.whoTitle')}</Link>
      </p>
      <h1>{t('sharing.logTitle')}</h1>
      <p>{t('sharing.logIntro')}</p>
      <Form method="get" className="inline-form">
        <label htmlFor="periode">{t('sharing.period')}</label>{' '}
        <select id="periode" name="periode" defaultValue={period}>
          {(['week', 'month', 'all'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`sharing.periods.${value}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button button--small">
          {t('sharing.show')}
        </button>
      </Form>
      {entries.length === 0 ? (
        <p>{t('sharing.logEmpty')}</p>
      ) : (
        <ol className="rows" data-testid="access-log">
          {groupLogEntries(entries, sameAs).map(({ first: entry, count, day }) => {
            const when = dayWord(day, new Date())
            const dayText = when === 'other' ? t('review.log.onDay', { date: formatDate(locale, entry.at) }) : t(`review.log.${when}`)
            return (
              <li key={entry.id} className="row">
                <div>
                  <strong>{formatDate(locale, entry.at, true)}</strong>
                  <br />
                  {say(entry)}
                  {count > 1 ? ` · ${plural('review.log.times', count)} ${dayText}` : null}{' '}
                  {entry.via === 'token' ? <span className="muted">{t('sharing.viaToken')}</span> : null}
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}
