import { Form, Link } from '@remix-run/react'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { fieldText } from '../lib/sharing-forms'
import type { FacilitatorResult } from '../lib/session-facilitation.server'
import { FormProblem, Field, Notice } from './field'
import { SaveSafety } from './save-safety'

const togetherFlows = ['miracle', 'strengths', 'vip', 'goal'] as const

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

function TextForm({ intent, label, intro, defaultText, button, result }: { intent: 'note' | 'reflection'; label: string; intro: string; defaultText: string; button: string; result: FacilitatorResult | undefined }) {
  const t = useT()
  const mine = result?.intent === intent ? result : undefined
  const error = mine?.fields['text']
  const id = `${intent}-text`
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value={intent} />
      {mine?.problem && !error ? <FormProblem code={mine.problem} /> : null}
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <p className="hint" id={`${id}-hint`}>
          {intro}
        </p>
        <textarea id={id} name="text" maxLength={2000} required defaultValue={mine?.values['text'] ?? defaultText} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`} />
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {fieldText(t, error)}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        {button}
      </button>
    </Form>
  )
}

/** A session as its facilitator sees it: who comes, change or cancel, together, notes and a reflection. */
export function FacilitatorSession({ session, participants, result }: Props) {
  const t = useT()
  const locale = useLocale()
  const change = result?.intent === 'change' && !result.done ? result : undefined
  const typed = change?.values ?? {}
  const when = dutchParts(session.startsAt)
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
          {result?.intent === 'together' && result.problem ? <FormProblem code={result.problem} /> : null}
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
          {change?.problem ? <FormProblem code={change.problem} /> : null}
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="change" />
            <input type="hidden" name="version" value={session.version} />
            <Field name="title" label={t('sharing.sessionTitleLabel')} maxLength={120} required defaultValue={typed['title'] ?? session.title} error={change?.fields['title']} />
            <Field name="date" type="date" label={t('sharing.sessionDate')} required defaultValue={typed['date'] ?? when.date} error={change?.fields['date']} />
            <Field name="time" type="time" label={t('sharing.sessionTime')} required defaultValue={typed['time'] ?? when.time} error={change?.fields['time']} />
            <Field name="place" label={t('peer.placeLabel')} maxLength={120} defaultValue={typed['place'] ?? session.place} error={change?.fields['place']} />
            <div className="field">
              <label htmlFor="change-agenda">{t('sharing.sessionAgenda')}</label>
              <textarea id="change-agenda" name="agenda" maxLength={1000} defaultValue={typed['agenda'] ?? session.agenda} />
            </div>
            <button type="submit" className="button">
              {t('peer.changeButton')}
            </button>
          </Form>
          <h2>{t('peer.cancel')}</h2>
          {result?.intent === 'cancel' && result.problem ? <FormProblem code={result.problem} /> : null}
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
