import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { TextTree } from '@kracht/i18n'

/*
 * Which catalogue keys a route can show (issue 19, page weight): the browser gets only those, per
 * language, instead of the whole catalogue. Read from the source: the route file and every module
 * it imports in the browser (relative imports and our `@kracht/*` packages; `*.server.ts` never
 * reaches the browser), every string in them that is a key, and every string that starts a group of
 * keys: `inventory.provenance` in `${section}.${provenance}`, `trajectory.phases.${id}`.
 *
 * A key made from parts no string shows (`${group}.${code}`) is named in the module that makes it,
 * in a comment `route-texts: errors fields` (whole groups), and counts for every route that imports it;
 * `route-texts: -sharing.fields` says the module names a group whose texts reach the page another way.
 * Over-counting costs a few bytes; missing a key shows the key itself, so `route-texts.test.ts`
 * renders every route's texts against the strings it uses.
 */

const importPattern = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\s*from\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g
/** A string or the start of a template: `'a.b'`, `"a.b."`, `` `a.b.${x}` `` (the text before `${`). */
const literalPattern = /(['"`])([A-Za-z_][\w-]*(?:\.[\w-]*)*)(?=\1|\$\{)/g
const annotationPattern = /route-texts:([\w.\s-]+?)(?:\*\/|$)/gm

/** Every key of a catalogue, `a.b.c`. */
export function keysOf(tree: TextTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => (typeof value === 'string' ? [`${prefix}${name}`] : keysOf(value, `${prefix}${name}.`)))
}

/** The part of a catalogue with the given keys, as a tree. */
export function pick(tree: TextTree, keys: Iterable<string>): TextTree {
  const result: Record<string, string | TextTree> = {}
  for (const key of keys) {
    const parts = key.split('.')
    let from: string | TextTree | undefined = tree
    let into: Record<string, string | TextTree> = result
    parts.forEach((part, index) => {
      if (typeof from !== 'object') return
      from = from[part]
      if (index === parts.length - 1) {
        if (typeof from === 'string') into[part] = from
        return
      }
      const next = into[part]
      const child: Record<string, string | TextTree> = typeof next === 'object' ? { ...next } : {}
      into[part] = child
      into = child
    })
  }
  return result
}

interface Workspace {
  /** The monorepo's root folder (holds `packages/`). */
  root: string
}

/** Where an import points in the browser build, or null for what is not ours (React, Remix, zod). */
function resolveImport(from: string, specifier: string, { root }: Workspace): string | null {
  if (specifier.startsWith('.')) return withExtension(resolve(dirname(from), specifier))
  const ours = /^@kracht\/([\w-]+)(\/.*)?$/.exec(specifier)
  if (!ours?.[1]) return null
  const folder = join(root, 'packages', ours[1])
  if (!existsSync(join(folder, 'package.json'))) return null // the API and the portal itself: never in a page's JavaScript
  const manifest: { exports?: Record<string, string | { browser?: string; default?: string }> } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
  const entry = manifest.exports?.[`.${ours[2] ?? ''}`]
  const target = typeof entry === 'string' ? entry : (entry?.browser ?? entry?.default)
  return target ? withExtension(join(folder, target)) : null
}

function withExtension(path: string): string | null {
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts'), join(path, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate
  }
  return null
}

/** The modules a file brings into the browser, itself first. */
export function browserModules(file: string, workspace: Workspace): string[] {
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path) || /\.server\.tsx?$/.test(path) || /\.test\.tsx?$/.test(path)) return
    seen.add(path)
    const source = readFileSync(path, 'utf8')
    for (const match of source.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2]
      if (!specifier || /^import\s+type\b/.test(match[0]) || /^export\s+type\b/.test(match[0])) continue
      const target = resolveImport(path, specifier, workspace)
      if (target) visit(target)
    }
  }
  visit(file)
  return [...seen]
}

/** The keys one source text can show, out of all keys. */
export function keysInSource(source: string, allKeys: readonly string[], allKeySet: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  const startingWith = (prefix: string) => {
    for (const key of allKeys) if (key.startsWith(prefix)) found.add(key)
  }
  const matching = (pattern: RegExp) => {
    for (const key of allKeys) if (pattern.test(key)) found.add(key)
  }
  for (const match of source.matchAll(literalPattern)) {
    const text = match[2] ?? ''
    const end = (match.index ?? 0) + match[0].length
    const templated = source.startsWith('${', end)
    if (allKeySet.has(text)) found.add(text)
    const tail = templated ? templateTail(source, end) : null
    // `inventory.qualityItems.${id}.title`: only the keys that start so and end so (or go on with
    // `.one`, `.other`: a plural's forms); `….${id}.title.${x}`: that have the tail after the start.
    if (tail) matching(new RegExp(`^${escaped(text)}.*${escaped(tail.text)}${tail.closed ? '(\\..+)?$' : ''}`))
    // `network.rings.r${ring}`, `plan.` + id: every key that starts so.
    else if (templated || (text.endsWith('.') && text.length > 1)) startingWith(text)
    // `inventory.provenance`, a group passed on to be completed (`${section}.${provenance}`).
    else if (text.includes('.')) startingWith(`${text}.`)
  }
  const names = [...source.matchAll(annotationPattern)].flatMap((match) => (match[1] ?? '').split(/\s+/).filter(Boolean))
  for (const name of names.filter((name) => !name.startsWith('-'))) startingWith(`${name}.`)
  // `route-texts: -sharing.fields`: the module names the group, but its texts come another way (a form's answer).
  for (const name of names.filter((name) => name.startsWith('-'))) {
    for (const key of found) if (key.startsWith(`${name.slice(1)}.`)) found.delete(key)
  }
  return found
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The literal text after a template's first `${…}` (which starts at `at`), when it reads as part of a
 * key (`.title` in `` `inventory.qualityItems.${id}.title` ``): with `closed` when the template ends
 * there. Null when there is none or it is not key-like: then the whole group counts.
 */
export function templateTail(source: string, at: number): { text: string; closed: boolean } | null {
  let depth = 0
  let index = at + 1
  for (; index < source.length && index < at + 400; index++) {
    const char = source[index]
    if (char === '{') depth++
    else if (char === '}' && --depth === 0) break
  }
  if (depth !== 0) return null
  const tail = /^([\w.-]+)(`|\$\{)/.exec(source.slice(index + 1, index + 200))
  return tail?.[1] ? { text: tail[1], closed: tail[2] === '`' } : null
}

/** The keys a route module can show in the browser, with the modules they were read from. */
export function routeKeys(routeFile: string, catalogue: TextTree, workspace: Workspace): Set<string> {
  const allKeys = keysOf(catalogue)
  const allKeySet = new Set(allKeys)
  const keys = new Set<string>()
  for (const module of browserModules(routeFile, workspace)) {
    for (const key of keysInSource(readFileSync(module, 'utf8'), allKeys, allKeySet)) keys.add(key)
  }
  return keys
}

/** A route file's name as the build's virtual modules use it: `routes/inloggen.tsx`, `root.tsx`. */
export function routeName(appDir: string, file: string): string {
  return relative(appDir, file).split('\\').join('/')
}
