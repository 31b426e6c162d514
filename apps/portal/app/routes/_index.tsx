import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { idField } from '../forms/fields'
import { parseSubmission } from '../forms/submission.server'
import { requireRole, requireUser } from '../lib/auth.server'
import { formatDate, formatDay, useLocale, usePlural, useT, pageTitle } from '../lib/i18n'
import { Notice } from '../components/field'
import { HomeTiles, type HomeTile } from '../components/home-tiles'
import { loadThisWeek } from '../lib/this-week.server'
import { ThisWeek } from '../components/plan/this-week'
import { loadUnreadMessages } from '../lib/unread-messages.server'
import { UnreadMessagesNotice } from '../components/unread-messages'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = pageTitle('titles.home')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  const client = api(context, request)
  const isClient = user.role === 'client'
  const self = client.clients[':clientId']
  const [workers, sessions, contactRequests, pendingCards, comments, caseload] = await Promise.all([
    isClient ? jsonOrThrow(self.workers.$get({ param: { clientId: user.id } })) : [],
    // Sessions the person attends or facilitates (issue 5).
    jsonOrThrow(client.me.sessions.$get()),
    // A client asked to be contacted: who and how to reach them, never their words.
    user.role === 'worker' || user.role === 'peer' ? jsonOrThrow(client.notifications['contact-requests'].$get()) : [],
    // Cards kept together with a worker or peer expert that wait for the client's own choice.
    isClient ? jsonOrThrow(self['pending-cards'].$get({ param: { clientId: user.id } })) : [],
    isClient ? jsonOrThrow(self.comments.$get({ param: { clientId: user.id }, query: {} })) : [],
    user.role === 'worker' ? jsonOrThrow(client.caseload.$get()) : [],
  ])
  // The next steps of the action plan ("Deze week"), for a client.
  const thisWeek = await loadThisWeek(request, context, user)
  const unreadMessages = await loadUnreadMessages(context, request)
  const now = Date.now()
  const upcoming = sessions.filter((s) => !s.cancelledAt && new Date(s.startsAt).getTime() > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return {
    user,
    workers,
    sessions,
    contactRequests,
    thisWeek,
    unreadMessages,
    counts: {
      pendingCards: pendingCards.length,
      // New for the client: plain comments not yet read, and suggestions waiting for a decision.
      forYou: comments.filter((c) => (c.kind === 'comment' && !c.readAt && !c.removed) || (c.kind === 'suggestion' && c.status === 'open')).length,
      sharedWithMe: caseload.filter((row) => row.inventory !== null).length,
      reviewsWaiting: caseload.filter((row) => row.inventory?.reviewWaiting).length,
      upcoming: upcoming.length,
    },
    next: upcoming[0] ? { title: upcoming[0].title, startsAt: upcoming[0].startsAt } : null,
  }
}

/** "Contact had" on a client's request for contact: the notification it answers. */
const ContactHadForm = z.object({ notificationId: idField })

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  // One button per contact request; a tampered id changes nothing and shows the page again.
  const submission = parseSubmission(await request.formData(), ContactHadForm)
  if (submission.status !== 'success') throw redirect('/')
  const response = await api(context, request).notifications[':notificationId']['contact-had'].$post({ param: submission.value })
  // Only say it is done when it is.
  throw redirect(response.ok ? '/?contact=1' : '/')
}

export default function Home() {
  const t = useT()
  const plural = usePlural()
  const locale = useLocale()
  const { user, workers, sessions, contactRequests, counts, next, thisWeek, unreadMessages } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const intro = { client: t('home.clientIntro'), worker: t('home.workerIntro'), peer: t('home.peerIntro'), admin: t('home.adminIntro') }[user.role]
  const sessionDetail = next ? t('review.home.nextSession', { title: next.title, date: formatDay(locale, next.startsAt) }) : t('review.home.noSessions')
  const sessionsTile: HomeTile = { to: '/sessies', label: t('sharing.sessionsPageTitle'), detail: counts.upcoming > 0 ? `${plural('review.home.sessions', counts.upcoming)} · ${sessionDetail}` : sessionDetail, testId: 'tile-sessions' }
  // Each role's tiles: a list, so another feature appends its own tile here.
  const tiles: Record<typeof user.role, HomeTile[]> = {
    client: [
      { to: '/inventaris', label: t('home.clientInventory') },
      { to: '/plan', label: t('plan.title') },
      { to: '/netwerk', label: t('network.title') },
      { to: '/brug', label: t('livelihood.bridge.tile'), detail: t('livelihood.bridge.tileDetail') },
      { to: '/geld', label: t('livelihood.money.tile'), detail: t('livelihood.money.tileDetail') },
      { to: '/traject', label: t('trajectory.linkClient') },
      { to: '/berichten', label: t('messages.tile') },
      { to: '/voorstellen', label: t('review.forYouTitle'), detail: counts.forYou > 0 ? plural('review.home.forYou', counts.forYou) : t('review.home.nothingNew'), waiting: counts.forYou > 0, testId: 'tile-for-you' },
      { to: '/assistent', label: t('home.clientAssistant'), detail: counts.pendingCards > 0 ? plural('review.home.pendingCards', counts.pendingCards) : null, waiting: counts.pendingCards > 0 },
      { to: '/delen', label: t('sharing.whoTitle') },
      { to: '/delen/bekeken', label: t('sharing.logTitle') },
    ],
    worker: [
      {
        to: '/caseload',
        label: t('sharing.caseloadTitle'),
        detail: [counts.sharedWithMe > 0 ? plural('review.home.sharedWithYou', counts.sharedWithMe) : t('review.home.caseloadNone'), counts.reviewsWaiting > 0 ? plural('review.home.reviewsWaiting', counts.reviewsWaiting) : null].filter(Boolean).join(' · '),
        waiting: counts.reviewsWaiting > 0,
        testId: 'tile-caseload',
      },
      sessionsTile,
      { to: '/clienten', label: t('worker.clientsTitle') },
      { to: '/clienten/uitnodigen', label: t('worker.inviteClient') },
    ],
    peer: [{ to: '/gedeeld', label: t('peer.sharedTitle') }, sessionsTile],
    admin: [
      { to: '/beheer', label: t('admin.title') },
      { to: '/beheer/uitnodigen', label: t('admin.invite') },
    ],
  }
  return (
    <div className="page">
      <h1>{t('home.greeting', { name: user.displayName })}</h1>
      <p className="lead">{intro}</p>
      <p className="muted">
        {t('common.signedInAs', { name: user.username })} · {t(`roles.${user.role}`)}
      </p>
      {params.get('contact') ? <Notice>{t('review.contact.doneNotice')}</Notice> : null}

      {contactRequests.length > 0 ? (
        <section className="card notice--care" aria-labelledby="contact-title" data-testid="contact-requests">
          <h2 id="contact-title">{t('review.contact.title')}</h2>
          <ul className="rows">
            {contactRequests.map((request) => (
              <li key={request.id} className="row row--stack">
                <p>{t('review.contact.asked', { name: request.clientName, date: formatDate(locale, request.createdAt, true) })}</p>
                <p>
                  {request.nextSession
                    ? t('review.contact.reachSession', { name: request.clientName, title: request.nextSession.title, date: formatDay(locale, request.nextSession.startsAt) })
                    : t('review.contact.reachNone', { name: request.clientName })}
                </p>
                <div className="card-actions">
                  <Form method="post">
                    <input type="hidden" name="notificationId" value={request.id} />
                    <button type="submit" className="button button--small">
                      {t('review.contact.done')}
                    </button>
                  </Form>
                  {request.nextSession ? null : (
                    <Link to="/sessies" className="button button--small button--secondary">
                      {t('review.contact.plan')}
                    </Link>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <UnreadMessagesNotice role={user.role} unread={unreadMessages} />

      <ThisWeek data={thisWeek} />

      <HomeTiles tiles={tiles[user.role]} label={t('home.whatYouCanDo')} />

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

      {sessions.length > 0 ? (
        <section className="card" aria-labelledby="my-sessions">
          <h2 id="my-sessions">{t('sharing.sessionsTitle')}</h2>
          <ul className="plain-list" data-testid="sessions">
            {sessions.map((session) => (
              <li key={session.id}>
                <Link to={`/sessies/${session.id}`}>
                  <strong>{session.title}</strong>
                </Link>{' '}
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
        {user.role === 'client' ? (
          <>
            <br />
            <Link to="/account/mijn-gegevens">{t('rights.accountLink')}</Link>
          </>
        ) : null}
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
