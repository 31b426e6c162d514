/*
 * zod in the browser build (vite.config.ts resolves `zod` and `@conform-to/zod/v4` here for the
 * client only; the server keeps the real ones). The browser never checks a form with its schema:
 * the action does (forms/submission.server.ts). A page only draws the schema's facts about each field,
 * the same attributes the server drew, so the schema code in route modules runs here against this
 * recorder: 2 kB instead of zod's 90. With zod 4.6 and conform 1.21 those facts are `required` and
 * `multiple` (a list) only: conform finds no string or number bounds in zod 4.6's schemas. What it
 * records follows conform's getZodConstraint as it behaves with them; `zod-stand-in.test.ts` holds
 * the two side by side for every kind of schema the portal writes, so a newer zod or conform that
 * draws more fails there first.
 */

interface Node {
  kind: 'object' | 'array' | 'string' | 'number' | 'optional' | 'default' | 'nullable' | 'pipe' | 'transform' | 'union' | 'opaque'
  shape?: Record<string, Schema>
  element?: Schema
  inner?: Schema
  from?: Schema
  to?: Schema
  options?: readonly Schema[]
}

const nodes = new WeakMap<object, Node>()

/** Any schema: every zod method exists on it and answers a schema (most of them change nothing we record). */
export interface Schema {
  readonly [method: string]: (...args: unknown[]) => Schema
}

function schema(node: Node): Schema {
  const methods: Record<string, (...args: unknown[]) => Schema> = {
    optional: () => schema({ kind: 'optional', inner: self }),
    default: () => schema({ kind: 'default', inner: self }),
    nullable: () => schema({ kind: 'nullable', inner: self }),
    nullish: () => schema({ kind: 'optional', inner: schema({ kind: 'nullable', inner: self }) }),
    // zod keeps a caught value apart; conform reads nothing inside it.
    catch: () => schema({ kind: 'opaque' }),
    transform: () => schema({ kind: 'pipe', from: self, to: schema({ kind: 'transform' }) }),
    pipe: (to) => schema({ kind: 'pipe', from: self, to: isSchema(to) ? to : schema({ kind: 'opaque' }) }),
    array: () => schema({ kind: 'array', element: self }),
    or: (other) => schema({ kind: 'union', options: isSchema(other) ? [self, other] : [self] }),
    extend: (shape) => schema({ ...node, shape: { ...node.shape, ...shapeOf(shape) } }),
    // Never a silent pass: a browser module that tries to check with a schema fails loudly.
    parse: refuse,
    safeParse: refuse,
    parseAsync: refuse,
    safeParseAsync: refuse,
  }
  // min, max, trim, regex, refine, superRefine, int …: checks the browser leaves to the server.
  const same = () => self
  const self: Schema = new Proxy<Schema>(Object.create(null), {
    // `shape`: a schema built from another's fields (`GoalSchema.shape.domain`).
    get: (_, name) => (name === 'shape' ? (node.shape ?? {}) : typeof name === 'string' ? (methods[name] ?? same) : undefined),
  })
  nodes.set(self, node)
  return self
}

function refuse(): never {
  throw new Error('zod-stand-in: the browser does not check forms; the action does (forms/submission.server.ts)')
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && nodes.has(value)
}

function shapeOf(value: unknown): Record<string, Schema> {
  if (typeof value !== 'object' || value === null) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, Schema] => isSchema(entry[1])))
}

const string = () => schema({ kind: 'string' })
const number = () => schema({ kind: 'number' })
const opaque = () => schema({ kind: 'opaque' })

export const z = {
  object: (shape: unknown) => schema({ kind: 'object', shape: shapeOf(shape) }),
  string,
  number,
  coerce: { number, string },
  boolean: opaque,
  literal: opaque,
  enum: opaque,
  record: opaque,
  partialRecord: opaque,
  uuid: string,
  email: string,
  iso: { date: string, time: string, datetime: string },
  array: (element: unknown) => schema({ kind: 'array', element: isSchema(element) ? element : opaque() }),
  union: (options: unknown) => schema({ kind: 'union', options: Array.isArray(options) ? options.filter(isSchema) : [] }),
  discriminatedUnion: (_key: unknown, options: unknown) => schema({ kind: 'union', options: Array.isArray(options) ? options.filter(isSchema) : [] }),
}

export interface Constraint {
  required?: boolean
  multiple?: boolean
}

const keys = ['required', 'multiple'] as const

/** conform's getZodConstraint over the recorded schema: per field name (`places[].domain`), its facts. */
export function getZodConstraint(root: unknown): Record<string, Constraint> {
  const result: Record<string, Constraint> = {}
  const update = (at: Schema, data: Record<string, Constraint>, name: string) => {
    const node = nodes.get(at)
    if (!node) return
    const constraint: Constraint = name === '' ? {} : (data[name] ??= { required: true })
    if (node.kind === 'object') {
      for (const [key, child] of Object.entries(node.shape ?? {})) update(child, data, name ? `${name}.${key}` : key)
    } else if (node.kind === 'pipe' && node.from && node.to) {
      if (nodes.get(node.to)?.kind === 'transform') update(node.from, data, name)
      update(node.to, data, name)
    } else if (node.kind === 'union') {
      Object.assign(data, mergeBranches((node.options ?? []).map((option) => {
        const branch: Record<string, Constraint> = {}
        update(option, branch, name)
        return branch
      })))
    } else if (name === '') {
      return
    } else if (node.kind === 'array' && node.element) {
      constraint.multiple = true
      update(node.element, data, `${name}[]`)
    } else if ((node.kind === 'optional' || node.kind === 'default') && node.inner) {
      constraint.required = false
      update(node.inner, data, name)
    } else if (node.kind === 'nullable' && node.inner) {
      update(node.inner, data, name)
    }
  }
  if (isSchema(root)) update(root, result, '')
  return result
}

/** A field in every branch keeps only the facts all branches agree on; a field of some branches is not required. */
function mergeBranches(branches: Record<string, Constraint>[]): Record<string, Constraint> {
  if (branches.length === 0) return {}
  return branches.reduce((previous, next) => {
    const merged: Record<string, Constraint> = {}
    for (const name of new Set([...Object.keys(previous), ...Object.keys(next)])) {
      const [a, b] = [previous[name], next[name]]
      if (a && b) {
        const both: Constraint = {}
        for (const key of keys) if (a[key] !== undefined && a[key] === b[key]) Object.assign(both, { [key]: a[key] })
        merged[name] = both
      } else {
        merged[name] = { ...a, ...b, required: false }
      }
    }
    return merged
  })
}
