import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import type { Locale } from '@kracht/language'
import { AssistantError } from './errors'

/**
 * Prompts and texts live in `prompts/<locale>/<name>.md` at the repository root, so a
 * non-programmer can review them. Each file starts with front matter:
 *
 *     ---
 *     name: flow-miracle      (must equal the file name)
 *     version: 1
 *     kind: texts             (texts: a catalogue of "## key" sections; prompt: one text)
 *     ---
 *
 * `{{name}}` marks a placeholder; `<!-- ... -->` is a note for reviewers and is dropped.
 * `KRACHT_PROMPTS_DIR` overrides the folder (for a bundled server).
 */
export function promptsDir(): string {
  const fromEnv = process.env.KRACHT_PROMPTS_DIR
  if (fromEnv) return fromEnv
  return fileURLToPath(new URL('../../../prompts/', import.meta.url))
}

export type PromptKind = 'prompt' | 'texts'

export interface PromptFile {
  name: string
  version: string
  kind: PromptKind
  locale: Locale
  meta: Record<string, string>
  /** The text after the front matter, with reviewer notes removed. */
  body: string
}

const NAME_RE = /^[a-z0-9][a-z0-9-]*$/

export function parsePromptFile(source: string, locale: Locale, fileName: string): PromptFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text)
  if (!match) throw new AssistantError('prompt_invalid', `${locale}/${fileName}: no front matter`)
  const meta: Record<string, string> = {}
  for (const line of (match[1] ?? '').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    const colon = line.indexOf(':')
    if (colon < 1) throw new AssistantError('prompt_invalid', `${locale}/${fileName}: bad front matter line "${line}"`)
    meta[line.slice(0, colon).trim()] = line.slice(colon + 1).trim().replace(/^["']|["']$/g, '')
  }
  const name = meta.name
  const version = meta.version
  if (!name || !version) throw new AssistantError('prompt_invalid', `${locale}/${fileName}: name and version are required`)
  if (name !== fileName) throw new AssistantError('prompt_invalid', `${locale}/${fileName}: name "${name}" differs from the file name`)
  const kind = meta.kind ?? 'prompt'
  if (kind !== 'prompt' && kind !== 'texts') throw new AssistantError('prompt_invalid', `${locale}/${fileName}: unknown kind "${kind}"`)
  const body = text.slice(match[0].length).replace(/<!--[\s\S]*?-->/g, '')
  return { name, version, kind, locale, meta, body: body.trim() }
}

const fileCache = new Map<string, PromptFile>()

/** Loads `prompts/<locale>/<name>.md`. Throws `prompt_not_found` or `prompt_invalid`. */
export function loadPrompt(name: string, locale: Locale): PromptFile {
  const key = `${promptsDir()}|${locale}|${name}`
  const cached = fileCache.get(key)
  if (cached) return cached
  if (!NAME_RE.test(name)) throw new AssistantError('prompt_not_found', `bad prompt name "${name}"`)
  let source: string
  try {
    source = readFileSync(join(promptsDir(), locale, `${name}.md`), 'utf8')
  } catch (cause) {
    throw new AssistantError('prompt_not_found', `prompt ${locale}/${name} not found`, { cause })
  }
  const file = parsePromptFile(source, locale, name)
  fileCache.set(key, file)
  return file
}

/** Names of every prompt file for a locale, sorted. */
export function listPrompts(locale: Locale): string[] {
  try {
    return readdirSync(join(promptsDir(), locale))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .sort()
  } catch {
    return []
  }
}

export type TemplateVars = Record<string, string | number>

const PLACEHOLDER_RE = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g

/** Names of the `{{placeholders}}` in a template. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER_RE)].map((m) => m[1] ?? ''))]
}

/** Fills `{{placeholders}}`; a placeholder without a value is a `prompt_invalid` error. */
export function renderTemplate(template: string, vars: TemplateVars = {}, where = 'template'): string {
  return template.replace(PLACEHOLDER_RE, (_, key: string) => {
    const value = vars[key]
    if (value === undefined) throw new AssistantError('prompt_invalid', `${where}: no value for {{${key}}}`)
    return String(value)
  })
}

/** Loads a prompt by name and fills its placeholders. */
export function renderPrompt(name: string, locale: Locale, vars: TemplateVars = {}): string {
  const file = loadPrompt(name, locale)
  return renderTemplate(file.body, vars, `${locale}/${name}`)
}

/** Splits a `kind: texts` body into its `## key` sections. Lines in a paragraph are joined. */
export function parseSections(body: string, where: string): Map<string, string> {
  const sections = new Map<string, string>()
  let key: string | null = null
  let lines: string[] = []
  const flush = (): void => {
    if (key === null) return
    const value = lines
      .join('\n')
      .trim()
      .split(/\n\s*\n/)
      .map((p) => p.split('\n').map((l) => l.trim()).join(' '))
      .join('\n\n')
    if (!value) throw new AssistantError('prompt_invalid', `${where}: section "${key}" is empty`)
    if (sections.has(key)) throw new AssistantError('prompt_invalid', `${where}: section "${key}" appears twice`)
    sections.set(key, value)
  }
  for (const line of body.split('\n')) {
    const heading = /^##\s+(\S+)\s*$/.exec(line)
    if (heading) {
      flush()
      key = heading[1] ?? ''
      lines = []
    } else if (key !== null) {
      lines.push(line)
    }
  }
  flush()
  return sections
}

/** The offline texts of one locale: every `kind: texts` file, merged. */
export interface TextCatalogue {
  locale: Locale
  has(key: string): boolean
  keys(): string[]
  /** The text with its placeholders filled. Unknown keys fall back to Dutch, then throw. */
  t(key: string, vars?: TemplateVars): string
  /** `key.one` when count is 1, else `key.other`; `{{count}}` is filled. */
  plural(key: string, count: number, vars?: TemplateVars): string
  /** All variants `key.1`, `key.2`, ... picked by a number (for a little variation). */
  pick(key: string, n: number, vars?: TemplateVars): string
}

const catalogueCache = new Map<string, Map<string, string>>()

function catalogueEntries(locale: Locale): Map<string, string> {
  const cacheKey = `${promptsDir()}|${locale}`
  const cached = catalogueCache.get(cacheKey)
  if (cached) return cached
  const entries = new Map<string, string>()
  for (const name of listPrompts(locale)) {
    const file = loadPrompt(name, locale)
    if (file.kind !== 'texts') continue
    for (const [key, value] of parseSections(file.body, `${locale}/${name}`)) {
      if (entries.has(key)) throw new AssistantError('prompt_invalid', `${locale}/${name}: key "${key}" is also in another file`)
      entries.set(key, value)
    }
  }
  catalogueCache.set(cacheKey, entries)
  return entries
}

export function loadTexts(locale: Locale): TextCatalogue {
  const entries = catalogueEntries(locale)
  const raw = (key: string): string => {
    const value = entries.get(key) ?? (locale === 'nl' ? undefined : catalogueEntries('nl').get(key))
    if (value === undefined) throw new AssistantError('prompt_not_found', `text "${key}" missing for ${locale}`)
    return value
  }
  const t = (key: string, vars?: TemplateVars): string => renderTemplate(raw(key), vars, `${locale} text ${key}`)
  return {
    locale,
    has: (key) => entries.has(key),
    keys: () => [...entries.keys()].sort(),
    t,
    plural: (key, count, vars) => t(`${key}.${count === 1 ? 'one' : 'other'}`, { ...vars, count }),
    pick: (key, n, vars) => {
      let total = 0
      while (entries.has(`${key}.${total + 1}`)) total++
      if (total === 0) return t(key, vars)
      return t(`${key}.${(Math.abs(Math.floor(n)) % total) + 1}`, vars)
    },
  }
}

/** Forget cached files (tests that edit prompts, or a reload in development). */
export function clearPromptCache(): void {
  fileCache.clear()
  catalogueCache.clear()
}
