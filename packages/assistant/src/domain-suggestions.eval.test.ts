// The domains the assistant suggests for its cards, measured on labelled conversations (see
// eval/README.md): the figures in the README are floors here, so a change that makes them worse fails.
import { describe, expect, it } from 'vitest'
import { readConversationSet, runConversationSet } from '../eval/domain-conversations'

const set = (name: string) => readConversationSet(new URL(`../eval/${name}`, import.meta.url).pathname)

describe('domain suggestions from the whole conversation', () => {
  it('the development set (44 conversations, written before tuning): at least 93 % accepted', () => {
    const result = runConversationSet(set('domain-conversations.jsonl'))
    expect(result.conversations).toBeGreaterThanOrEqual(40)
    expect(result.accepted / result.cards).toBeGreaterThanOrEqual(0.93)
  })

  it('the held-out set (16 conversations, never tuned on): at least 85 % accepted', () => {
    const result = runConversationSet(set('domain-conversations-heldout.jsonl'))
    expect(result.accepted / result.cards).toBeGreaterThanOrEqual(0.85)
  })
})
