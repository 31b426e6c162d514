import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { hasKey } from '@kracht/i18n'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'
import { domainLabel } from '../lib/inventory'
import { loadTeamMeeting, workerMeetingAction } from '../lib/team-meeting.server'
import { FormProblem, Notice } from '../components/field'
import { SaveSafety } from '../components/save-safety'

export const meta: MetaFunction = () => [{ title: 'Teamkrachtbespreking – Kracht' }]

const Params = z.object({ clientId: z.string().uuid(), meetingId: z.string().uuid() })

/**
 * The worker's sheet for a team strengths meeting: what the client shared for it (while the share
 * lasts), the client's own question, the eight steps with notes, and the team's ideas as suggestions
 * for the client. The same page prints on A4 (print styles in styles.css).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId, meetingId } = parsed.data
  return { clientId, meeting: await loadTeamMeeting(request, context, clientId, meetingId) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  return workerMeetingAction(request, context, parsed.data.clientId, parsed.data.meetingId)
}

export default function WorkerTeamMeeting() {
  const t = useT()
  const locale = useLocale()
  const { clientId, meeting } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const problem = result && 'problem' in result ? result : null
  const ideaError = problem?.field === 'idea' ? problem : null
  const saved = result && 'saved' in result ? result.saved : null
  const shared = meeting.shared
  return (
    <div className="page page--narrow print-sheet team-sheet">
      <p className="breadcrumb no-print">
        <Link to={`/clienten/${clientId}/traject`}>← {t('trajectory.teamMeeting.worker.back')}</Link>
      </p>
      <h1>{t('trajectory.teamMeeting.worker.title')}</h1>
      <p className="muted">{t('trajectory.teamMeeting.on', { date: formatDate(locale, meeting.meetingAt, true) })}</p>
      <p className="lead no-print">{t('trajectory.teamMeeting.worker.intro')}</p>
      <p className="no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('trajectory.teamMeeting.worker.print')}
        </button>
      </p>
      <FormProblem code={problem && !problem.field ? problem.problem : null} />
      {result && 'saved' in result ? <SaveSafety screen={result.safety} /> : null}

      <section aria-labelledby="question-title" className="print-section">
        <h2 id="question-title">{t('trajectory.teamMeeting.worker.questionTitle')}</h2>
        {meeting.clientQuestion ? (
          <blockquote data-testid="client-question">{meeting.clientQuestion}</blockquote>
        ) : (
          <p className="muted">{t('trajectory.teamMeeting.worker.noQuestion')}</p>
        )}
      </section>

      <section aria-labelledby="shared-title" className="print-section">
        <h2 id="shared-title">{t('trajectory.teamMeeting.worker.sharedTitle')}</h2>
        {meeting.shareEndsAt ? (
          <p className="muted">
            {shared
              ? t('trajectory.teamMeeting.worker.shareUntil', { date: formatDate(locale, meeting.shareEndsAt, true) })
              : t('trajectory.teamMeeting.worker.shareEnded', { date: formatDate(locale, meeting.shareEndsAt, true) })}
          </p>
        ) : null}
        {shared ? (
          <>
            {shared.priorities.length > 0 ? (
              <>
                <h3>{t('trajectory.teamMeeting.worker.priorities')}</h3>
                <ol>
                  {shared.priorities.map((priority) => (
                    <li key={priority.domain}>
                      <strong>{domainLabel(t, priority.domain)}</strong>
                      {priority.wish ? ` – ${priority.wish}` : ''}
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
            <ul className="together-list" data-testid="shared-statements">
              {shared.statements.map((statement) => (
                <li key={statement.id}>
                  <span className="muted">{domainLabel(t, statement.domain)}:</span> {statement.text}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="steps-title" className="print-section">
        <h2 id="steps-title">{t('trajectory.teamMeeting.worker.notesTitle')}</h2>
        {saved === 'notes' ? <Notice>{t('trajectory.teamMeeting.worker.notesSaved')}</Notice> : null}
        <Form method="post">
          <input type="hidden" name="intent" value="notes" />
          <input type="hidden" name="version" value={meeting.version} />
          <ol className="team-steps">
            {meeting.notes.map((note, index) => (
              <li key={note.step} className="team-step field">
                <label htmlFor={`step-${note.step}`}>
                  {index + 1}. {t(`trajectory.teamMeeting.steps.${note.step}`)}
                </label>
                <textarea id={`step-${note.step}`} name={note.step} rows={3} maxLength={2000} defaultValue={problem?.notes?.[note.step] ?? note.text} />
              </li>
            ))}
          </ol>
          <button type="submit" className="button no-print">
            {t('trajectory.teamMeeting.worker.saveNotes')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="ideas-title" className="print-section">
        <h2 id="ideas-title">{t('trajectory.teamMeeting.ideasTitle')}</h2>
        {saved === 'idea' ? <Notice>{t('trajectory.teamMeeting.worker.ideaAdded')}</Notice> : null}
        <ul className="team-ideas" data-testid="team-ideas">
          {meeting.ideas.map((idea) => (
            <li key={idea.id} className="card" data-idea-status={idea.status ?? ''}>
              <p>{idea.suggestedText}</p>
              <p className="muted">{t(`trajectory.teamMeeting.worker.status.${idea.status ?? 'open'}`)}</p>
            </li>
          ))}
        </ul>
        <Form method="post" className={`no-print ${ideaError ? 'field field--error' : 'field'}`}>
          <input type="hidden" name="intent" value="idea" />
          <label htmlFor="team-idea">{t('trajectory.teamMeeting.worker.ideaLabel')}</label>
          <p className="hint" id="team-idea-hint">
            {t('trajectory.teamMeeting.worker.ideaHint')}
          </p>
          <textarea
            id="team-idea"
            name="idea"
            rows={2}
            maxLength={1000}
            defaultValue={ideaError?.text ?? ''}
            aria-invalid={ideaError ? true : undefined}
            aria-describedby={ideaError ? 'team-idea-hint team-idea-error' : 'team-idea-hint'}
          />
          {ideaError ? (
            <p className="field-error" id="team-idea-error" role="alert">
              {hasKey(`fields.${ideaError.problem}`) ? problemText(t, 'fields', ideaError.problem) : problemText(t, 'errors', ideaError.problem)}
            </p>
          ) : null}
          <button type="submit" className="button button--secondary">
            {t('trajectory.teamMeeting.worker.addIdea')}
          </button>
        </Form>
      </section>
    </div>
  )
}
