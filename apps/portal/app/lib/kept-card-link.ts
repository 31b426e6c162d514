/**
 * Where a kept assistant card lives now, so the client always finds what they made outside the
 * conversation (issue 16, item 9). Null while a kind has no page of its own yet.
 */
export function keptCardHref(card: { kind: string; savedId: string | null; status: string }): string | null {
  if (card.status !== 'accepted' && card.status !== 'edited') return null
  switch (card.kind) {
    case 'network_person':
      return card.savedId ? `/netwerk/persoon/${card.savedId}` : '/netwerk'
    case 'statement':
      return card.savedId ? `/inventaris/zin/${card.savedId}` : '/inventaris'
    case 'safety_plan_line':
      return '/hulp/mijn-plan'
    default:
      return null
  }
}
