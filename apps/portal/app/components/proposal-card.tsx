import { Form, Link } from '@remix-run/react'
import type { Translator } from '@kracht/i18n'
import type { ProposalData } from '../lib/assistant.server'
import { areas, label, problemMessage, supports } from '../lib/assistant'
import { domainLabel } from '../lib/inventory'
import { keptCardHref } from '../lib/kept-card-link'
import { useT } from '../lib/i18n'
import { problemText } from '../lib/problem-text'

// A card's field codes come from the assistant's answer, not a form's reply: the page carries them.
// route-texts: fields

interface CardProblem {
  code: string
  fields: Record<string, string>
}

interface Props {
  proposal: ProposalData
  /** The organisation's life domains, for the domain choice. */
  domains: readonly string[]
  problem: CardProblem | null
  busy: boolean
  isNew: boolean
  /** Kept together with someone, waiting for the client: who suggested it ('' when the name is unknown). */
  suggestedBy?: string | null | undefined
  /** The AI help suggested other words for this card: it is marked as the client's own words (shown first). */
  ownWords?: boolean | undefined
}

function kindLabel(t: Translator, p: ProposalData): string {
  if (p.kind === 'statement') return t(p.form === 'i_want' ? 'assistant.cards.kinds.wish' : 'assistant.cards.kinds.statement')
  return t(`assistant.cards.kinds.${p.kind}`)
}

/** What the card says, in the client's words, with the details that go with its kind. */
function CardBody({ p }: { p: ProposalData }) {
  const t = useT()
  switch (p.kind) {
    case 'statement':
    case 'goal':
      return (
        <>
          <p className="proposal-text">{p.text}</p>
          {p.domain ? <p className="proposal-meta">{domainLabel(t, p.domain)}</p> : null}
        </>
      )
    case 'network_person':
      return (
        <>
          <p className="proposal-text">{p.name}</p>
          <p className="proposal-meta">
            {[
              p.area ? label(t, `assistant.cards.areas.${p.area}`) : null,
              p.ring ? label(t, `assistant.cards.rings.r${p.ring}`) : null,
              ...p.support.map((s) => label(t, `assistant.cards.supports.${s}`)),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {p.note ? <p className="proposal-meta">{p.note}</p> : null}
        </>
      )
    case 'safety_plan_line':
      return (
        <>
          <p className="proposal-text">{p.text}</p>
          <p className="proposal-meta">{t(`safety.plan.parts.${p.part}`)}</p>
        </>
      )
    case 'action':
      return (
        <>
          <p className="proposal-text">{p.what}</p>
          <p className="proposal-meta">{[p.who, p.when].filter(Boolean).join(' · ')}</p>
        </>
      )
  }
}

function FieldError({ code }: { code: string | undefined }) {
  const t = useT()
  return code ? <p className="field-error">{problemText(t, 'fields', code)}</p> : null
}

function DomainSelect({ id, value, domains, error, required }: { id: string; value: string | null; domains: readonly string[]; error?: string | undefined; required?: boolean }) {
  const t = useT()
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{t('assistant.cards.domain')}</label>
      <select id={id} name="domain" defaultValue={value ?? ''} required={required}>
        {value ? null : <option value="">{t('assistant.cards.chooseDomain')}</option>}
        {domains.map((d) => (
          <option key={d} value={d}>
            {domainLabel(t, d)}
          </option>
        ))}
      </select>
      <FieldError code={error} />
    </div>
  )
}

function AreaRing({ p, prefix, fields, only }: { p: Extract<ProposalData, { kind: 'network_person' }>; prefix: string; fields: Record<string, string>; only: boolean }) {
  const t = useT()
  return (
    <>
      {!only || !p.area ? (
        <div className={fields['area'] ? 'field field--error' : 'field'}>
          <label htmlFor={`${prefix}-area`}>{t('assistant.cards.area')}</label>
          <select id={`${prefix}-area`} name="area" defaultValue={p.area ?? ''} required>
            {p.area ? null : <option value="">{t('assistant.cards.chooseArea')}</option>}
            {areas.map((a) => (
              <option key={a} value={a}>
                {t(`assistant.cards.areas.${a}`)}
              </option>
            ))}
          </select>
          <FieldError code={fields['area']} />
        </div>
      ) : null}
      {!only || !p.ring ? (
        <div className={fields['ring'] ? 'field field--error' : 'field'}>
          <label htmlFor={`${prefix}-ring`}>{t('assistant.cards.ring')}</label>
          <select id={`${prefix}-ring`} name="ring" defaultValue={p.ring ? String(p.ring) : ''} required>
            {p.ring ? null : <option value="">{t('assistant.cards.chooseRing')}</option>}
            {([1, 2, 3] as const).map((r) => (
              <option key={r} value={r}>
                {t(`assistant.cards.rings.r${r}`)}
              </option>
            ))}
          </select>
          <FieldError code={fields['ring']} />
        </div>
      ) : null}
    </>
  )
}

/** The fields to change a card before keeping it (inside "Aanpassen": works without JavaScript). */
function EditFields({ p, domains, fields }: { p: ProposalData; domains: readonly string[]; fields: Record<string, string> }) {
  const t = useT()
  const prefix = `edit-${p.id}`
  const text = (name: string, value: string | null, caption: string, multiline = false) => (
    <div className={fields[name] ? 'field field--error' : 'field'}>
      <label htmlFor={`${prefix}-${name}`}>{caption}</label>
      {multiline ? (
        <textarea id={`${prefix}-${name}`} name={name} defaultValue={value ?? ''} maxLength={1000} rows={3} />
      ) : (
        <input id={`${prefix}-${name}`} name={name} defaultValue={value ?? ''} maxLength={1000} />
      )}
      <FieldError code={fields[name]} />
    </div>
  )
  switch (p.kind) {
    case 'statement':
    case 'goal':
      return (
        <>
          {text('text', p.text, t('assistant.cards.text'), true)}
          <DomainSelect id={`${prefix}-domain`} value={p.domain} domains={domains} error={fields['domain']} required={p.kind === 'statement'} />
        </>
      )
    case 'network_person':
      return (
        <>
          {text('name', p.name, t('assistant.cards.name'))}
          <AreaRing p={p} prefix={prefix} fields={fields} only={false} />
          <fieldset className="field">
            <legend>{t('assistant.cards.support')}</legend>
            {supports.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" name="support" value={s} defaultChecked={p.support.includes(s)} /> {t(`assistant.cards.supports.${s}`)}
              </label>
            ))}
            <input type="hidden" name="supportShown" value="1" />
          </fieldset>
          {text('note', p.note, t('assistant.cards.note'), true)}
        </>
      )
    case 'safety_plan_line':
      return text('text', p.text, t('assistant.cards.text'), true)
    case 'action':
      return (
        <>
          {text('what', p.what, t('assistant.cards.what'), true)}
          {text('who', p.who, t('assistant.cards.who'))}
          {text('when', p.when, t('assistant.cards.when'))}
        </>
      )
  }
}

/** A draft as a card: keep it, change it first, or leave it out. Nothing is saved before "keep". */
export function ProposalCard({ proposal: p, domains, problem, busy, isNew, suggestedBy, ownWords }: Props) {
  const t = useT()
  const fields = problem?.fields ?? {}
  // A card can only be kept once the required choices are made: ask for them on the card itself.
  const needsDomain = p.kind === 'statement' && !p.domain
  const needsPlace = p.kind === 'network_person' && (!p.area || !p.ring)
  const editOpen = Boolean(problem && Object.keys(fields).length > 0 && !needsDomain && !needsPlace)
  return (
    <li className={isNew ? 'proposal is-new' : 'proposal'} id={`kaart-${p.id}`}>
      <p className="proposal-kind">
        {kindLabel(t, p)}
        {p.source === 'assistant_suggestion' ? <span className="badge">{t('assistant.cards.suggestion')}</span> : null}
        {ownWords && p.source === 'assistant' ? <span className="badge">{t('assistant.cards.ownWords')}</span> : null}
        {suggestedBy != null ? (
          <span className="badge badge--pending">{suggestedBy ? t('assistant.pending.from', { name: suggestedBy }) : t('assistant.pending.fromWorker')}</span>
        ) : null}
      </p>
      <CardBody p={p} />
      {problem && Object.keys(fields).length === 0 ? (
        <p className="field-error" role="alert">
          {problemMessage(t, problem.code)}
        </p>
      ) : null}
      <Form method="post" replace preventScrollReset className="proposal-keep">
        {/* No hidden intent here: the button pressed says it (keep is the default on Enter). */}
        <input type="hidden" name="proposalId" value={p.id} />
        {needsDomain ? <DomainSelect id={`keep-${p.id}-domain`} value={null} domains={domains} error={fields['domain']} required /> : null}
        {needsPlace && p.kind === 'network_person' ? <AreaRing p={p} prefix={`keep-${p.id}`} fields={fields} only /> : null}
        <div className="card-actions">
          <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
            {t('assistant.cards.keep')}
          </button>
          <button type="submit" name="intent" value="drop" className="button button--secondary" disabled={busy} formNoValidate>
            {t('assistant.cards.drop')}
          </button>
        </div>
      </Form>
      <details className="proposal-edit" open={editOpen}>
        <summary>{t('assistant.cards.edit')}</summary>
        <Form method="post" replace preventScrollReset className="stack">
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="proposalId" value={p.id} />
          <EditFields p={p} domains={domains} fields={fields} />
          <button type="submit" className="button" disabled={busy}>
            {t('assistant.cards.saveEdit')}
          </button>
        </Form>
      </details>
    </li>
  )
}

/** Where a kept card lives now, as a link when it has a page (keptCardHref). */
function KeptIn({ p }: { p: ProposalData }) {
  const t = useT()
  const href = keptCardHref(p)
  const text = t(`assistant.cards.keptIn.${p.kind}`)
  return <span className="proposal-meta"> {href ? <Link to={href}>{text}</Link> : text}</span>
}

/** A card the client already decided on: a quiet line. */
export function DecidedCard({ proposal: p }: { proposal: ProposalData }) {
  const t = useT()
  const status = p.status === 'dropped' ? t('assistant.cards.dropped') : t('assistant.cards.kept')
  const text = p.kind === 'network_person' ? p.name : p.kind === 'action' ? p.what : p.text
  return (
    <li className={p.status === 'dropped' ? 'decided is-dropped' : 'decided'}>
      <span className="badge">{status}</span> <span>{text}</span>
      {p.source === 'assistant_suggestion' ? <span className="proposal-meta"> ({t('assistant.cards.suggestion')})</span> : null}
      {p.status !== 'dropped' ? <KeptIn p={p} /> : null}
    </li>
  )
}
