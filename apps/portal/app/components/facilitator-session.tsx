import { Form, Link } from '@remix-run/react'
import { getFormProps } from '../forms/use-form'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { togetherFlows } from '../lib/assistant'
import type { FacilitatorResult } from '../lib/session-facilitation.server'
import { ChangeSessionForm, SessionNoteForm, SessionReflectionForm } from '../lib/session-forms'
import { FormErrors, TextareaField, TextField } from '../forms/field-components'
import { useSchemaForm } from '../forms/use-form'
import { FormProblem, Notice } from './field'
import { SaveSafety } from './save-safety'

interface Props {
  session: {
    id: string
    title: string
    kind: 'one_to_one' | 'group'
    agenda: string
    place: string
    startsAt: string
    version: number
    workerName: string | null
    peerName: string | null
    cancelledAt: string | null
    happened: boolean
    myNote: { text: string } | null
    reflection: { text: string; authorName: string | null } | null
  }
  participants: { id: string; displayName: string; canWorkTogether: boolean; readOnly: boolean }[]
  result: FacilitatorResult | undefined
}

/** The date and time inputs' values in Dutch time, for the change form. */
function dutchParts(iso: string) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` }
}

/** The form's own problem code (no field named): what stands above a form of buttons. */
const problemOf = (result: FacilitatorResult | undefined) => (result?.result ? (result.result.error?.['']?.[0] ?? null) : null)

function TextForm({ intent, label, intro, defaultText, button, result }: { intent: 'note' | 'reflection'; label: string; intro: string; defaultText: string; button: string; result: FacilitatorResult | undefined }) {
  const schema = intent === 'note' ? SessionNoteForm : SessionReflectionForm
  const [form, fields] = useSchemaForm({ id: `${intent}-form`, schema, lastResult: result?.intent === intent ? result.result : null, defaultValue: { text: defaultText } })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <FormErrors form={form} />
      <TextareaField meta={fields.text} label={label} hint={intro} />
      <button type="submit" className="button">
        {button}
      </button>
    </Form>
  )
}

/** Changing title, moment, place and agenda, on the version shown; a refusal keeps what was typed. */
function ChangeForm({ session, result }: { session: Props['session']; result: FacilitatorResult | undefined }) {
  const t = useT()
  const when = dutchParts(session.startsAt)
  const defaultValue = { title: session.title, date: when.date, time: when.time, place: session.place, agenda: session.agenda }
  const [form, fields] = useSchemaForm({ id: 'change', schema: ChangeSessionForm, lastResult: result?.intent === 'change' ? result.result : null, defaultValue })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="change" />
      <input type="hidden" name="version" value={session.version} />
      <TextField meta={fields.title} label={t('sharing.sessionTitleLabel')} />
      <TextField meta={fields.date} type="date" label={t('sharing.sessionDate')} />
      <TextField meta={fields.time} type="time" label={t('sharing.sessionTime')} />
      <TextField meta={fields.place} label={t('peer.placeLabel')} />
      <TextareaField meta={fields.agenda} label={t('sharing.sessionAgenda')} />
      <button type="submit" className="button">
        {t('peer.changeButton')}
      </button>
    </Form>
  )
}

/** A session as its facilitator sees it: who comes, change or cancel, together, notes and a reflection. */
export function FacilitatorSession({ session, participants, result }: Props) {
  const t = useT()
  const locale = useLocale()
  const open = !session.cancelledAt
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/sessies">← {t('peer.sessionBack')}</Link>
      </p>
      <h1>{session.title}</h1>
      {session.cancelledAt ? <p className="notice">{t('peer.cancelled')}</p> : null}
      {result?.done && result.intent === 'cancel' ? <Notice>{t('peer.cancelledNotice')}</Notice> : null}
      {result?.done && result.intent === 'change' ? <Notice>{t('peer.changed')}</Notice> : null}
      <dl className="facts">
        <dt>{t('peer.when')}</dt>
        <dd>
          {formatDate(locale, session.startsAt, true)} · {t(`sharing.sessionKindShort.${session.kind}`)}
        </dd>
        <dt>{t('peer.where')}</dt>
        <dd>{session.place || t('peer.noPlace')}</dd>
        <dt>{t('peer.whoFacilitates')}</dt>
        <dd>{[session.workerName, session.peerName].filter(Boolean).join(', ')}</dd>
        <dt>{t('peer.participants')}</dt>
        <dd>{participants.map((p) => p.displayName).join(', ')}</dd>
      </dl>
      {session.agenda ? (
        <section className="card" aria-labelledby="agenda">
          <h2 id="agenda">{t('sharing.sessionAgendaTitle')}</h2>
          <p className="pre-line">{session.agenda}</p>
        </section>
      ) : null}

      {open ? (
        <section className="card" aria-labelledby="together">
          <h2 id="together">{t('peer.together')}</h2>
          <p>{t('peer.togetherIntro')}</p>
          {result?.intent === 'together' ? <FormProblem code={problemOf(result) ?? (result.result ? 'validation_failed' : null)} /> : null}
          <ul className="rows">
            {participants.map((person) => (
              <li key={person.id} className="row">
                {person.canWorkTogether ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="together" />
                    <input type="hidden" name="clientId" value={person.id} />
                    <label htmlFor={`flow-${person.id}`}>{t('peer.togetherWith', { name: person.displayName })}</label>{' '}
                    <select id={`flow-${person.id}`} name="flow" defaultValue="strengths">
                      {togetherFlows.map((flow) => (
                        <option key={flow} value={flow}>
                          {t(`assistant.flows.${flow}`)}
                        </option>
                      ))}
                    </select>{' '}
                    <button type="submit" className="button button--small">
                      {t('peer.togetherStart')}
                    </button>
                  </Form>
                ) : (
                  <span className="muted">{person.readOnly ? t('peer.togetherReadOnly', { name: person.displayName }) : t('peer.togetherNotShared', { name: person.displayName })}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="reflection">
        <h2 id="reflection">{t('peer.reflection')}</h2>
        {session.reflection ? (
          <div data-testid="reflection">
            <p className="pre-line">{session.reflection.text}</p>
            {session.reflection.authorName ? <p className="muted">{t('peer.reflectionBy', { name: session.reflection.authorName })}</p> : null}
          </div>
        ) : (
          <p className="muted">{t('peer.reflectionNone')}</p>
        )}
        {result?.done && result.intent === 'reflection' ? <Notice>{t('peer.reflectionSaved')}</Notice> : null}
        {result?.intent === 'reflection' ? <SaveSafety screen={result.safety} /> : null}
        {open && session.happened ? (
          <TextForm intent="reflection" label={t('peer.reflection')} intro={t('peer.reflectionIntro')} defaultText={session.reflection?.text ?? ''} button={t('peer.reflectionSave')} result={result} />
        ) : open ? (
          <p>{t('peer.notYet')}</p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="my-note">
        <h2 id="my-note">{t('peer.myNote')}</h2>
        {result?.done && result.intent === 'note' ? <Notice>{t('peer.myNoteSaved')}</Notice> : null}
        {result?.intent === 'note' ? <SaveSafety screen={result.safety} /> : null}
        {open && session.happened ? (
          <TextForm intent="note" label={t('peer.myNote')} intro={t('peer.myNoteIntro')} defaultText={session.myNote?.text ?? ''} button={t('peer.myNoteSave')} result={result} />
        ) : session.myNote ? (
          <p className="pre-line">{session.myNote.text}</p>
        ) : (
          <p>{t('peer.notYet')}</p>
        )}
      </section>

      {open ? (
        <section className="card" aria-labelledby="change">
          <h2 id="change">{t('peer.change')}</h2>
          <ChangeForm session={session} result={result} />
          <h2>{t('peer.cancel')}</h2>
          {result?.intent === 'cancel' ? <FormProblem code={problemOf(result)} /> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--secondary">
              {t('peer.cancelButton')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  )
}
