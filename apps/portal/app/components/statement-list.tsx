import { Link } from '@remix-run/react'
import { useT } from '../lib/i18n'
import { times, type StatementView } from '../lib/inventory'
import { provenanceLabel } from '../lib/provenance'

/** A worker's plain comment, shown under the statement it is about (the client answers it under "Voor jou"). */
export interface StatementNote {
  id: string
  targetId: string
  authorName: string | null
  body: string
  /** Changed by its author ("bewerkt"), or removed: then only that it was removed shows (017). */
  edited?: boolean
  removed?: boolean
}

/** A domain's statements grouped by time (vroeger / nu / later), as the worksheet has them. */
export function StatementsByTime({
  statements,
  editable,
  highlightId,
  notes = [],
  headingLevel = 4,
}: {
  statements: StatementView[]
  editable: boolean
  /** One below the heading the list sits under, so headings never skip a level. */
  headingLevel?: 2 | 3 | 4
  highlightId?: string | null
  notes?: StatementNote[]
}) {
  const t = useT()
  const Heading = `h${headingLevel}` as const
  return (
    <div className="by-time">
      {times.map((time) => {
        const group = statements.filter((statement) => statement.time === time)
        if (group.length === 0) return null
        return (
          <section key={time} className="time-group">
            <Heading className="time-label">{t(`inventory.times.${time}`)}</Heading>
            <ul className="statements">
              {group.map((statement) => (
                <li key={statement.id} className={statement.id === highlightId ? 'statement is-new' : 'statement'} id={`zin-${statement.id}`}>
                  <span className="statement-text">{statement.text}</span>
                  {statement.provenance !== 'client' ? <span className="provenance">{provenanceLabel(t, 'inventory.provenance', statement.provenance, statement.suggestedBy)}</span> : null}
                  {editable ? (
                    <Link to={`/inventaris/zin/${statement.id}`} className="edit-link no-print" aria-label={`${t('inventory.edit')}: ${statement.text.slice(0, 40)}`}>
                      {t('inventory.edit')}
                    </Link>
                  ) : null}
                  {notes
                    .filter((note) => note.targetId === statement.id)
                    .map((note) => (
                      <p key={note.id} className="statement-note" data-testid="statement-note">
                        {note.removed
                          ? t('ownWords.commentRemovedBy', { name: note.authorName ?? t('review.someone') })
                          : t('review.underStatement', { name: note.authorName ?? t('review.someone'), body: note.body })}
                        {note.edited ? ` · ${t('ownWords.edited')}` : null}{' '}
                        <Link to="/voorstellen" className="no-print">
                          {t('review.forYouLink')}
                        </Link>
                      </p>
                    ))}
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
