/**
 * How often a worker would accept the life domain the assistant suggests for a card, on labelled
 * short conversations: `npm run bench:domains -- [--set <file>] [--misses]` (default:
 * eval/domain-conversations.jsonl). Every conversation runs through the offline engine as a client
 * would answer it; each statement card is matched to its label by a piece of its text. A card
 * without a suggested domain counts as not accepted (the client or worker must pick one).
 */
import { resolve } from 'node:path'
import { readConversationSet, runConversationSet } from '../eval/domain-conversations'

const args = process.argv.slice(2)
const setArg = args.indexOf('--set')
const file = setArg >= 0 && args[setArg + 1] ? resolve(process.cwd(), args[setArg + 1] ?? '') : new URL('../eval/domain-conversations.jsonl', import.meta.url).pathname
const result = runConversationSet(readConversationSet(file))
const pct = (n: number) => `${((n / Math.max(1, result.cards)) * 100).toFixed(1)} %`
console.log(`${result.conversations} conversations, ${result.cards} cards (${result.crisisTurns} turns stopped by the safety screen)`)
console.log(`accepted ${result.accepted} (${pct(result.accepted)}), no domain ${result.none} (${pct(result.none)}), wrong ${result.wrong} (${pct(result.wrong)})`)
if (args.includes('--misses')) for (const miss of result.misses) console.log(`  ${miss.id}: "${miss.text}" → ${miss.got ?? 'none'} (accept ${miss.accept.join(', ')})`)
