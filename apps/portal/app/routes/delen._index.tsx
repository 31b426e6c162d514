import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import type { ShouldRevalidateFunction } from '@remix-run/react'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { dutchDate } from '@kracht/calendar'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { consentScopes } from '@kracht/method'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, scopeName, requestLocale, useLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { endOfDutchDay } from '../lib/sharing-forms'
import { FormProblem, Notice } from '../components/field'
import { jsonOrThrow } from '../lib/api-failure.server'
import { choiceField, chosenIdField, dateField, idField, optionalLine, someCheckboxesField } from '../forms/fields'
import { CheckboxGroup, FormErrors, RadioGroup, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem, type FormReply } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.wieMagWatZien')

// One schema per form; the API checks again (who is linked, which domains exist).
const ShareForm = z.object({
  intent: z.literal('share'),
  granteeId: chosenIdField,
  scopes: someCheckboxesField(consentScopes),
  // The organisation's own domains (Krachtwerk's ten or ICM's nine): the API knows which exist.
  excludeDomains: z.array(z.string().max(40, 'too_long')).default([]),
  access: choiceField(['read', 'comment']),
  endsAt: dateField.optional(),
  // The share with this person the form showed (its id), empty for none: the API replaces only that
  // one, so a share the client did not see is never dropped (share_changed, and they look again).
  replaces: idField.optional(),
  // The share whose choices filled the form (its id), empty for a new share's: tells a choice the
  // client made from one the form came with, when the send is refused (share_changed).
  filledFrom: idField.optional(),
})

// For one team strengths meeting: the inventory, read-only, with a linked worker's team, until a chosen day.
const TeamForm = z.object({
  intent: z.literal('team'),
  teamId: chosenIdField,
  endsAt: dateField,
})

// Only a button: which share to stop, and the name for the line that confirms it.
const StopForm = z.object({
  intent: z.literal('stop'),
  consentId: idField,
  name: optionalLine(80),
})

const SharingForms = z.discriminatedUnion('intent', [ShareForm, TeamForm, StopForm])

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const client = api(context, request).clients[':clientId']
  const [consents, grantees, teams, inventory] = await Promise.all([
    client.consents.$get({ param: { clientId: user.id }, query: {} }),
    client.grantees.$get({ param: { clientId: user.id } }),
    client['grantee-teams'].$get({ param: { clientId: user.id } }),
    // The organisation's life domains (Krachtwerk's ten or ICM's nine): the ones a client can leave out.
    loadInventory(request, context, user, requestLocale(request)),
  ])
  return {
    consents: await jsonOrThrow(consents),
    grantees: await jsonOrThrow(grantees),
    // With the names a team share would cover now: the client sees who, before sharing.
    teams: await jsonOrThrow(teams),
    domains: inventory.domains,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const formData = await request.formData()
  // Which form answered: each form on the page gets back only its own errors.
  const intent = formData.get('intent') === 'team' ? 'team' : formData.get('intent') === 'stop' ? 'stop' : 'share'
  const submission = parseSubmission(formData, SharingForms)
  if (submission.status !== 'success') return data({ intent, result: reply(submission) }, { status: 400 })
  const client = api(context, request).clients[':clientId']
  const form = submission.value
  if (form.intent === 'stop') {
    const response = await client.consents[':consentId'].$delete({ param: { clientId: user.id, consentId: form.consentId } })
    if (!response.ok) return data({ intent, result: await replyWithProblem(submission, response) }, { status: response.status })
    throw redirect(`/delen?gestopt=${encodeURIComponent(form.name ?? '')}`)
  }
  const json =
    form.intent === 'team'
      ? { teamId: form.teamId, scopes: ['inventory' as const], excludeDomains: [], access: 'read' as const, endsAt: endOfDutchDay(form.endsAt) }
      : // A chosen end date means the end of that day, Dutch time.
        {
          granteeId: form.granteeId,
          scopes: form.scopes,
          excludeDomains: form.excludeDomains,
          access: form.access,
          endsAt: form.endsAt ? endOfDutchDay(form.endsAt) : null,
          replaces: form.replaces ?? null,
        }
  const response = await client.consents.$post({ param: { clientId: user.id }, json })
  if (!response.ok) {
    const result = await replyWithProblem(submission, response)
    if (form.intent === 'share' && result.error?.['']?.includes('share_changed')) return shareChanged(client, user.id, form, result)
    return data({ intent, result }, { status: response.status })
  }
  const shared = await response.json()
  // Shared again with the same person: the API ended the old share and started this one (one share per person).
  const replaced = shared.replacedIds.length > 0 ? '&vervangen=1' : ''
  throw redirect(`/delen?gedeeld=${encodeURIComponent(shared.granteeName ?? shared.teamName ?? '')}${replaced}`)
}

type ShareValue = Extract<z.infer<typeof SharingForms>, { intent: 'share' }>

/**
 * The send was refused because the chosen person's share in force is not the one the form showed
 * (share_changed: without JavaScript, another person was chosen in a form filled for the first; or
 * the share changed in another tab). Nothing is lost either way:
 * - the client left the choices as the form came (she only chose another person): the form is
 *   filled with that person's share in force, and says so (`refilledFor`);
 * - she changed a choice: her choices stay as she made them, and the page says they are hers.
 * The page shows the share in force beside the form in both cases.
 */
async function shareChanged(client: ReturnType<typeof api>['clients'][':clientId'], clientId: string, form: ShareValue, result: FormReply) {
  const consents = await jsonOrThrow(client.consents.$get({ param: { clientId }, query: {} }))
  const theirs = consents.find((consent) => consent.active && consent.granteeId === form.granteeId)
  const source = form.filledFrom ? consents.find((consent) => consent.id === form.filledFrom) : undefined
  const from: Terms | undefined = form.filledFrom ? (source ? termsOf(source) : undefined) : newShare
  const untouched = from !== undefined && sameTerms(from, { scopes: form.scopes, excludeDomains: form.excludeDomains, access: form.access, endsAt: form.endsAt })
  if (!theirs || !untouched) return data({ intent: 'share' as const, result, refilledFor: null }, { status: 409 })
  const terms = termsOf(theirs)
  const initialValue = { ...result.initialValue, ...terms, endsAt: terms.endsAt ?? '', replaces: theirs.id, filledFrom: theirs.id }
  return data({ intent: 'share' as const, result: { ...result, initialValue }, refilledFor: theirs.granteeId }, { status: 409 })
}

/**
 * A refused answer does not reload the page's data (Remix's v3 flag), except a share that was
 * changed elsewhere: the page must show that share as it is now, and the form must name it.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => {
  const answer = actionResult as { result?: { error?: Record<string, string[] | null> } } | undefined
  return defaultShouldRevalidate || Boolean(answer?.result?.error?.['']?.includes('share_changed'))
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Consent = LoaderData['consents'][number]
const names = (people: { displayName: string }[]) => people.map((person) => person.displayName).join(', ')

export default function WhoMaySeeWhat() {
  const t = useT()
  const { consents, grantees, teams, domains } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  // A share with a person in force, by person: sharing with them again replaces it.
  const current = new Map(consents.flatMap((consent) => (consent.active && consent.granteeId ? [[consent.granteeId, consent] as const] : [])))
  // "Wijzigen" at a share opens the form with that share's choices (?wijzig=<consent id>).
  const editing = [...current.values()].find((consent) => consent.id === params.get('wijzig')) ?? null
  const [teamForm, team] = useSchemaForm({
    id: 'team-share',
    schema: TeamForm,
    lastResult: answer?.intent === 'team' ? answer.result : null,
    defaultValue: { intent: 'team', teamId: teams[0]?.id },
  })
  // A refused share whose form was filled again with the chosen person's share in force.
  const refilledFor = answer && 'refilledFor' in answer ? answer.refilledFor : null
  // A share that could not be stopped: the problem above the list.
  const stopProblem = answer?.intent === 'stop' ? answer.result.error?.['']?.[0] : null
  return (
    <div className="page page--narrow">
      <h1>{t('sharing.whoTitle')}</h1>
      <p className="lead">{t('sharing.whoIntro')}</p>
      {params.has('gestopt') ? <Notice>{t('sharing.stopped', { name: params.get('gestopt') ?? '' })}</Notice> : null}
      {params.has('gedeeld') ? (
        <Notice>{t(params.has('vervangen') ? 'sharing.replaced' : 'sharing.shared', { name: params.get('gedeeld') ?? '' })}</Notice>
      ) : null}
      <FormProblem code={stopProblem} />

      <section className="card" aria-labelledby="now-title">
        <h2 id="now-title">{t('sharing.nowTitle')}</h2>
        {consents.length === 0 ? <p className="muted">{t('sharing.nothingShared')}</p> : <ConsentList consents={consents} />}
      </section>

      {/* A new form for each share changed: its boxes start from that share's choices. */}
      {/* Filled again after a refusal: a new form too, so the boxes show that share's choices (with JavaScript). */}
      <ShareCard
        key={`${editing?.id ?? 'new'}${refilledFor ? `-${refilledFor}` : ''}`}
        grantees={grantees}
        domains={domains}
        current={current}
        editing={editing}
        lastResult={answer?.intent === 'share' ? answer.result : null}
        refilledFor={refilledFor}
      />

      <section className="card" aria-labelledby="team">
        <h2 id="team">{t('sharing.teamTitle')}</h2>
        <p>{t('sharing.teamIntro')}</p>
        {teams.length === 0 ? (
          <p className="muted">{t('sharing.teamNone')}</p>
        ) : (
          <>
            <FormErrors form={teamForm} />
            <Form method="post" className="stack" aria-labelledby="team" {...getFormProps(teamForm)}>
              <input type="hidden" name="intent" value="team" />
              <RadioGroup
                meta={team.teamId}
                legend={t('sharing.teamWhich')}
                options={teams.map((option) => ({
                  value: option.id,
                  label: t('sharing.teamOf', { team: option.name }),
                  hint: option.members.length > 0 ? t('sharing.teamWho', { names: names(option.members) }) : t('sharing.teamWhoNobody'),
                }))}
              />
              <TextField meta={team.endsAt} type="date" label={t('sharing.teamEndsAt')} hint={t('sharing.teamEndsHint')} />
              <button type="submit" className="button">
                {t('sharing.teamShare')}
              </button>
            </Form>
          </>
        )}
      </section>

      <p>
        <Link to="/delen/bekeken">{t('sharing.logTitle')}</Link>
      </p>
    </div>
  )
}

/** The choices of a share, as the form holds them. */
interface Terms {
  scopes: string[]
  excludeDomains: string[]
  access: 'read' | 'comment'
  endsAt: string | undefined
}
const newShare: Terms = { scopes: ['inventory'], excludeDomains: [], access: 'read', endsAt: undefined }
const termsOf = (consent: Consent): Terms => ({
  scopes: consent.scopes,
  excludeDomains: consent.excludeDomains,
  access: consent.access,
  endsAt: consent.endsAt ? dutchDate(new Date(consent.endsAt)) : undefined,
})

/** What the form's boxes say now (with JavaScript). */
function readTerms(form: HTMLFormElement): Terms {
  const checked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].filter((box) => box.checked).map((box) => box.value)
  const endsAt = form.querySelector<HTMLInputElement>('input[name="endsAt"]')?.value
  return { scopes: checked('scopes'), excludeDomains: checked('excludeDomains'), access: checked('access')[0] === 'comment' ? 'comment' : 'read', endsAt: endsAt || undefined }
}

/** Sets the form's boxes to these choices (the inputs are uncontrolled: what a person changes stays theirs). */
function fillTerms(form: HTMLFormElement, terms: Terms) {
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="scopes"]')) box.checked = terms.scopes.includes(box.value)
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="excludeDomains"]')) box.checked = terms.excludeDomains.includes(box.value)
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="access"]')) box.checked = box.value === terms.access
  const endsAt = form.querySelector<HTMLInputElement>('input[name="endsAt"]')
  if (endsAt) endsAt.value = terms.endsAt ?? ''
  const leaveOut = form.querySelector('details')
  if (leaveOut && terms.excludeDomains.length > 0) leaveOut.open = true
}

const sameTerms = (a: Terms, b: Terms) =>
  a.access === b.access && a.endsAt === b.endsAt && [...a.scopes].sort().join() === [...b.scopes].sort().join() && [...a.excludeDomains].sort().join() === [...b.excludeDomains].sort().join()

/**
 * The form to share with a person. One share per person: sharing again replaces the share in force,
 * so the form starts from it. The person chosen first (and the one "Wijzigen" opened) comes filled in
 * by the server; with JavaScript, choosing a person fills in that person's share. Without it, a link
 * under each person opens the form filled in, and a share sent from a form that did not show the
 * share in force changes nothing (the API answers share_changed): the page shows that share beside
 * what the client chose, and a second press replaces it.
 */
function ShareCard({
  grantees,
  domains,
  current,
  editing,
  lastResult,
  refilledFor,
}: {
  grantees: LoaderData['grantees']
  domains: LoaderData['domains']
  current: ReadonlyMap<string, Consent>
  editing: Consent | null
  lastResult: SubmissionResult<string[]> | null
  /** After share_changed: the person whose share in force now fills the form (else the choices are the client's). */
  refilledFor: string | null
}) {
  const t = useT()
  const locale = useLocale()
  const first = grantees[0]?.id
  // The share the form starts from: the one "Wijzigen" opened, else the share of the person chosen first.
  const startsFrom = editing ?? (first ? current.get(first) : undefined)
  const [shareForm, share] = useSchemaForm({
    id: 'share-form',
    schema: ShareForm,
    lastResult,
    defaultValue: { intent: 'share', granteeId: startsFrom?.granteeId ?? first, ...(startsFrom ? termsOf(startsFrom) : newShare) },
  })
  // Whom the form is for now: the lines under the people follow the choice (with JavaScript; without,
  // each person the client shares with has it under their name, with a link to start from it).
  const [chosen, setChosen] = useState(typeof share.granteeId.initialValue === 'string' ? share.granteeId.initialValue : undefined)
  const replacing = chosen ? current.get(chosen) : undefined
  // The choices the form was last filled with: a person without a share gets a new share's choices
  // only while the client has not changed these (what they chose themselves stays).
  const refilled = refilledFor ? current.get(refilledFor) : undefined
  const filled = useRef<Terms>(refilled ? termsOf(refilled) : startsFrom && !lastResult ? termsOf(startsFrom) : newShare)
  const [filledFor, setFilledFor] = useState<string | null>(refilled ? refilledFor : startsFrom && !lastResult ? (startsFrom.granteeId ?? null) : null)
  // Which share's choices the form came with (sent along: a refused send then tells the client's own choices apart).
  const sentFrom = lastResult?.initialValue?.['filledFrom']
  const [filledFrom, setFilledFrom] = useState(refilled ? refilled.id : lastResult ? (typeof sentFrom === 'string' ? sentFrom : '') : (startsFrom?.id ?? ''))
  // After an answer the form holds what the client chose, not a share's choices (unless it was filled again).
  useEffect(() => {
    if (lastResult) setFilledFor(refilledFor)
  }, [lastResult, refilledFor])
  const refused = Boolean(lastResult?.error?.['']?.includes('share_changed'))
  const leftOut = share.excludeDomains.initialValue
  return (
    <section className="card" aria-labelledby="share-title">
      <h2 id="share-title">{t('sharing.shareTitle')}</h2>
      <FormErrors form={shareForm} />
      <Form
        method="post"
        className="stack"
        {...getFormProps(shareForm)}
        onChange={(event) => {
          const field = event.target
          if (!(field instanceof HTMLInputElement) || field.name !== share.granteeId.name || !field.checked || !field.form) return
          setChosen(field.value)
          // The person's share in force, if any, fills the form: the client changes only what should change.
          const theirs = current.get(field.value)
          const untouched = sameTerms(readTerms(field.form), filled.current)
          const terms = theirs ? termsOf(theirs) : untouched ? newShare : null
          if (terms) {
            fillTerms(field.form, terms)
            filled.current = terms
            setFilledFrom(theirs?.id ?? '')
          }
          setFilledFor(theirs ? field.value : null)
        }}
      >
        <input type="hidden" name="intent" value="share" />
        {/* Which share of this person the form showed: only that one may be replaced. */}
        <input type="hidden" name="replaces" value={replacing?.id ?? ''} />
        <input type="hidden" name="filledFrom" value={filledFrom} />
        <RadioGroup
          meta={share.granteeId}
          legend={t('sharing.with')}
          options={grantees.map((person) => {
            const shared = current.get(person.id)
            return {
              value: person.id,
              label: `${person.displayName} (${t(`roles.${person.role}`)})`,
              hint: shared ? (
                <>
                  {t('sharing.alreadyShared', { name: person.displayName })}{' '}
                  <Link to={`/delen?wijzig=${shared.id}#share-title`}>{t('sharing.startFromShare', { name: person.displayName })}</Link>
                </>
              ) : undefined,
            }
          })}
        />
        <div aria-live="polite">
          {replacing ? (
            <div className="notice notice--ok" data-testid="replaces">
              <p>{t('sharing.alreadySharing', { name: replacing.granteeName ?? '' })}</p>
              <p>{t('sharing.nowMaySee', { name: replacing.granteeName ?? '', what: termsText(t, locale, replacing) })}</p>
              {filledFor === replacing.granteeId ? (
                <p>{t('sharing.filledFromShare', { name: replacing.granteeName ?? '' })}</p>
              ) : refused ? (
                <p data-testid="kept-choices">{t('sharing.keptChoices', { name: replacing.granteeName ?? '' })}</p>
              ) : null}
            </div>
          ) : null}
        </div>
        <CheckboxGroup meta={share.scopes} legend={t('sharing.what')} options={consentScopes.map((scope) => ({ value: scope, label: t(`sharing.scopes.${scope}`) }))} />
        <details open={Boolean(share.excludeDomains.errors) || (Array.isArray(leftOut) && leftOut.length > 0)}>
          <summary>{t('sharing.leaveOut')}</summary>
          <CheckboxGroup meta={share.excludeDomains} legend={t('sharing.leaveOutLegend')} options={domains.map((domain) => ({ value: domain, label: domainLabel(t, domain) }))} />
        </details>
        <RadioGroup
          meta={share.access}
          legend={t('sharing.access')}
          options={[
            { value: 'read', label: t('sharing.accessRead') },
            { value: 'comment', label: t('sharing.accessComment') },
          ]}
        />
        <TextField meta={share.endsAt} type="date" label={t('sharing.endsAt')} />
        <button type="submit" className="button">
          {t('sharing.share')}
        </button>
      </Form>
    </section>
  )
}

/** A share's terms in one line: what, except which domains, read or comment, until when. */
function termsText(t: ReturnType<typeof useT>, locale: ReturnType<typeof useLocale>, consent: Consent): string {
  return [
    consent.scopes.map((scope) => scopeName(t, scope)).join(', '),
    consent.excludeDomains.length > 0 ? t('sharing.except', { domains: consent.excludeDomains.map((d) => domainLabel(t, d)).join(', ') }) : null,
    consent.access === 'comment' ? t('sharing.canComment') : t('sharing.readOnly'),
    consent.endsAt ? t('sharing.until', { date: formatDate(locale, consent.endsAt) }) : t('sharing.noEnd'),
  ]
    .filter(Boolean)
    .join('; ')
}

/** What the client shares now, one row per share, each with its own stop button. */
function ConsentList({ consents }: { consents: LoaderData['consents'] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <ul className="rows">
      {consents.map((consent) => {
        const name = consent.granteeName ?? consent.teamName ?? ''
        return (
          <li key={consent.id} className="row row--stack" data-testid="consent">
            <h3>{t('sharing.sharedWith', { name })}</h3>
            <p>{consent.scopes.map((scope) => scopeName(t, scope)).join(', ')}</p>
            {consent.excludeDomains.length > 0 ? <p>{t('sharing.except', { domains: consent.excludeDomains.map((d) => domainLabel(t, d)).join(', ') })}</p> : null}
            {consent.teamId ? <p>{t('sharing.teamCovers', { names: names(consent.members) })}</p> : null}
            {consent.active && consent.notCovered.length > 0 ? <p data-testid="joined-later">{t('sharing.teamJoinedLater', { names: names(consent.notCovered) })}</p> : null}
            <p className="muted">
              {consent.access === 'comment' ? t('sharing.canComment') : t('sharing.readOnly')},{' '}
              {consent.endsAt ? t('sharing.until', { date: formatDate(locale, consent.endsAt) }) : t('sharing.noEnd')}
            </p>
            <Form method="post" className="card-actions">
              {consent.active && consent.granteeId ? (
                // Changing a share is sharing again: the form below opens with this share's choices.
                <Link to={`/delen?wijzig=${consent.id}#share-title`} className="button button--small button--secondary">
                  {t('sharing.change')}
                  <span className="visually-hidden">{` ${t('sharing.changeHidden', { name })}`}</span>
                </Link>
              ) : null}
              <input type="hidden" name="intent" value="stop" />
              <input type="hidden" name="consentId" value={consent.id} />
              <input type="hidden" name="name" value={name} />
              <button type="submit" className="button button--small button--secondary">
                {t('sharing.stop')}
              </button>
            </Form>
          </li>
        )
      })}
    </ul>
  )
}
