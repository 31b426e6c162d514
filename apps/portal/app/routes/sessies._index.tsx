import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useMemo } from 'react'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { translator } from '@kracht/i18n'
import { formatDate, requestLocale, useLocale, usePlural, useT, pageTitle } from '../lib/i18n'
import { dutchMoment } from '../lib/sharing-forms'
import { togetherFlows } from '../lib/assistant'
import { Notice } from '../components/field'
import { jsonOrThrow } from '../lib/api-failure.server'
import { choiceField, dateField, idField, optionalIdField, optionalLine, optionalText, requiredLine, timeField } from '../forms/fields'
import { CheckboxGroup, FormErrors, RadioGroup, SelectField, TextareaField, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.bijeenkomsten')

const kinds = ['one_to_one', 'group'] as const
// The guided tools of the assistant, to do together in a session.
const tools = togetherFlows

/**
 * Planning a session. The API checks again (own clients, a peer of the organisation). A worker may
 * plan without a peer expert; a peer expert always plans with a worker.
 */
function planForm(role: 'worker' | 'peer') {
  return z
    .object({
      kind: choiceField(kinds),
      title: requiredLine(120),
      date: dateField,
      time: timeField,
      peerId: optionalIdField,
      workerId: optionalIdField,
      place: optionalLine(120),
      tool: z.enum(tools, { error: 'invalid' }).optional(),
      agenda: optionalText(900),
      clientIds: z.array(idField, { error: 'pick_client' }).min(1, 'pick_client'),
    })
    .superRefine((value, ctx) => {
      if (role === 'peer' && value.workerId === null) ctx.addIssue({ code: 'custom', path: ['workerId'], message: 'required' })
    })
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const client = api(context, request)
  // A worker plans with their own clients and a peer expert; a peer expert with a worker, for the
  // clients who share something with them (never a worker's caseload).
  const [sessions, clients, peers] = await Promise.all([
    jsonOrThrow(client.me.sessions.$get()),
    user.role === 'worker'
      ? jsonOrThrow(client['my-clients'].$get())
      : jsonOrThrow(client.me['shared-with-me'].$get({ query: {} })).then((shared) => shared.map((c) => ({ id: c.clientId, displayName: c.displayName }))),
    jsonOrThrow(client.people.$get({ query: { role: user.role === 'worker' ? 'peer' : 'worker' } })),
  ])
  return { role: user.role, sessions, clients, peers }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const role = user.role === 'peer' ? 'peer' : 'worker'
  const submission = parseSubmission(await request.formData(), planForm(role))
  // What was typed goes back into the form on any refusal.
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const { kind, title, date, time, peerId, workerId, place, tool, agenda, clientIds } = submission.value
  const response = await api(context, request).sessions.$post({
    json: {
      kind,
      title,
      // The chosen tool heads the agenda, in the worker's words after it.
      agenda: [tool ? translator(requestLocale(request))(`assistant.flows.${tool}`) : '', agenda ?? ''].filter(Boolean).join('\n'),
      startsAt: dutchMoment(date, time),
      place: place ?? '',
      ...(role === 'worker' ? { peerId } : { workerId }),
      clientIds,
    },
  })
  if (!response.ok) return data({ result: await replyWithProblem(submission, response) }, { status: response.status })
  throw redirect(`/sessies?gepland=${encodeURIComponent(title.slice(0, 80))}`)
}

export default function Sessions() {
  const t = useT()
  const plural = usePlural()
  const locale = useLocale()
  const { role, sessions, clients, peers } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const schema = useMemo(() => planForm(role === 'peer' ? 'peer' : 'worker'), [role])
  const [form, fields] = useSchemaForm({ id: 'plan', schema, lastResult: answer?.result, defaultValue: { kind: 'one_to_one', peerId: peers[0]?.id, workerId: peers[0]?.id } })
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
          <FormErrors form={form} />
          <Form method="post" className="stack" {...getFormProps(form)}>
            <RadioGroup meta={fields.kind} legend={t('sharing.sessionKind')} options={kinds.map((kind) => ({ value: kind, label: t(`sharing.sessionKinds.${kind}`) }))} />
            <TextField meta={fields.title} label={t('sharing.sessionTitleLabel')} />
            <TextField meta={fields.date} type="date" label={t('sharing.sessionDate')} />
            <TextField meta={fields.time} type="time" label={t('sharing.sessionTime')} />
            <TextField meta={fields.place} label={t('peer.placeLabel')} />
            {role === 'peer' ? (
              <SelectField meta={fields.workerId} label={t('peer.workerLabel')} options={peers.map((worker) => ({ value: worker.id, label: worker.displayName }))} />
            ) : (
              <SelectField
                meta={fields.peerId}
                label={t('sharing.sessionPeer')}
                emptyOption={t('sharing.sessionNoPeer')}
                options={peers.map((peer) => ({ value: peer.id, label: peer.displayName }))}
              />
            )}
            <CheckboxGroup
              meta={fields.clientIds}
              legend={role === 'peer' ? t('peer.planClients') : t('sharing.sessionClients')}
              hint={clients.length === 0 ? t('sharing.sessionNoClients') : undefined}
              options={clients.map((client) => ({ value: client.id, label: client.displayName }))}
            />
            <SelectField
              meta={fields.tool}
              label={t('sharing.sessionTool')}
              emptyOption={t('sharing.sessionNoTool')}
              options={tools.map((tool) => ({ value: tool, label: t(`assistant.flows.${tool}`) }))}
            />
            <TextareaField meta={fields.agenda} label={t('sharing.sessionAgenda')} />
            <button type="submit" className="button">
              {t('sharing.sessionPlan')}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  )
}
