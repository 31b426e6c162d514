// Copies the phrases of src/crisis.battery.test.ts (the team's own crisis and quiet sentences)
// into eval/crisis-battery.jsonl, so the crisis classifier learns them too. Run it after the
// battery changes, then `npm run train:crisis`:
//
//   node --import tsx packages/language/scripts/battery-to-jsonl.ts

import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const source = readFileSync(resolve(pkg, 'src/crisis.battery.test.ts'), 'utf8')

interface Line {
  id: string
  text: string
  locale: 'nl' | 'en'
  crisis: string | null
}

const lists: [name: string, locale: 'nl' | 'en', crisis: boolean][] = [
  ['NL_ALARM', 'nl', true],
  ['EN_ALARM', 'en', true],
  ['NL_QUIET', 'nl', false],
  ['EN_QUIET', 'en', false],
]

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1')
const out: Line[] = []
for (const [name, locale, crisis] of lists) {
  const body = new RegExp(`const ${name}[^=]*= \\[([\\s\\S]*?)\\n\\]`).exec(source)?.[1]
  if (body === undefined) throw new Error(`no list ${name} in the battery`)
  const entries = crisis ? body.matchAll(/\[\s*(["'])((?:\\.|(?!\1).)*)\1\s*,\s*'([a-z_]+)'\s*\]/g) : body.matchAll(/^\s*(["'])((?:\\.|(?!\1).)*)\1,?\s*$/gm)
  for (const m of entries) out.push({ id: `bat-${out.length + 1}`, text: unescape(m[2] ?? ''), locale, crisis: crisis ? (m[3] ?? null) : null })
}
writeFileSync(resolve(pkg, 'eval/crisis-battery.jsonl'), `${out.map((o) => JSON.stringify(o)).join('\n')}\n`)
console.log(`wrote ${out.length} phrases to eval/crisis-battery.jsonl`)
