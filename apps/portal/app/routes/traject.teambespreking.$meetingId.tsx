import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult } from '../forms/use-form'
import { z } from 'zod'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { MeetingQuestionForm } from '../lib/trajectory-forms'
import { TextareaField } from '../forms/field-components'
import { useSchemaForm } from '../forms/use-form'
import { clientMeetingAction, loadTeamMeeting } from '../lib/team-meeting.server'
import { FormProblem, Notice } from '../components/field'
import { SaveSafety } from '../components/save-safety'

export const meta: MetaFunction = pageTitle('titles.besprekingMetHetTeam')

const Params = z.object({ meetingId: z.string().uuid() })

/** The client's side of a team meeting: their own question to the team, and the team's ideas to choose from. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  return { meeting: await loadTeamMeeting(request, context, user.id, parsed.data.meetingId) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  return clientMeetingAction(request, context, user.id, parsed.data.meetingId)
}

export default function ClientTeamMeeting() {
  const t = useT()
  const locale = useLocale()
  const { meeting } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const refused = result && 'result' in result ? result : null
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/traject">← {t('trajectory.teamMeeting.back')}</Link>
      </p>
      <h1>{t('trajectory.teamMeeting.title')}</h1>
      <p className="muted">{t('trajectory.teamMeeting.on', { date: formatDate(locale, meeting.meetingAt, true) })}</p>
      <p className="lead">{t('trajectory.teamMeeting.intro')}</p>
      {/* A decision on an idea is two buttons, no field: its problem stands above the page. */}
      <FormProblem code={refused?.intent === 'decide' ? (refused.result.error?.['']?.[0] ?? 'validation_failed') : null} />
      {result && 'saved' in result ? <SaveSafety screen={result.safety} /> : null}

      <section aria-labelledby="question-title">
        <h2 id="question-title">{t('trajectory.teamMeeting.questionTitle')}</h2>
        {result && 'saved' in result && result.saved === 'question' ? <Notice>{t('trajectory.teamMeeting.questionSaved')}</Notice> : null}
        <QuestionForm version={meeting.version} question={meeting.clientQuestion} result={refused?.intent === 'question' ? refused.result : null} />
      </section>

      <section aria-labelledby="ideas-title">
        <h2 id="ideas-title">{t('trajectory.teamMeeting.ideasTitle')}</h2>
        {meeting.ideas.length === 0 ? (
          <p className="muted">{t('trajectory.teamMeeting.ideasEmpty')}</p>
        ) : (
          <>
            <p>{t('trajectory.teamMeeting.ideasIntro')}</p>
            <ul className="team-ideas">
              {meeting.ideas.map((idea) => (
                <li key={idea.id} className="card" data-idea-status={idea.status ?? ''}>
                  <p>{idea.suggestedText}</p>
                  {idea.status === 'open' ? (
                    <Form method="post" className="idea-choices">
                      <input type="hidden" name="intent" value="decide" />
                      <input type="hidden" name="ideaId" value={idea.id} />
                      <button type="submit" name="decision" value="accept" className="button">
                        {t('trajectory.teamMeeting.accept')}
                      </button>
                      <button type="submit" name="decision" value="decline" className="button button--secondary">
                        {t('trajectory.teamMeeting.decline')}
                      </button>
                    </Form>
                  ) : (
                    <p className="muted">{idea.status === 'declined' ? t('trajectory.teamMeeting.declined') : t('trajectory.teamMeeting.accepted')}</p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  )
}

/** The client's question to the team, on the meeting's version; a refusal keeps the words in the box. */
function QuestionForm({ version, question, result }: { version: number; question: string | null; result: SubmissionResult<string[]> | null }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'team-question', schema: MeetingQuestionForm, lastResult: result, defaultValue: { question: question ?? '' } })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="question" />
      <input type="hidden" name="version" value={version} />
      <TextareaField meta={fields.question} label={t('trajectory.teamMeeting.questionHint')} rows={4} />
      <button type="submit" className="button">
        {t('trajectory.teamMeeting.questionSave')}
      </button>
    </Form>
  )
}
