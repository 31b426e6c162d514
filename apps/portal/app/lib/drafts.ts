/**
 * Drafts kept on the device (localStorage) while someone writes, so a reload, a dropped connection
 * or a phone that closes the tab loses nothing. Browser-only, framework-free helpers; the component
 * that uses them is components/draft-keeper.tsx.
 *
 * Which forms: every post form with a text box (textarea), or one marked `data-draft="<name>"`;
 * `data-draft="off"` leaves a form out. Which fields: text boxes and one-line text inputs, never
 * passwords or hidden fields (the form's idempotency key is kept beside the text, so a resend after a
 * lost answer is recognised as the same request). Keys name the person, the page, the form and the
 * field, so two people on one shared phone never see each other's words.
 */

const prefix = 'kracht:draft:'
/** A draft nobody came back to in a week is gone: the device should not keep care data for long. */
const keepMs = 7 * 24 * 60 * 60 * 1000
export const keyField = 'idempotencyKey'

export type DraftField = HTMLInputElement | HTMLTextAreaElement

interface Stored {
  v: string
  at: number
}

export function isDraftForm(form: HTMLFormElement): boolean {
  if (form.dataset['draft'] === 'off') return false
  if (form.method.toLowerCase() !== 'post') return false
  return Boolean(form.dataset['draft']) || form.querySelector('textarea') !== null
}

export function isDraftField(element: Element): element is DraftField {
  if (element instanceof HTMLTextAreaElement) return Boolean(element.name) && element.dataset['draft'] !== 'off'
  if (!(element instanceof HTMLInputElement)) return false
  return (element.type === 'text' || element.type === 'search') && Boolean(element.name) && element.dataset['draft'] !== 'off'
}

export function draftFields(form: HTMLFormElement): DraftField[] {
  return Array.from(form.elements).filter(isDraftField)
}

/**
 * A name for the form that survives a reload: its own; else its action and what it is about (the
 * hidden ids and intent: a statement, a card, a step), so words typed for one card or one question
 * never come back in another form that took its place; only then its place among the forms like it.
 */
export function formName(form: HTMLFormElement): string {
  const named = form.dataset['draft']
  if (named) return named
  const action = form.getAttribute('action') ?? ''
  const identity = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="hidden"]'))
    .filter((input) => input.name === 'intent' || /Id$/.test(input.name))
    .map((input) => `${input.name}=${input.value}`)
    .join('&')
  if (identity) return `${action}?${identity}`
  const alike = Array.from(document.querySelectorAll('form')).filter((f) => (f.getAttribute('action') ?? '') === action && isDraftForm(f))
  return `${action}#${alike.indexOf(form)}`
}

const storageKey = (owner: string, form: string, field: string) => `${prefix}${owner}:${location.pathname}:${form}:${field}`

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    // Private mode or storage switched off: the forms still work, nothing is kept.
    return null
  }
}

function read(key: string): Stored | null {
  const raw = storage()?.getItem(key)
  if (!raw) return null
  try {
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed === 'object' && parsed !== null && 'v' in parsed && 'at' in parsed && typeof parsed.v === 'string' && typeof parsed.at === 'number') {
      return { v: parsed.v, at: parsed.at }
    }
  } catch {
    // Not ours or damaged: dropped below.
  }
  return null
}

function write(key: string, value: string) {
  try {
    if (value === '') storage()?.removeItem(key)
    else storage()?.setItem(key, JSON.stringify({ v: value, at: Date.now() } satisfies Stored))
  } catch {
    // Storage full: the text is still in the box.
  }
}

/** A field's name in its form; several lines with one name (the safety plan's) are told apart by place. */
function fieldName(form: HTMLFormElement, field: DraftField): string {
  const place = draftFields(form)
    .filter((other) => other.name === field.name)
    .indexOf(field)
  return place > 0 ? `${field.name}#${place}` : field.name
}

/** Keeps one field's text (an empty box removes it). */
export function keepField(owner: string, form: HTMLFormElement, field: DraftField) {
  const name = formName(form)
  write(storageKey(owner, name, fieldName(form, field)), field.value)
  const idempotencyKey = form.elements.namedItem(keyField)
  if (idempotencyKey instanceof HTMLInputElement) write(storageKey(owner, name, keyField), idempotencyKey.value)
}

/** Keeps every field of a form, as it is about to be sent. */
export function keepForm(owner: string, form: HTMLFormElement) {
  for (const field of draftFields(form)) keepField(owner, form, field)
}

/** Removes a form's draft: it was saved. */
export function forgetForm(owner: string, page: string, form: string) {
  const start = `${prefix}${owner}:${page}:${form}:`
  const store = storage()
  if (!store) return
  for (const key of Object.keys(store)) if (key.startsWith(start)) store.removeItem(key)
}

/** Removes every draft on this device (signing out), or those older than a week. */
export function forgetAll(options: { olderThanWeek?: boolean } = {}) {
  const store = storage()
  if (!store) return
  const cutoff = Date.now() - keepMs
  for (const key of Object.keys(store)) {
    if (!key.startsWith(prefix)) continue
    if (options.olderThanWeek && (read(key)?.at ?? 0) >= cutoff) continue
    store.removeItem(key)
  }
}

/**
 * Sets a field's value the way typing does, so React's state follows (a controlled box keeps its
 * value in state; setting the DOM alone would be undone on the next render).
 */
function setAsTyped(field: DraftField, value: string) {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value)
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * Puts kept text back into the forms on this page. Returns whether anything came back, so the page
 * can say so. A draft equal to what the box holds already is left alone (nothing to say).
 */
export function restoreDrafts(owner: string): boolean {
  let restored = false
  for (const form of Array.from(document.querySelectorAll('form'))) {
    if (!isDraftForm(form)) continue
    const name = formName(form)
    let any = false
    for (const field of draftFields(form)) {
      const kept = read(storageKey(owner, name, fieldName(form, field)))
      if (!kept || kept.v === field.value) continue
      // Typed into since the page was drawn (a quick next entry while the last answer settled): the
      // newer words win over what was kept.
      if (field.value !== field.defaultValue) continue
      setAsTyped(field, kept.v)
      any = true
    }
    if (!any) continue
    restored = true
    // The request these words belong to, if it was sent and its answer lost: a resend is recognised.
    const keptKey = read(storageKey(owner, name, keyField))
    const idempotencyKey = form.elements.namedItem(keyField)
    if (keptKey && idempotencyKey instanceof HTMLInputElement) idempotencyKey.value = keptKey.v
    // A closed "write a comment" panel opens, so the words are seen.
    const details = form.closest('details')
    if (details) details.open = true
  }
  return restored
}
