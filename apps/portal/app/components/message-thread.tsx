import { Form } from '@remix-run/react'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { isChange, MessageForm as MessageSchema, topics, type ThreadResult } from '../lib/messages'
import { FormErrors, SelectField, TextareaField } from '../forms/field-components'
import { Notice } from './field'
import { SaveSafety } from './save-safety'
import { IdempotencyKey } from './idempotency-key'
import { ChangeOwnWords } from './change-own-words'

export interface ThreadMessage {
  id: string
  authorName: string | null
  mine: boolean
  topic: (typeof topics)[number]
  text: string
  createdAt: string
  version: number
  editedAt: string | null
  removed: boolean
  readByClient: boolean
  unread: boolean
}

/**
 * A client's message thread and the form to write in it: the same for the client and for staff.
 * Plain forms (work without JavaScript); a refused message keeps its words in the box. Each person
 * changes or removes only their own messages (`mine`, the API checks again); a removed message keeps
 * its place with who removed it, so answers after it still read well, and a changed one says so.
 */
export function MessageThread({
  messages,
  result: answer,
  canSend,
  showRead,
  changed,
}: {
  messages: ThreadMessage[]
  result: ThreadResult | undefined
  canSend: boolean
  showRead: boolean
  /** The page came back from a saved change: `aangepast` or `verwijderd`. */
  changed: 'edited' | 'removed' | null
}) {
  const t = useT()
  const locale = useLocale()
  const change = isChange(answer) ? answer : null
  const result = isChange(answer) ? undefined : answer
  return (
    <>
      {changed === 'edited' || (change?.intent === 'edit' && change.saved) ? <Notice>{t('messages.edited')}</Notice> : null}
      {changed === 'removed' ? <Notice>{t('messages.removed')}</Notice> : null}
      {messages.length === 0 ? (
        <p>{t('messages.none')}</p>
      ) : (
        <ol className="rows" data-testid="messages">
          {messages.map((message) => (
            <li key={message.id} id={`bericht-${message.id}`} className="row">
              <div>
                <strong>{message.mine ? t('messages.you') : (message.authorName ?? '')}</strong>{' '}
                <span className="muted">
                  · {formatDate(locale, message.createdAt, true)}
                  {message.topic !== 'general' ? ` · ${t('messages.about', { topic: t(`messages.topics.${message.topic}`) })}` : ''}
                </span>
                {message.editedAt ? <span className="muted"> · {t('ownWords.edited')}</span> : null}
                {message.unread ? <span className="badge"> {t('messages.new')}</span> : null}
                {message.removed ? (
                  <p className="muted removed-words">{message.mine ? t('messages.removedByYou') : t('messages.removedBy', { name: message.authorName ?? t('ownWords.someone') })}</p>
                ) : (
                  <p className="pre-line">{message.text}</p>
                )}
                {showRead && message.mine && message.readByClient ? <span className="muted">{t('messages.read')}</span> : null}
                {change?.messageId === message.id && change.safety ? <SaveSafety screen={change.safety} /> : null}
                {message.mine && !message.removed && canSend ? (
                  <ChangeOwnWords
                    key={`${message.id}-${message.version}`}
                    id={`message-${message.id}`}
                    itemName="messageId"
                    itemId={message.id}
                    version={message.version}
                    text={message.text}
                    intents={{ edit: 'edit', remove: 'remove' }}
                    result={change?.messageId === message.id ? change.form : null}
                    removeHint={t('messages.removeHint')}
                  />
                ) : null}
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
    // Named for the kept draft (lib/drafts.ts): the change forms above it come and go with the thread.
    <Form method="post" className="stack" data-draft="message" {...getFormProps(form)}>
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
