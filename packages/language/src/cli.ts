// Command line: analyse one statement and print what the analyser sees, for a person to read.
//
//   npm run analyze -- "ik ben niet lui"
//   npm run analyze -- --en "I can't cook"          (or --locale en)
//   npm run analyze -- --json "k wil een eigen huis"

import { analyze } from './analyze'
import { locales, type Analysis, type CrisisKind, type DomainId, type Locale, type Person, type StrengthForm } from './types'

const DOMAIN_LABELS: Record<DomainId, string> = {
  safety: 'Veiligheid & bescherming tegen geweld',
  housing: 'Wonen & dagelijks leven',
  finances: 'Financiën & sociale zekerheid',
  children: 'Kinderen & opvoeding',
  partner: '(Ex-)partner',
  relationships: 'Sociale relaties',
  work: 'Activiteit, werk & leren',
  leisure: 'Vrije tijd & recreatie',
  health: 'Gezondheid & zelfverzorging',
  meaning: 'Zingeving',
}

const PERSON_LABELS: Record<Person, string> = {
  first: 'ik-vorm',
  other: 'over iemand anders (hij/zij/jij, de cliënt)',
  none: 'geen persoon',
}

const FORM_LABELS: Record<StrengthForm, string> = {
  i_am: 'Ik ben…',
  i_can: 'Ik kan…',
  i_have: 'Ik heb…',
  i_want: 'Ik wil…',
  i_know: 'Ik weet…',
}

const CRISIS_LABELS: Record<CrisisKind, string> = {
  suicide: 'zelfdoding',
  self_harm: 'zelfbeschadiging',
  violence: 'geweld',
  overdose: 'overdosis',
  harm_to_others: 'iemand anders iets aandoen',
  child_safety: 'veiligheid van een kind',
}

export interface CliArgs {
  text: string
  locale: Locale
  json: boolean
  help: boolean
}

export function parseArgs(argv: string[]): CliArgs {
  let locale: Locale = 'nl'
  let json = false
  let help = false
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--en') locale = 'en'
    else if (a === '--nl') locale = 'nl'
    else if (a === '--json') json = true
    else if (a === '--help' || a === '-h') help = true
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]
      if ((locales as readonly string[]).includes(value ?? '')) locale = value as Locale
    } else words.push(a)
  }
  return { text: words.join(' '), locale, json, help }
}

function highlight(text: string, spans: { start: number; end: number }[]): string {
  let out = ''
  let at = 0
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue
    out += text.slice(at, s.start) + '[' + text.slice(s.start, s.end) + ']'
    at = s.end
  }
  return out + text.slice(at)
}

export function formatAnalysis(text: string, a: Analysis): string {
  const lines: string[] = []
  lines.push(`Uitspraak:  ${text}`)
  lines.push(`Taal:       ${a.locale === 'nl' ? 'Nederlands' : 'Engels'}, ${a.wordCount} ${a.wordCount === 1 ? 'woord' : 'woorden'}`)
  lines.push(`Persoon:    ${PERSON_LABELS[a.person]}`)
  lines.push(
    `Ontkenning: ${a.negative ? `ja: ${a.negations.map((n) => `'${n.word}' (teken ${n.start}–${n.end})`).join(', ')}` : 'nee, positief geformuleerd'}`,
  )
  if (a.negative) lines.push(`            ${highlight(text, a.negations)}`)
  lines.push(`Vorm:       ${a.form ? FORM_LABELS[a.form] : 'geen vorm van kracht gevonden'}`)
  if (a.domains.length === 0) lines.push('Leefgebied: geen gevonden')
  else {
    lines.push('Leefgebied:')
    for (const d of a.domains.slice(0, 3)) lines.push(`  ${String(Math.round(d.score * 100)).padStart(3)} %  ${DOMAIN_LABELS[d.id]} (${d.id})`)
  }
  lines.push(`Crisis:     ${a.crisis.detected && a.crisis.kind ? a.crisis.level === 'check_in' ? `MISSCHIEN, ${CRISIS_LABELS[a.crisis.kind]}; vraag voorzichtig hoe het echt gaat, met de hulplijnen erbij` : `JA, ${CRISIS_LABELS[a.crisis.kind]}; toon direct de hulpkaart (113, 112, Veilig Thuis)` : 'nee'}`)
  if (a.deficitTerms.length > 0) {
    lines.push('Etiketten:')
    for (const d of a.deficitTerms) {
      lines.push(`  '${text.slice(d.start, d.end)}'${d.alternative ? `, vriendelijker: '${d.alternative}'` : ''}`)
    }
  }
  if (a.suggestions.length > 0) {
    lines.push('Suggesties:')
    for (const s of a.suggestions) lines.push(`  - ${s.message}`)
  }
  return lines.join('\n')
}

const USAGE = `Gebruik: npm run analyze -- [--en | --locale en] [--json] "tekst"
Analyseert één uitspraak: ik-vorm, ontkenning, vorm van kracht, leefgebied, crisis, etiketten en suggesties.`

export function main(argv: string[]): number {
  const args = parseArgs(argv)
  if (args.help) {
    console.log(USAGE)
    return 0
  }
  if (args.text.trim() === '') {
    console.error(USAGE)
    return 1
  }
  const a = analyze(args.text, { locale: args.locale })
  console.log(args.json ? JSON.stringify(a, null, 2) : formatAnalysis(args.text, a))
  return 0
}

// Run only when started as a program, so that tests can import the functions above.
const invoked = process.argv[1] ?? ''
if (invoked.endsWith('cli.ts') || invoked.endsWith('cli.js')) {
  process.exitCode = main(process.argv.slice(2))
}
