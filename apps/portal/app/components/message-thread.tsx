import { Form } from '@remix-run/react'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { MessageForm as MessageSchema, topics, type SendResult } from '../lib/messages'
import { FormErrors, SelectField, TextareaField } from '../forms/field-components'
import { Notice } from './field'
import { SaveSafety } from './save-safety'
import { IdempotencyKey } from './idempotency-key'

export interface ThreadMessage {
  id: string
  authorName: string | null
  mine: boolean
  topic: (typeof topics)[number]
  text: string
  createdAt: string
  readByClient: boolean
  unread: boolean
}

/**
 * A client's message thread and the form to write in it: the same for the client and for staff.
 * A plain form (works without JavaScript); a refused message keeps its words in the box.
 */
export function MessageThread({ messages, result, canSend, showRead }: { messages: ThreadMessage[]; result: SendResult | undefined; canSend: boolean; showRead: boolean }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {messages.length === 0 ? (
        <p>{t('messages.none')}</p>
      ) : (
        <ol className="rows" data-testid="messages">
          {messages.map((message) => (
            <li key={message.id} className="row">
              <div>
                <strong>{message.mine ? t('messages.you') : (message.authorName ?? '')}</strong>{' '}
                <span className="muted">
                  · {formatDate(locale, message.createdAt, true)}
                  {message.topic !== 'general' ? ` · ${t('messages.about', { topic: t(`messages.topics.${message.topic}`) })}` : ''}
                </span>
                {message.unread ? <span className="badge"> {t('messages.new')}</span> : null}
                <p className="pre-line">{message.text}</p>
                {showRead && message.mine && message.readByClient ? <span className="muted">{t('messages.read')}</span> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {result?.sent ? <Notice>{t('messages.sent')}</Notice> : null}
      <SaveSafety screen={result?.safety ?? undefined} />
      {/* A new key after each sent message empties the box (and the kept draft with it): the message's
          id, not the thread's length, which a new message from the other side changes while someone types. */}
      {canSend ? <MessageForm key={result?.sent ? `sent-${result.sentId}` : 'write'} result={result?.form} /> : null}
    </>
  )
}

/** Writing a message: what it is about, and the words; a refused message keeps its words. */
function MessageForm({ result }: { result: SubmissionResult<string[]> | null | undefined }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'message', schema: MessageSchema, lastResult: result, defaultValue: { topic: 'general' } })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <IdempotencyKey />
      <FormErrors form={form} />
      <SelectField meta={fields.topic} label={t('messages.topic')} options={topics.map((topic) => ({ value: topic, label: t(`messages.topics.${topic}`) }))} />
      <TextareaField meta={fields.text} label={t('messages.yourMessage')} />
      <button type="submit" className="button">
        {t('messages.send')}
      </button>
    </Form>
  )
}
