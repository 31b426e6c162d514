import { hasKey } from '@kracht/i18n'
import { domainLabel } from '../../lib/inventory'
import { useT } from '../../lib/i18n'
import type { SharedInventory } from './types'

/** The rest of the worksheet: the client's priorities, their remarks (only when shared whole), the checklist. */
export function WorksheetExtras({ inventory }: { inventory: SharedInventory }) {
  const t = useT()
  const name = inventory.displayName
  return (
    <>
      <section className="card" aria-labelledby="review-priorities">
        <h2 id="review-priorities">{t('review.prioritiesTitle', { name })}</h2>
        {inventory.priorities.length === 0 ? (
          <p>{t('review.noPriorities', { name })}</p>
        ) : (
          <ol data-testid="shared-priorities">
            {inventory.priorities.map((priority) => (
              <li key={priority.domain}>
                <strong>{domainLabel(t, priority.domain)}</strong>
                {priority.wish ? <> · {priority.wish}</> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {inventory.remarks ? (
        <section className="card" aria-labelledby="review-remarks">
          <h2 id="review-remarks">{t('review.remarksTitle', { name })}</h2>
          <p className="preserve-lines">{inventory.remarks}</p>
        </section>
      ) : null}
      <section className="card" aria-labelledby="review-checklist">
        <h2 id="review-checklist">{t('review.checklistTitle')}</h2>
        <ul className="rows" data-testid="shared-checklist">
          {inventory.quality.items.map((item) => {
            const title = `inventory.qualityItems.${item.id}.title`
            const status = `inventory.qualityStatus.${item.status}`
            if (!hasKey(title)) return null
            return (
              <li key={item.id} className="row" data-check={item.id}>
                <span>{t(title)}</span>
                <span className={`badge badge--${item.status}`}>{hasKey(status) ? t(status) : item.status}</span>
              </li>
            )
          })}
        </ul>
      </section>
    </>
  )
}
