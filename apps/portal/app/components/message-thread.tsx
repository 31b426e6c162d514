import { Form } from '@remix-run/react'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { fieldText } from '../lib/sharing-forms'
import { topics, type SendResult } from '../lib/messages'
import { FormProblem, Notice } from './field'
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
      {canSend ? (
        // A new key after each sent message empties the box (and the kept draft with it).
        <Form method="post" className="stack" key={result?.sent ? `sent-${messages.length}` : 'write'}>
          <IdempotencyKey />
          {result?.problem && !result.field ? <FormProblem code={result.problem} /> : null}
          <div className="field">
            <label htmlFor="topic">{t('messages.topic')}</label>
            <select id="topic" name="topic" defaultValue={result?.topic ?? 'general'}>
              {topics.map((topic) => (
                <option key={topic} value={topic}>
                  {t(`messages.topics.${topic}`)}
                </option>
              ))}
            </select>
          </div>
          <div className={result?.field ? 'field field--error' : 'field'}>
            <label htmlFor="text">{t('messages.yourMessage')}</label>
            <textarea
              id="text"
              name="text"
              maxLength={1000}
              required
              defaultValue={result?.sent ? '' : (result?.text ?? '')}
              aria-invalid={result?.field ? true : undefined}
              aria-describedby={result?.field ? 'text-error' : undefined}
            />
            {result?.field ? (
              <p className="field-error" id="text-error" role="alert">
                {fieldText(t, result.field)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            {t('messages.send')}
          </button>
        </Form>
      ) : null}
    </>
  )
}
