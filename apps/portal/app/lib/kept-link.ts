/**
 * Where a card the client kept in the assistant lives now, so nothing the client made is only
 * reachable through a conversation (issue 16, item 9). Null when there is no page for it (yet).
 */
export function keptLink(card: { kind: string; savedId: string | null }): string | null {
  if (!card.savedId) return null
  switch (card.kind) {
    case 'goal':
      return `/plan/doel/${card.savedId}`
    case 'action':
      // The plan lists every step, under its goal or with the loose steps, each with its own anchor.
      return `/plan#actie-${card.savedId}`
    case 'statement':
      return `/inventaris/zin/${card.savedId}`
    case 'safety_plan_line':
      return '/hulp/mijn-plan'
    default:
      return null
  }
}
