import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { hasKey } from '@kracht/i18n'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'
import { clientMeetingAction, loadTeamMeeting } from '../lib/team-meeting.server'
import { FormProblem, Notice } from '../components/field'
import { SaveSafety } from '../components/save-safety'

export const meta: MetaFunction = () => [{ title: 'Bespreking met het team – Kracht' }]

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
  const result = useActionData<typeof action>()
  const problem = result && 'problem' in result ? result : null
  const questionError = problem?.field === 'question' ? problem : null
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/traject">← {t('trajectory.teamMeeting.back')}</Link>
      </p>
      <h1>{t('trajectory.teamMeeting.title')}</h1>
      <p className="muted">{t('trajectory.teamMeeting.on', { date: formatDate(locale, meeting.meetingAt, true) })}</p>
      <p className="lead">{t('trajectory.teamMeeting.intro')}</p>
      <FormProblem code={problem && !problem.field ? problem.problem : null} />
      {result && 'saved' in result ? <SaveSafety screen={result.safety} /> : null}

      <section aria-labelledby="question-title">
        <h2 id="question-title">{t('trajectory.teamMeeting.questionTitle')}</h2>
        {result && 'saved' in result && result.saved === 'question' ? <Notice>{t('trajectory.teamMeeting.questionSaved')}</Notice> : null}
        <Form method="post" className={questionError ? 'field field--error' : 'field'}>
          <input type="hidden" name="intent" value="question" />
          <input type="hidden" name="version" value={meeting.version} />
          <label htmlFor="team-question">{t('trajectory.teamMeeting.questionHint')}</label>
          <textarea
            id="team-question"
            name="question"
            rows={4}
            maxLength={1000}
            defaultValue={questionError?.text ?? meeting.clientQuestion ?? ''}
            aria-invalid={questionError ? true : undefined}
            aria-describedby={questionError ? 'team-question-error' : undefined}
          />
          {questionError ? (
            <p className="field-error" id="team-question-error" role="alert">
              {hasKey(`fields.${questionError.problem}`) ? problemText(t, 'fields', questionError.problem) : problemText(t, 'errors', questionError.problem)}
            </p>
          ) : null}
          <button type="submit" className="button">
            {t('trajectory.teamMeeting.questionSave')}
          </button>
        </Form>
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
