import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm, type FieldErrors } from '../lib/forms'
import { translator } from '@kracht/i18n'
import { formatDate, requestLocale, useLocale, usePlural, useT } from '../lib/i18n'
import { problemOf } from '../lib/inventory.server'
import { dutchMoment } from '../lib/sharing-forms'
import { Field, FieldError, FormProblem, Notice } from '../components/field'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = () => [{ title: 'Bijeenkomsten – Kracht' }]

const kinds = ['one_to_one', 'group'] as const
// The guided tools of the assistant, to do together in a session.
const tools = ['miracle', 'strengths', 'vip', 'goal'] as const

// Messages are catalogue codes; the API checks again (own clients, a peer of the organisation).
const PlanForm = z.object({
  kind: z.enum(kinds, { message: 'required' }),
  title: z.string().trim().min(1, 'required').max(120, 'too_long'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  time: z.string().regex(/^\d{2}:\d{2}$/, 'time'),
  peerId: z.string().uuid('not_a_participant').optional().or(z.literal('')),
  workerId: z.string().uuid('not_a_participant').optional().or(z.literal('')),
  place: z.string().trim().max(120, 'too_long').default(''),
  tool: z.enum(tools).optional().or(z.literal('')),
  agenda: z.string().trim().max(900, 'too_long').default(''),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const client = api(context, request)
  // A worker plans with their own clients and a peer expert; a peer expert with a worker, for the
  // clients who share something with them (never a worker's caseload).
  const [sessions, clients, peers] = await Promise.all([
    jsonOrThrow(client.me.sessions.$get()),
    user.role === 'worker'
      ? jsonOrThrow(client['my-clients'].$get())
      : client.me['shared-with-me'].$get().then(async (r) => (r.ok ? (await r.json()).map((c) => ({ id: c.clientId, displayName: c.displayName })) : [])),
    jsonOrThrow(client.people.$get({ query: { role: user.role === 'worker' ? 'peer' : 'worker' } })),
  ])
  return { role: user.role, sessions, clients, peers }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const formData = await request.formData()
  const clientIds = formData.getAll('clientIds').map(String)
  const parsed = parseForm(PlanForm, formData)
  const fields: FieldErrors = parsed.ok ? {} : { ...parsed.fields }
  if (clientIds.length === 0) fields['clientIds'] = 'pick_client'
  if (user.role === 'peer' && !formData.get('workerId')) fields['workerId'] = 'required'
  // What was typed goes back into the form on any refusal.
  const values = Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  if (!parsed.ok || Object.keys(fields).length > 0) return data({ problem: 'validation_failed', fields, values }, { status: 400 })
  const { kind, title, date, time, peerId, workerId, place, tool, agenda } = parsed.data
  const response = await api(context, request).sessions.$post({
    json: {
      kind,
      title,
      // The chosen tool heads the agenda, in the worker's words after it.
      agenda: [tool ? translator(requestLocale(request))(`assistant.flows.${tool}`) : '', agenda].filter(Boolean).join('\n'),
      startsAt: dutchMoment(date, time),
      place,
      ...(user.role === 'worker' ? { peerId: peerId || null } : { workerId: workerId || null }),
      clientIds,
    },
  })
  if (!response.ok) {
    const problem = await problemOf(response)
    return data({ problem: problem.code, fields: problem.fields, values }, { status: response.status })
  }
  throw redirect(`/sessies?gepland=${encodeURIComponent(title.slice(0, 80))}`)
}


export default function Sessions() {
  const t = useT()
  const plural = usePlural()
  const locale = useLocale()
  const { role, sessions, clients, peers } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const fields: FieldErrors = result?.fields ?? {}
  const typed: Record<string, string> = result?.values ?? {}
  return (
    <div className="page page--narrow">
      <h1>{t('sharing.sessionsPageTitle')}</h1>
      <p>{role === 'worker' ? t('sharing.sessionsWorkerIntro') : t('sharing.sessionsPeerIntro')}</p>
      {params.has('gepland') ? <Notice>{t('sharing.sessionPlanned', { title: params.get('gepland') ?? '' })}</Notice> : null}
      {sessions.length === 0 ? (
        <p>{t('sharing.sessionsNone')}</p>
      ) : (
        <ul className="rows" data-testid="planned-sessions">
          {sessions.map((session) => (
            <li key={session.id} className="row">
              <div>
                <Link to={`/sessies/${session.id}`}>
                  <strong>{session.title}</strong>
                </Link>{' '}
                · {t(`sharing.sessionKindShort.${session.kind}`)}
                <br />
                {formatDate(locale, session.startsAt, true)}
                {session.place ? ` · ${session.place}` : ''}
                <br />
                <span className="muted">
                  {t('sharing.sessionWith', { names: [session.workerName, session.peerName].filter(Boolean).join(', ') })} ·{' '}
                  {plural('review.counted.attendees', session.attendeeCount)}
                </span>
                {session.agenda ? (
                  <>
                    <br />
                    <span className="muted">{session.agenda}</span>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}

      {role === 'worker' || role === 'peer' ? (
        <>
          <h2>{t('sharing.sessionsPlanTitle')}</h2>
          <FormProblem code={result?.problem} />
          <Form method="post" className="stack" noValidate>
            <fieldset className={fields['kind'] ? 'field--error' : undefined} aria-describedby={fields['kind'] ? 'kind-error' : undefined}>
              <legend>{t('sharing.sessionKind')}</legend>
              {kinds.map((kind) => (
                <label key={kind} className="choice">
                  <input type="radio" name="kind" value={kind} defaultChecked={kind === 'one_to_one'} /> {t(`sharing.sessionKinds.${kind}`)}
                </label>
              ))}
              <FieldError code={fields['kind']} id="kind-error" />
            </fieldset>
            <Field name="title" label={t('sharing.sessionTitleLabel')} maxLength={120} required error={fields['title']} defaultValue={typed['title']} />
            <Field name="date" type="date" label={t('sharing.sessionDate')} required error={fields['date']} defaultValue={typed['date']} />
            <Field name="time" type="time" label={t('sharing.sessionTime')} required error={fields['time']} defaultValue={typed['time']} />
            <Field name="place" label={t('peer.placeLabel')} maxLength={120} error={fields['place']} defaultValue={typed['place']} />
            {role === 'peer' ? (
              <div className={fields['workerId'] ? 'field field--error' : 'field'}>
                <label htmlFor="workerId">{t('peer.workerLabel')}</label>
                <select id="workerId" name="workerId" defaultValue={peers[0]?.id ?? ''} aria-invalid={fields['workerId'] ? true : undefined} aria-describedby={fields['workerId'] ? 'workerId-error' : undefined}>
                  {peers.map((worker) => (
                    <option key={worker.id} value={worker.id}>
                      {worker.displayName}
                    </option>
                  ))}
                </select>
                <FieldError code={fields['workerId']} id="workerId-error" />
              </div>
            ) : (
            <div className={fields['peerId'] ? 'field field--error' : 'field'}>
              <label htmlFor="peerId">{t('sharing.sessionPeer')}</label>
              <select id="peerId" name="peerId" defaultValue={peers[0]?.id ?? ''} aria-invalid={fields['peerId'] ? true : undefined} aria-describedby={fields['peerId'] ? 'peerId-error' : undefined}>
                <option value="">{t('sharing.sessionNoPeer')}</option>
                {peers.map((peer) => (
                  <option key={peer.id} value={peer.id}>
                    {peer.displayName}
                  </option>
                ))}
              </select>
              <FieldError code={fields['peerId']} id="peerId-error" />
            </div>
            )}
            <fieldset className={fields['clientIds'] ? 'field--error' : undefined} aria-describedby={fields['clientIds'] ? 'clientIds-error' : undefined}>
              <legend>{role === 'peer' ? t('peer.planClients') : t('sharing.sessionClients')}</legend>
              {clients.length === 0 ? <p className="muted">{t('sharing.sessionNoClients')}</p> : null}
              {clients.map((client) => (
                <label key={client.id} className="choice">
                  <input type="checkbox" name="clientIds" value={client.id} /> {client.displayName}
                </label>
              ))}
              <FieldError code={fields['clientIds']} id="clientIds-error" />
            </fieldset>
            <div className="field">
              <label htmlFor="tool">{t('sharing.sessionTool')}</label>
              <select id="tool" name="tool" defaultValue="">
                <option value="">{t('sharing.sessionNoTool')}</option>
                {tools.map((tool) => (
                  <option key={tool} value={tool}>
                    {t(`assistant.flows.${tool}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className={fields['agenda'] ? 'field field--error' : 'field'}>
              <label htmlFor="agenda">{t('sharing.sessionAgenda')}</label>
              <textarea id="agenda" name="agenda" maxLength={900} defaultValue={typed['agenda']} aria-describedby={fields['agenda'] ? 'agenda-error' : undefined} />
              <FieldError code={fields['agenda']} id="agenda-error" />
            </div>
            <button type="submit" className="button">
              {t('sharing.sessionPlan')}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  )
}
