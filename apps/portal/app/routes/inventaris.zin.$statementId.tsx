import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import type { SubmissionResult } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { requestLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { StatementSchema } from '../lib/statement-schema'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'
import { StatementForm } from '../components/statement-form'
import { FormProblem } from '../components/field'
import { requiredLine, versionField } from '../forms/fields'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

// The shared help card (while typing) is styled by these.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export const meta: MetaFunction = pageTitle('titles.zinAanpassen')

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  const statement = inventory.statements.find((row) => row.id === params['statementId'])
  if (!statement) throw new Response('not found', { status: 404 })
  return { domains: inventory.domains, statement }
}

// Saving the change, or removing the statement (its button carries the domain to go back to).
const EditForms = z.discriminatedUnion('intent', [
  StatementSchema.extend({ intent: z.literal('save'), version: versionField }),
  z.object({ intent: z.literal('remove'), version: versionField, domainBefore: requiredLine(40) }),
])

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), EditForms)
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const statementId = params['statementId'] ?? ''
  const client = api(context, request).clients[':clientId'].statements[':statementId']
  const form = submission.value
  if (form.intent === 'remove') {
    const response = await client.$delete({ param: { clientId: user.id, statementId }, query: { version: String(form.version) } })
    if (!response.ok) return data({ result: await replyWithProblem(submission, response) }, { status: response.status })
    // Encoded, so the domain can only ever be one path segment of ours.
    throw redirect(`/inventaris/leefgebied/${encodeURIComponent(form.domainBefore)}?weg=1`)
  }
  const { intent: _save, ...change } = form
  const response = await client.$patch({ param: { clientId: user.id, statementId }, json: change })
  if (!response.ok) return data({ result: await replyWithProblem(submission, response) }, { status: response.status })
  const { statement } = await response.json()
  throw redirect(`/inventaris/leefgebied/${statement.domain}?opgeslagen=${statement.id}#zin-${statement.id}`)
}

/** The answer without its problem for the whole form: the conflict has its own notice above. */
function withoutProblem(result: SubmissionResult<string[]> | undefined): SubmissionResult<string[]> | undefined {
  return result ? { ...result, error: { ...result.error, '': null } } : undefined
}

export default function EditStatement() {
  const t = useT()
  const { domains, statement } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const problem = answer?.result.error?.['']?.[0]
  const conflict = problem === 'version_conflict'
  // A failed removal has no form of its own: its problem stands above.
  const removing = answer?.result.initialValue?.['intent'] === 'remove'
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/inventaris/leefgebied/${statement.domain}`}>← {domainLabel(t, statement.domain)}</Link>
      </p>
      <h1>{t('inventory.editTitle')}</h1>
      {conflict ? (
        <div className="notice notice--error" role="alert">
          <p>{t('inventory.conflict')}</p>
          <blockquote>{statement.text}</blockquote>
        </div>
      ) : removing ? (
        <FormProblem code={problem} />
      ) : null}
      {/* After a conflict the form carries the newest version (from the loader) and the client's own words. */}
      <StatementForm
        key={statement.version}
        domains={domains}
        values={statement}
        version={statement.version}
        result={removing ? null : conflict ? withoutProblem(answer?.result) : answer?.result}
        submitLabel={t('inventory.save')}
      />
      <Form method="post" className="aside">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="version" value={statement.version} />
        <input type="hidden" name="domainBefore" value={statement.domain} />
        <p className="muted">{t('inventory.removeConfirm')}</p>
        <button type="submit" className="button button--secondary">
          {t('inventory.remove')}
        </button>
      </Form>
    </div>
  )
}
