import { Form } from '@remix-run/react'
import { resourceKinds } from '../lib/network'
import { domainLabel } from '../lib/inventory'
import { useT } from '../lib/i18n'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { ResourceSchema } from '../lib/network-schema'
import { SelectField, TextareaField } from '../forms/field-components'
import type { OwnGroup } from '../forms/submission.server'
import { IdempotencyKey } from './idempotency-key'

// The network's messages come with a form's answer (forms/reply-texts.ts): the page need not carry them.
// route-texts: -network.errors

interface ResourceData {
  id: string
  kind: string
  text: string
  domain: string | null
  personId: string | null
  version: number
}


/**
 * Resources (*hulpbronnen*) beside the map, in the method's four kinds, each linked to a life domain
 * or a person. `editable` adds the forms (the client's own page); print and staff views list only.
 */
export function ResourcesSection({
  resources,
  people,
  domains,
  result,
  resetKey,
  editable = true,
}: {
  resources: readonly ResourceData[]
  people: readonly { id: string; name: string }[]
  domains: readonly string[]
  /** The action's answer to adding a resource: errors beside the fields, the typing kept. */
  result?: SubmissionResult<string[]> | null | undefined
  resetKey?: string | undefined
  editable?: boolean | undefined
}) {
  const t = useT()
  const names = new Map(people.map((person) => [person.id, person.name]))
  return (
    <section aria-labelledby="resources-title" className="card network-section network-resources">
      <h2 id="resources-title">{t('network.resources.title')}</h2>
      <p className="muted">{t('network.resources.intro')}</p>
      {resources.length === 0 ? <p>{t('network.resources.empty')}</p> : null}
      {resourceKinds.map((kind) => {
        const ofKind = resources.filter((resource) => resource.kind === kind)
        if (ofKind.length === 0) return null
        return (
          <div key={kind} className="resource-kind">
            <h3>{t(`network.resources.kinds.${kind}`)}</h3>
            <ul className="plain-list">
              {ofKind.map((resource) => (
                <li key={resource.id} className="row">
                  <span>
                    {resource.text}
                    {resource.domain ? <span className="muted"> · {t('network.resources.linkDomain', { domain: domainLabel(t, resource.domain) })}</span> : null}
                    {resource.personId && names.has(resource.personId) ? (
                      <span className="muted"> · {t('network.resources.linkPerson', { name: names.get(resource.personId) ?? '' })}</span>
                    ) : null}
                  </span>
                  {editable ? (
                    <Form method="post" className="inline-form no-print">
                      <input type="hidden" name="resourceId" value={resource.id} />
                      <input type="hidden" name="version" value={resource.version} />
                      <button type="submit" name="intent" value="remove-resource" className="link-button" aria-label={t('network.resources.removeLabel', { text: resource.text })}>
                        {t('network.resources.remove')}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      {/* A new key after each save empties the form; after a refusal the typing stays. */}
      {editable ? <AddResource key={`resource-${resetKey ?? 'add'}`} people={people} domains={domains} result={result ?? null} /> : null}
    </section>
  )
}

/** Adding a resource: one form on ResourceSchema. */
function AddResource({ people, domains, result }: { people: readonly { id: string; name: string }[]; domains: readonly string[]; result: SubmissionResult<string[]> | null }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'resource', schema: ResourceSchema, lastResult: result, defaultValue: { kind: resourceKinds[1] } })
  const own: OwnGroup = 'network.errors'
  return (
    <Form method="post" className="stack no-print" {...getFormProps(form)}>
      <IdempotencyKey scope="resource" />
      {/* No maxlength: a pasted text too long is said beside the field, every word kept. */}
      <TextareaField meta={fields.text} label={t('network.resources.text')} rows={2} maxLength={undefined} own={own} />
      <SelectField meta={fields.kind} label={t('network.resources.kind')} options={resourceKinds.map((kind) => ({ value: kind, label: t(`network.resources.kinds.${kind}`) }))} own={own} />
      <SelectField
        meta={fields.link}
        label={t('network.resources.link')}
        emptyOption={t('network.resources.linkNone')}
        options={[
          ...domains.map((domain) => ({ value: `domain:${domain}`, label: t('network.resources.linkDomain', { domain: domainLabel(t, domain) }) })),
          ...people.map((person) => ({ value: `person:${person.id}`, label: t('network.resources.linkPerson', { name: person.name }) })),
        ]}
        own={own}
      />
      <button type="submit" name="intent" value="add-resource" className="button">
        {t('network.resources.add')}
      </button>
    </Form>
  )
}
