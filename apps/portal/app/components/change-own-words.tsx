import { Form } from '@remix-run/react'
import { z } from 'zod'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { FormErrors, TextareaField } from '../forms/field-components'
import { requiredText } from '../forms/fields'
import { useT } from '../lib/i18n'
import { IdempotencyKey } from './idempotency-key'

/** The box's rules for the browser (required, at most 1000): the action runs its own schema, the API checks again. */
const WordsForm = z.object({ text: requiredText(1000) })

/**
 * Change or remove something one wrote oneself (a message, an answer to a comment), with plain forms:
 * a fold-out (`<details>`, no JavaScript needed) with the words in a box and a save button, and below
 * it the remove button with what the others will see. A refused change opens again with the typed
 * words in the box and the problem above it (a newer version elsewhere: the box keeps the words, the
 * page shows the newer text, the next save carries the newer version).
 */
export function ChangeOwnWords({
  id,
  itemName,
  itemId,
  hidden,
  version,
  text,
  intents,
  result,
  removeHint,
}: {
  /** Unique on the page. */
  id: string
  /** The hidden field that names the item: `messageId`, `replyId`. */
  itemName: string
  itemId: string
  /** More hidden fields the action needs (the comment an answer belongs to). */
  hidden?: Record<string, string> | undefined
  version: number
  text: string
  intents: { edit: string; remove: string }
  /** The action's answer when it was about this item. */
  result: SubmissionResult<string[]> | null | undefined
  /** What others see after removing ("Noor ziet dan alleen dat je iets hebt verwijderd."). */
  removeHint: string
}) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id, schema: WordsForm, lastResult: result, defaultValue: { text } })
  const failed = Boolean(result?.error && Object.values(result.error).some((errors) => errors && errors.length > 0))
  const extra = Object.entries(hidden ?? {})
  return (
    <details className="own-words" open={failed}>
      <summary>{t('ownWords.change')}</summary>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intents.edit} />
        <input type="hidden" name={itemName} value={itemId} />
        {extra.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="version" value={version} />
        <IdempotencyKey scope={`${itemId}.edit`} />
        <TextareaField meta={fields.text} label={t('ownWords.label')} hint={failed ? t('ownWords.kept') : undefined} rows={3} />
        <button type="submit" className="button button--small">
          {t('ownWords.save')}
        </button>
      </Form>
      <Form method="post" className="own-words-remove" data-draft="off">
        <input type="hidden" name="intent" value={intents.remove} />
        <input type="hidden" name={itemName} value={itemId} />
        {extra.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="version" value={version} />
        <IdempotencyKey scope={`${itemId}.remove`} />
        <p className="muted">{removeHint}</p>
        <button type="submit" className="button button--small button--secondary">
          {t('ownWords.remove')}
        </button>
      </Form>
    </details>
  )
}
