import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireUser } from '../lib/auth.server'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { loadThisWeek } from '../lib/this-week.server'
import { ThisWeek } from '../components/plan/this-week'

export const meta: MetaFunction = () => [{ title: 'Kracht' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const client = api(context, request)
  const workers =
    user.role === 'client'
      ? await client.clients[':clientId'].workers.$get({ param: { clientId: user.id } }).then((r) => (r.ok ? r.json() : []))
      : []
  // Sessions the person attends or facilitates, on the home page (issue 5).
  const sessions = await client.me.sessions.$get().then((r) => (r.ok ? r.json() : []))
  // A client who saw a help card in the assistant and chose "yes, tell my worker" (issue 6).
  const notifications = user.role === 'worker' ? await client.notifications.$get().then((r) => (r.ok ? r.json() : [])) : []
  // Cards kept together with a worker or peer expert that wait for the client's own choice.
  const pendingCards =
    user.role === 'client' ? await client.clients[':clientId']['pending-cards'].$get({ param: { clientId: user.id } }).then((r) => (r.ok ? r.json() : [])) : []
  // The next steps of the action plan ("Deze week"), for a client.
  const thisWeek = await loadThisWeek(request, context, user)
  return { user, workers, sessions, notifications, pendingCards: pendingCards.length, thisWeek }
}

export default function Home() {
  const t = useT()
  const locale = useLocale()
  const { user, workers, sessions, notifications, pendingCards, thisWeek } = useLoaderData<typeof loader>()
  const intro = {
    client: t('home.clientIntro'),
    worker: t('home.workerIntro'),
    peer: t('home.peerIntro'),
    admin: t('home.adminIntro'),
  }[user.role]
  return (
    <div className="page">
      <h1>{t('home.greeting', { name: user.displayName })}</h1>
      <p className="lead">{intro}</p>
      <p className="muted">
        {t('common.signedInAs', { name: user.username })} · {t(`roles.${user.role}`)}
      </p>

      {notifications.length > 0 ? (
        <section className="card notice--care" aria-labelledby="notifications-title">
          <h2 id="notifications-title">{t('home.notificationsTitle')}</h2>
          <ul className="rows">
            {notifications.map((notification) => (
              <li key={notification.id} className="row">
                <span>
                  {t('home.safetyContact', { name: notification.clientName ?? '' })}
                  <br />
                  <span className="muted">{formatDate(locale, notification.createdAt, true)}</span>
                </span>
                {notification.clientId ? (
                  <Link to={`/clienten/${notification.clientId}`} className="button button--small button--secondary">
                    {notification.clientName}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {pendingCards > 0 ? (
        <p className="notice">
          <Link to="/assistent">{t('assistant.pending.count', { count: pendingCards })}</Link>
        </p>
      ) : null}

      <ThisWeek data={thisWeek} />

      {user.role === 'client' ? (
        <nav className="tiles" aria-label={t('home.whatYouCanDo')}>
          <Link to="/inventaris" className="tile">
            {t('home.clientInventory')}
          </Link>
          <Link to="/plan" className="tile">
            {t('plan.title')}
          </Link>
          <Link to="/assistent" className="tile">
            {t('home.clientAssistant')}
          </Link>
          <Link to="/delen" className="tile">
            {t('sharing.whoTitle')}
          </Link>
          <Link to="/voorstellen" className="tile">
            {t('sharing.suggestionsTitle')}
          </Link>
          <Link to="/delen/bekeken" className="tile">
            {t('sharing.logTitle')}
          </Link>
        </nav>
      ) : null}

      {user.role === 'client' ? (
        <section className="card" aria-labelledby="my-workers">
          <h2 id="my-workers">{t('home.myWorkers')}</h2>
          {workers.length === 0 ? (
            <p>{t('home.noWorkers')}</p>
          ) : (
            <ul className="plain-list">
              {workers.map((worker) => (
                <li key={worker.id}>{worker.displayName}</li>
              ))}
            </ul>
          )}
          <p className="muted">{t('home.sharingNote')}</p>
        </section>
      ) : null}

      {user.role === 'worker' ? (
        <nav className="tiles" aria-label={t('home.whatYouCanDo')}>
          <Link to="/caseload" className="tile">
            {t('sharing.caseloadTitle')}
          </Link>
          <Link to="/clienten" className="tile">
            {t('worker.clientsTitle')}
          </Link>
          <Link to="/clienten/uitnodigen" className="tile">
            {t('worker.inviteClient')}
          </Link>
          <Link to="/sessies" className="tile">
            {t('sharing.sessionsPageTitle')}
          </Link>
        </nav>
      ) : null}

      {user.role === 'peer' ? (
        <nav className="tiles" aria-label={t('home.whatYouCanDo')}>
          <Link to="/sessies" className="tile">
            {t('sharing.sessionsPageTitle')}
          </Link>
        </nav>
      ) : null}

      {user.role === 'admin' ? (
        <nav className="tiles" aria-label={t('home.whatYouCanDo')}>
          <Link to="/beheer" className="tile">
            {t('admin.title')}
          </Link>
          <Link to="/beheer/uitnodigen" className="tile">
            {t('admin.invite')}
          </Link>
        </nav>
      ) : null}

      {sessions.length > 0 ? (
        <section className="card" aria-labelledby="my-sessions">
          <h2 id="my-sessions">{t('sharing.sessionsTitle')}</h2>
          <ul className="plain-list" data-testid="sessions">
            {sessions.map((session) => (
              <li key={session.id}>
                {user.role === 'client' ? (
                  <Link to={`/sessies/${session.id}`}>
                    <strong>{session.title}</strong>
                  </Link>
                ) : (
                  <strong>{session.title}</strong>
                )}{' '}
                · {formatDate(locale, session.startsAt, true)}{' '}
                <span className="muted">{t('sharing.sessionWith', { names: [session.workerName, session.peerName].filter(Boolean).join(', ') })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="account">
        <h2 id="account">{t('home.myAccount')}</h2>
        <Link to="/account/wachtwoord">{t('home.changePassword')}</Link>
        {user.role === 'worker' || user.role === 'admin' ? (
          <>
            <br />
            <Link to="/account/api-tokens">{t('sharing.accountLink')}</Link>
          </>
        ) : null}
        {user.role !== 'client' ? (
          <>
            <br />
            <Link to="/account/authenticator">{t('security.accountLink')}</Link>
          </>
        ) : null}
        {user.role === 'admin' ? (
          <>
            <br />
            <Link to="/beheer/beveiliging">{t('security.policyLink')}</Link>
          </>
        ) : null}
      </section>
    </div>
  )
}
