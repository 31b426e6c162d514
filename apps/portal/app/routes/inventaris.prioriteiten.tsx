import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { requestLocale, useT, pageTitle } from '../lib/i18n'
import { domainLabel } from '../lib/inventory'
import { loadInventory } from '../lib/inventory.server'
import { Notice } from '../components/field'
import { InventoryNav } from '../components/inventory-nav'
import { optionalLine } from '../forms/fields'
import { FieldErrorText, FormErrors, SelectField, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.prioriteiten')

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const inventory = await loadInventory(request, context, user, requestLocale(request))
  return { domains: inventory.domains, limit: inventory.priorityLimit, priorities: inventory.priorities, version: inventory.version }
}

// One group of fields per place, in order; the API checks the limit, the domains and doubles.
const PrioritiesForm = z.object({
  version: z.coerce.number({ error: 'invalid' }).int().min(0),
  places: z
    .array(z.object({ domain: optionalLine(40), wish: optionalLine(500) }))
    .max(10, 'too_many_priorities')
    .default([]),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const submission = parseSubmission(await request.formData(), PrioritiesForm)
  if (submission.status !== 'success') return data({ result: reply(submission) }, { status: 400 })
  const { version, places } = submission.value
  // An empty place is skipped, so "1 and 3" becomes "1 and 2".
  const priorities = places.flatMap((place) => (place.domain ? [{ domain: place.domain, wish: place.wish ?? null }] : []))
  const response = await api(context, request).clients[':clientId'].priorities.$put({ param: { clientId: user.id }, json: { version, priorities } })
  // The API's problem with the choice as a whole (too many, one twice) stands above the places.
  if (!response.ok) return data({ result: await replyWithProblem(submission, response, { rename: { priorities: 'places' } }) }, { status: response.status })
  throw redirect('/inventaris/prioriteiten?opgeslagen=1')
}

export default function Priorities() {
  const t = useT()
  const { domains, limit, priorities: saved, version } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useSchemaForm({
    id: 'priorities',
    schema: PrioritiesForm,
    lastResult: answer?.result,
    defaultValue: { places: Array.from({ length: limit }, (_, index) => ({ domain: saved[index]?.domain ?? '', wish: saved[index]?.wish ?? '' })) },
  })
  const options = domains.map((domain) => ({ value: domain, label: domainLabel(t, domain) }))
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/inventaris">← {t('inventory.title')}</Link>
      </p>
      <h1>{t('inventory.prioritiesTitle')}</h1>
      <InventoryNav />
      <p>{t('inventory.prioritiesIntro', { limit })}</p>
      {params.get('opgeslagen') ? <Notice>{t('inventory.prioritiesSaved')}</Notice> : null}
      <FormErrors form={form} />
      <FieldErrorText id={fields.places.errorId} errors={fields.places.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="version" value={version} />
        {fields.places.getFieldList().map((place, index) => {
          const { domain, wish } = place.getFieldset()
          return (
            <fieldset key={place.key ?? place.name} className="card priority-place">
              <legend>{t('inventory.priorityNumber', { n: index + 1 })}</legend>
              <SelectField meta={domain} label={t('inventory.domainLabel')} emptyOption={t('inventory.priorityNone')} options={options} />
              <TextField meta={wish} label={t('inventory.priorityWish')} />
            </fieldset>
          )
        })}
        <button type="submit" className="button">
          {t('inventory.save')}
        </button>
      </Form>
    </div>
  )
}
