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
    case 'goal':
      return card.savedId ? `/plan/doel/${card.savedId}` : '/plan'
    case 'action':
      // The plan lists every step under its goal or with the loose steps, each with its own anchor.
      return card.savedId ? `/plan#actie-${card.savedId}` : '/plan'
    case 'safety_plan_line':
      return '/hulp/mijn-plan'
    default:
      return null
  }
}
