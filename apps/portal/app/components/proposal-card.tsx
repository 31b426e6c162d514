import { Form, Link } from '@remix-run/react'
import type { Translator } from '@kracht/i18n'
import type { ProposalData } from '../lib/assistant.server'
import { areas, label, problemMessage, supports } from '../lib/assistant'
import { CardForm, editForms } from '../lib/conversation-forms'
import { domainLabel } from '../lib/inventory'
import { keptCardHref } from '../lib/kept-card-link'
import { useT } from '../lib/i18n'
import { CheckboxGroup, SelectField, TextareaField, TextField } from '../forms/field-components'
import { getFormProps, useSchemaForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from '../forms/use-form'

/** The action's answer to one of this card's forms: the card's buttons (keep, drop) or "Aanpassen". */
export interface CardAnswer {
  intent: 'accept' | 'drop' | 'edit'
  result: SubmissionResult<string[]> | null
}

interface Props {
  proposal: ProposalData
  /** The organisation's life domains, for the domain choice. */
  domains: readonly string[]
  answer: CardAnswer | null
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

type Meta = FieldMetadata<string | undefined>

function DomainSelect({ meta, domains, chosen }: { meta: Meta; domains: readonly string[]; chosen: boolean }) {
  const t = useT()
  const options = domains.map((d) => ({ value: d, label: domainLabel(t, d) }))
  return <SelectField meta={meta} label={t('assistant.cards.domain')} options={options} emptyOption={chosen ? undefined : t('assistant.cards.chooseDomain')} />
}

function AreaSelect({ meta, chosen }: { meta: Meta; chosen: boolean }) {
  const t = useT()
  const options = areas.map((a) => ({ value: a, label: t(`assistant.cards.areas.${a}`) }))
  return <SelectField meta={meta} label={t('assistant.cards.area')} options={options} emptyOption={chosen ? undefined : t('assistant.cards.chooseArea')} />
}

function RingSelect({ meta, chosen }: { meta: Meta; chosen: boolean }) {
  const t = useT()
  const options = (['1', '2', '3'] as const).map((r) => ({ value: r, label: t(`assistant.cards.rings.r${r}`) }))
  return <SelectField meta={meta} label={t('assistant.cards.ring')} options={options} emptyOption={chosen ? undefined : t('assistant.cards.chooseRing')} />
}

/** A form's problem on this page (an API code) in the assistant's words, with the id its fields point at. */
export function ProblemLine({ id, code }: { id: string; code: string | null }) {
  const t = useT()
  if (!code) return null
  return (
    <p className="field-error" role="alert" id={id}>
      {problemMessage(t, code)}
    </p>
  )
}

/**
 * The card's problem that no field shows: the API's (already decided, changed elsewhere), or "not
 * everything is right" when a field the form does not draw came back wrong.
 */
function formProblem(form: FormMetadata, drawn: readonly string[]): string | null {
  return form.errors?.[0] ?? (Object.keys(form.allErrors).some((name) => name !== '' && !drawn.includes(name)) ? 'validation_failed' : null)
}

/** A draft as a card: keep it, change it first, or leave it out. Nothing is saved before "keep". */
export function ProposalCard({ proposal: p, domains, answer, busy, isNew, suggestedBy, ownWords }: Props) {
  const t = useT()
  const editing = answer?.intent === 'edit'
  // A card can only be kept once the required choices are made: ask for them on the card itself.
  const needsDomain = p.kind === 'statement' && !p.domain
  const needsArea = p.kind === 'network_person' && !p.area
  const needsRing = p.kind === 'network_person' && !p.ring
  const [form, fields] = useSchemaForm({ id: `keep-${p.id}`, schema: CardForm, lastResult: editing ? null : answer?.result })
  const drawn = [needsDomain ? 'domain' : '', needsArea ? 'area' : '', needsRing ? 'ring' : '']
  const problem = editing ? null : formProblem(form, drawn)
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
      <ProblemLine id={form.errorId} code={problem} />
      <Form method="post" replace preventScrollReset className="proposal-keep" {...getFormProps(form)}>
        {/* No hidden intent here: the button pressed says it (keep is the default on Enter). */}
        <input type="hidden" name="proposalId" value={p.id} />
        {needsDomain ? <DomainSelect meta={fields.domain} domains={domains} chosen={false} /> : null}
        {needsArea ? <AreaSelect meta={fields.area} chosen={false} /> : null}
        {needsRing ? <RingSelect meta={fields.ring} chosen={false} /> : null}
        <div className="card-actions">
          <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
            {t('assistant.cards.keep')}
          </button>
          <button type="submit" name="intent" value="drop" className="button button--secondary" disabled={busy}>
            {t('assistant.cards.drop')}
          </button>
        </div>
      </Form>
      <EditCard p={p} domains={domains} result={editing ? (answer.result ?? null) : null} busy={busy} />
    </li>
  )
}

interface EditProps<P extends ProposalData['kind']> {
  p: Extract<ProposalData, { kind: P }>
  domains: readonly string[]
  result: SubmissionResult<string[]> | null
  busy: boolean
}

/** "Aanpassen": the card's words and choices to change before keeping it (works without JavaScript). */
function EditCard({ p, ...rest }: Omit<EditProps<ProposalData['kind']>, 'p'> & { p: ProposalData }) {
  switch (p.kind) {
    case 'statement':
    case 'goal':
      return <EditWords p={p} {...rest} />
    case 'network_person':
      return <EditPerson p={p} {...rest} />
    case 'safety_plan_line':
      return <EditPlanLine p={p} {...rest} />
    case 'action':
      return <EditAction p={p} {...rest} />
  }
}

/**
 * The frame of every edit form: open after a refused edit (the typed words are in it, the problem
 * beside its field), the card's id and kind, the save button.
 */
function EditFrame({ p, form, busy, children }: { p: ProposalData; form: FormMetadata; busy: boolean; children: React.ReactNode }) {
  const t = useT()
  // The hidden fields are the page's own: a problem with them is said above the form.
  const problem = formProblem(form, Object.keys(editForms[p.kind].shape).filter((name) => name !== 'intent' && name !== 'proposalId' && name !== 'kind'))
  return (
    <details className="proposal-edit" open={Object.keys(form.allErrors).length > 0}>
      <summary>{t('assistant.cards.edit')}</summary>
      <ProblemLine id={form.errorId} code={problem} />
      <Form method="post" replace preventScrollReset className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="proposalId" value={p.id} />
        <input type="hidden" name="kind" value={p.kind} />
        {children}
        <button type="submit" className="button" disabled={busy}>
          {t('assistant.cards.saveEdit')}
        </button>
      </Form>
    </details>
  )
}

function EditWords({ p, domains, result, busy }: EditProps<'statement' | 'goal'>) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `edit-${p.id}`, schema: editForms[p.kind], lastResult: result, defaultValue: { text: p.text, domain: p.domain ?? undefined } })
  return (
    <EditFrame p={p} form={form} busy={busy}>
      <TextareaField meta={fields.text} label={t('assistant.cards.text')} rows={3} />
      <DomainSelect meta={fields.domain} domains={domains} chosen={Boolean(p.domain)} />
    </EditFrame>
  )
}

function EditPerson({ p, result, busy }: EditProps<'network_person'>) {
  const t = useT()
  const defaultValue = { name: p.name, area: p.area ?? undefined, ring: p.ring ? String(p.ring) : undefined, support: p.support, note: p.note ?? '' }
  const [form, fields] = useSchemaForm({ id: `edit-${p.id}`, schema: editForms.network_person, lastResult: result, defaultValue })
  return (
    <EditFrame p={p} form={form} busy={busy}>
      <TextField meta={fields.name} label={t('assistant.cards.name')} />
      <AreaSelect meta={fields.area} chosen={Boolean(p.area)} />
      <RingSelect meta={fields.ring} chosen={Boolean(p.ring)} />
      <CheckboxGroup meta={fields.support} legend={t('assistant.cards.support')} options={supports.map((s) => ({ value: s, label: t(`assistant.cards.supports.${s}`) }))} />
      <TextareaField meta={fields.note} label={t('assistant.cards.note')} rows={3} />
    </EditFrame>
  )
}

function EditPlanLine({ p, result, busy }: EditProps<'safety_plan_line'>) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `edit-${p.id}`, schema: editForms.safety_plan_line, lastResult: result, defaultValue: { text: p.text } })
  return (
    <EditFrame p={p} form={form} busy={busy}>
      <TextareaField meta={fields.text} label={t('assistant.cards.text')} rows={3} />
    </EditFrame>
  )
}

function EditAction({ p, result, busy }: EditProps<'action'>) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `edit-${p.id}`, schema: editForms.action, lastResult: result, defaultValue: { what: p.what, who: p.who ?? '', when: p.when ?? '' } })
  return (
    <EditFrame p={p} form={form} busy={busy}>
      <TextareaField meta={fields.what} label={t('assistant.cards.what')} rows={3} />
      <TextField meta={fields.who} label={t('assistant.cards.who')} />
      <TextField meta={fields.when} label={t('assistant.cards.when')} />
    </EditFrame>
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
