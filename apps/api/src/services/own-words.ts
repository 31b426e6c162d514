/**
 * What every reader sees of a change by the author (docs/decisions/017): the version to send back,
 * when the words were changed ("bewerkt"), and whether they were removed (the words are gone).
 */
export function ownWordsOf(row: { version: number; editedAt: Date | null; deletedAt: Date | null }) {
  const removed = row.deletedAt !== null
  return { version: row.version, editedAt: removed ? null : (row.editedAt?.toISOString() ?? null), removed }
}
