import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult } from '../forms/use-form'
import { z } from 'zod'
import type { TeamMeetingStep } from '@kracht/trajectory'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { MeetingIdeaForm, MeetingNotesForm } from '../lib/trajectory-forms'
import { FieldErrorText, TextareaField } from '../forms/field-components'
import { useSchemaForm } from '../forms/use-form'
import { domainLabel } from '../lib/inventory'
import { loadTeamMeeting, workerMeetingAction } from '../lib/team-meeting.server'
import { FormProblem, Notice } from '../components/field'
import { SaveSafety } from '../components/save-safety'

export const meta: MetaFunction = pageTitle('titles.teamkrachtbespreking')

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
  const result = useActionAnswer<typeof action>()
  const refused = result && 'result' in result ? result : null
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
      <FormProblem code={refused?.result.error?.['']?.[0] ?? null} />
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
        <NotesForm version={meeting.version} notes={meeting.notes} result={refused?.intent === 'notes' ? refused.result : null} />
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
        {/* A new key after an idea is added empties the box; after a refusal the typing stays. */}
        <IdeaForm key={`idea-${meeting.ideas.length}`} result={refused?.intent === 'idea' ? refused.result : null} />
      </section>
    </div>
  )
}

type Result = SubmissionResult<string[]> | null

/** The eight steps' notes in one form (`notes.<step>`), on the meeting's version. */
function NotesForm({ version, notes, result }: { version: number; notes: readonly { step: TeamMeetingStep; text: string }[]; result: Result }) {
  const t = useT()
  const defaultValue = { notes: Object.fromEntries(notes.map((note) => [note.step, note.text])) }
  const [form, fields] = useSchemaForm({ id: 'team-notes', schema: MeetingNotesForm, lastResult: result, defaultValue })
  const steps = fields.notes.getFieldset()
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="notes" />
      <input type="hidden" name="version" value={version} />
      <ol className="team-steps">
        {notes.map((note, index) => (
          <li key={note.step} className="team-step">
            <TextareaField meta={steps[note.step]} label={`${index + 1}. ${t(`trajectory.teamMeeting.steps.${note.step}`)}`} rows={3} />
          </li>
        ))}
      </ol>
      <FieldErrorText id={fields.version.errorId} errors={fields.version.errors} />
      <button type="submit" className="button no-print">
        {t('trajectory.teamMeeting.worker.saveNotes')}
      </button>
    </Form>
  )
}

/** One idea of the team; it waits for the client as a suggestion. */
function IdeaForm({ result }: { result: Result }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'team-idea', schema: MeetingIdeaForm, lastResult: result })
  return (
    <Form method="post" className="no-print stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="idea" />
      <TextareaField meta={fields.idea} label={t('trajectory.teamMeeting.worker.ideaLabel')} hint={t('trajectory.teamMeeting.worker.ideaHint')} rows={2} />
      <button type="submit" className="button button--secondary">
        {t('trajectory.teamMeeting.worker.addIdea')}
      </button>
    </Form>
  )
}
