import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { sharedScopeName, usePlural, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = pageTitle('titles.mijnCaseload')

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const response = await api(context, request).caseload.$get()
  return { clients: await jsonOrThrow(response) }
}

export default function Caseload() {
  const t = useT()
  const plural = usePlural()
  const { clients } = useLoaderData<typeof loader>()
  return (
    <div className="page">
      <h1>{t('sharing.caseloadTitle')}</h1>
      {clients.length === 0 ? <p>{t('sharing.caseloadEmpty')}</p> : null}
      <ul className="rows" data-testid="caseload">
        {clients.map((client) => (
          <li key={client.clientId} className="row">
            <div>
              <strong>{client.displayName}</strong>
              <br />
              {client.shared.length === 0 ? (
                <span className="muted">{t('sharing.notShared')}</span>
              ) : (
                client.shared.map((consent) => (
                  <span key={consent.id}>
                    {consent.scopes.map((scope) => sharedScopeName(t, scope)).join(', ')}
                    {consent.excludeDomains.length ? ` (${t('sharing.except', { domains: consent.excludeDomains.map((d) => domainLabel(t, d)).join(', ') })})` : ''}
                    <br />
                  </span>
                ))
              )}
              {client.inventory ? (
                <span className="muted">
                  {t('sharing.changedSince', { count: client.inventory.changedSinceLastLook })}
                  {client.inventory.reviewWaiting ? ` · ${t('sharing.reviewWaiting')}` : ''}
                  {client.openSuggestions ? ` · ${plural('review.counted.openSuggestions', client.openSuggestions)}` : ''}
                </span>
              ) : null}
            </div>
            {/* A worker linked to the client still finds the trajectory there; anyone else (a peer whose
                share has ended) would only reach the "not shared" page, so there is no button to it. */}
            {client.linked || client.shared.length > 0 ? (
              <Link to={`/clienten/${client.clientId}`} className="button button--small">
                {t('sharing.open')}
                {/* Several clients make several "Bekijken" links: the name tells them apart when read aloud. */}
                <span className="visually-hidden"> {client.displayName}</span>
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
