import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole, requireUser } from '../lib/auth.server'
import { facilitatorAction, loadFacilitatorSession } from '../lib/session-facilitation.server'
import { FacilitatorSession } from '../components/facilitator-session'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { Notice } from '../components/field'
import { requiredText } from '../forms/fields'
import { FormErrors, TextareaField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { SaveSafety } from '../components/save-safety'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = pageTitle('titles.bijeenkomst')
// The help card after a note that fired the screen is the assistant's card, with its styles.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

// The client's own note after a session; the API refuses one before it happened.
const NoteForm = z.object({ text: requiredText(4000) })

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, context)
  // A worker or peer expert who facilitates it sees their own view (a separate component).
  if (user.role === 'worker' || user.role === 'peer') {
    return { view: 'staff' as const, staff: await loadFacilitatorSession(context, request, params['sessionId'] ?? '') }
  }
  await requireRole(request, context, 'client')
  // The client's own sessions: one they do not attend is simply not there.
  const response = await api(context, request).me.sessions.$get()
  const sessions = await jsonOrThrow(response)
  const session = sessions.find((s) => s.id === params['sessionId'])
  if (!session) throw new Response('Not found', { status: 404 })
  return { view: 'client' as const, session, clientId: user.id }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const staff = await requireUser(request, context)
  if (staff.role === 'worker' || staff.role === 'peer') {
    const { status, result } = await facilitatorAction(context, request, params['sessionId'] ?? '', await request.formData())
    return data({ staff: result }, { status })
  }
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), NoteForm)
  if (submission.status !== 'success') return data({ result: reply(submission), safety: null }, { status: 400 })
  const sessionId = params['sessionId'] ?? ''
  const response = await api(context, request).clients[':clientId'].sessions[':sessionId'].note.$put({
    param: { clientId: user.id, sessionId },
    json: { text: submission.value.text },
  })
  if (!response.ok) {
    // "Not yet happened" belongs beside the note.
    const result = await replyWithProblem(submission, response, { fieldFor: (code) => (code.startsWith('session_') ? 'text' : null) })
    return data({ result, safety: null }, { status: response.status })
  }
  const saved = await response.json()
  // A note that fired the screen: stay here with the help card (never the kind in the address).
  if (saved.safety.detected) return { result: null, safety: saved.safety }
  throw redirect(`/sessies/${sessionId}?bewaard=1`)
}

export default function Session() {
  const loaded = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  if (loaded.view === 'staff') {
    const staffResult = result && 'staff' in result ? result.staff : undefined
    return <FacilitatorSession session={loaded.staff.session} participants={loaded.staff.participants} result={staffResult} />
  }
  return <ClientSession session={loaded.session} result={result && !('staff' in result) ? result : undefined} />
}

type ClientResult = { result: SubmissionResult<string[]> | null; safety: Parameters<typeof SaveSafety>[0]['screen'] }

function ClientSession({ session, result }: { session: { title: string; startsAt: string; kind: 'one_to_one' | 'group'; workerName: string | null; peerName: string | null; agenda: string; place: string; happened: boolean; myNote: string | null }; result: ClientResult | undefined }) {
  const t = useT()
  const locale = useLocale()
  const [params] = useSearchParams()
  const [form, fields] = useSchemaForm({ id: 'note', schema: NoteForm, lastResult: result?.result, defaultValue: { text: session.myNote ?? '' } })
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/">← {t('sharing.sessionBack')}</Link>
      </p>
      <h1>{session.title}</h1>
      <p className="lead">
        {formatDate(locale, session.startsAt, true)} · {t(`sharing.sessionKindShort.${session.kind}`)}
      </p>
      <p className="muted">
        {t('sharing.sessionWith', { names: [session.workerName, session.peerName].filter(Boolean).join(', ') })}
        {session.place ? ` · ${session.place}` : ''}
      </p>
      <section className="card" aria-labelledby="agenda">
        <h2 id="agenda">{t('sharing.sessionAgendaTitle')}</h2>
        {session.agenda ? <p className="pre-line">{session.agenda}</p> : <p className="muted">{t('sharing.sessionNoAgenda')}</p>}
      </section>
      <h2>{t('sharing.sessionNoteTitle')}</h2>
      <p>{t('sharing.sessionNoteIntro')}</p>
      {params.has('bewaard') && !result ? <Notice>{t('sharing.sessionNoteSaved')}</Notice> : null}
      {result?.safety ? <Notice>{t('sharing.sessionNoteSaved')}</Notice> : null}
      <SaveSafety screen={result?.safety} />
      <FormErrors form={form} />
      {!session.happened ? (
        <p className="notice">{t('peer.notYet')}</p>
      ) : (
      <Form method="post" className="stack" {...getFormProps(form)}>
        <TextareaField meta={fields.text} label={t('sharing.sessionNoteTitle')} />
        <button type="submit" className="button">
          {t('sharing.sessionNoteSave')}
        </button>
      </Form>
      )}
    </div>
  )
}
