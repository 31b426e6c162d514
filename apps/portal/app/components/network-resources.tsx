import { Form } from '@remix-run/react'
import { resourceKinds } from '../lib/network'
import { domainLabel } from '../lib/inventory'
import { useT } from '../lib/i18n'
import { NetworkError } from './network-map'
import { IdempotencyKey } from './idempotency-key'

interface ResourceData {
  id: string
  kind: string
  text: string
  domain: string | null
  personId: string | null
  version: number
}

interface Failed {
  fields: Record<string, string>
  values: Record<string, string | string[]>
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''))

/**
 * Resources (*hulpbronnen*) beside the map, in the method's four kinds, each linked to a life domain
 * or a person. `editable` adds the forms (the client's own page); print and staff views list only.
 */
export function ResourcesSection({
  resources,
  people,
  domains,
  failed,
  resetKey,
  editable = true,
}: {
  resources: readonly ResourceData[]
  people: readonly { id: string; name: string }[]
  domains: readonly string[]
  failed?: Failed | null | undefined
  resetKey?: number | undefined
  editable?: boolean | undefined
}) {
  const t = useT()
  const names = new Map(people.map((person) => [person.id, person.name]))
  const fields = failed?.fields ?? {}
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
      {editable ? (
        <Form method="post" className="stack no-print" key={`resource-${resetKey ?? 0}`}>
          <IdempotencyKey scope="resource" />
          <div className={fields.text ? 'field field--error' : 'field'}>
            <label htmlFor="resource-text">{t('network.resources.text')}</label>
            <textarea id="resource-text" name="text" rows={2} maxLength={1000} required defaultValue={one(failed?.values.text)} aria-invalid={fields.text ? true : undefined} />
            <NetworkError id="resource-text-error" code={fields.text} />
          </div>
          <div className={fields.kind ? 'field field--error' : 'field'}>
            <label htmlFor="resource-kind">{t('network.resources.kind')}</label>
            <select id="resource-kind" name="kind" defaultValue={one(failed?.values.kind) || resourceKinds[1]}>
              {resourceKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`network.resources.kinds.${kind}`)}
                </option>
              ))}
            </select>
            <NetworkError id="resource-kind-error" code={fields.kind} />
          </div>
          <div className={fields.link ? 'field field--error' : 'field'}>
            <label htmlFor="resource-link">{t('network.resources.link')}</label>
            <select id="resource-link" name="link" defaultValue={one(failed?.values.link)}>
              <option value="">{t('network.resources.linkNone')}</option>
              {domains.map((domain) => (
                <option key={domain} value={`domain:${domain}`}>
                  {t('network.resources.linkDomain', { domain: domainLabel(t, domain) })}
                </option>
              ))}
              {people.map((person) => (
                <option key={person.id} value={`person:${person.id}`}>
                  {t('network.resources.linkPerson', { name: person.name })}
                </option>
              ))}
            </select>
            <NetworkError id="resource-link-error" code={fields.link} />
          </div>
          <button type="submit" name="intent" value="add-resource" className="button">
            {t('network.resources.add')}
          </button>
        </Form>
      ) : null}
    </section>
  )
}
