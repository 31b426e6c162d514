import { Form } from '@remix-run/react'
import type { ConversationData, SafetyData } from '../lib/assistant.server'
import { useT } from '../lib/i18n'

type SafetyEvent = NonNullable<ConversationData['safetyEvent']>

/**
 * In the assistant's help card (`SafetyCard`): whether to tell the worker, or what was chosen.
 * `hasWorker`: set right after the client chose, whether a worker is linked at all.
 */
export function SafetyWorkerChoice({ safety, event, hasWorker, busy }: { safety: SafetyData; event: SafetyEvent; hasWorker: boolean | null; busy: boolean }) {
  const t = useT()
  if (event.clientChoice === 'notify_worker') {
    const told = event.workerNotifiedAt !== null && hasWorker !== false
    return (
      <p className="notice notice--ok" role="status">
        {told ? t('assistant.safety.told') : t('assistant.safety.noWorker')}
      </p>
    )
  }
  if (event.clientChoice === 'no_notification') {
    return (
      <p className="notice notice--ok" role="status">
        {t('assistant.safety.notTold')}
      </p>
    )
  }
  return (
    <Form method="post" replace preventScrollReset className="worker-choice">
      <h3>{t('assistant.safety.askTitle')}</h3>
      <p>{safety.workerQuestion}</p>
      <p className="hint">{safety.workerNote}</p>
      <input type="hidden" name="intent" value="safety" />
      <div className="card-actions">
        <button type="submit" name="notifyWorker" value="yes" className="button" disabled={busy}>
          {t('assistant.safety.yes')}
        </button>
        <button type="submit" name="notifyWorker" value="no" className="button button--secondary" disabled={busy}>
          {t('assistant.safety.no')}
        </button>
      </div>
    </Form>
  )
}
