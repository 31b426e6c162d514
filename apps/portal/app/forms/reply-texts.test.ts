import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { Locale } from '@kracht/i18n'
import { en } from '../../../../packages/i18n/src/messages/en'
import { nl } from '../../../../packages/i18n/src/messages/nl'
import { keysOf, pick, routeKeys } from '../../texts/route-texts'
import { ConversationForms } from '../lib/conversation-forms'
import { PersonSchema } from '../lib/network-schema'
import type { FormReply, OwnGroup } from './submission.server'
import { form } from './test-support'

/*
 * A form's problem in the browser (issue 19, page weight): the page ships no problem texts, the
 * action's answer brings the texts of its codes. Here the browser's texts are rebuilt as a page has
 * them (its route's and the root's keys, in its language only), the answer is added as the page adds
 * it, and every field shows the same words the server would: never blank, never a code.
 */

const appDir = fileURLToPath(new URL('../', import.meta.url))
const workspace = { root: fileURLToPath(new URL('../../../../', import.meta.url)) }
// The catalogues themselves, not the package: each side below loads the package afresh, the server's
// build (both languages whole) or the browser's (none until the page adds its own).
const full = { nl, en }
const server = () => import('./submission.server')

afterEach(async () => {
  const { addCatalogue } = await import('@kracht/i18n')
  addCatalogue('nl', nl)
  addCatalogue('en', en)
  vi.unstubAllGlobals()
})

type Shown = Record<string, string>

/** The messages a page shows for an answer: the form's problem above it, each field's beside it. */
async function shown(answer: FormReply, locale: Locale, own: OwnGroup | undefined): Promise<Shown> {
  const [{ translator }, { problemText }, { fieldText }] = await Promise.all([import('@kracht/i18n'), import('../lib/problem-text'), import('./field-text')])
  const t = translator(locale)
  return Object.fromEntries(
    Object.entries(answer.error ?? {}).map(([name, codes]) => [name, name === '' ? problemText(t, 'errors', codes?.[0]) : fieldText(t, codes?.[0] ?? '', 'fields', own)]),
  )
}

/**
 * As in the browser: only the route's keys and the root's, in the page's language, then the answer
 * added as the page adds it. A browser holds one language, which every lookup reads (`hasKey` asks
 * the default language: there it is the page's own); here the process holds both, so both are the
 * page's texts, and what the answer adds to the page's language is added to the other too.
 */
async function inBrowser(route: string, locale: Locale, answer: FormReply, own: OwnGroup | undefined): Promise<Shown> {
  const { addCatalogue, addTexts } = await import('@kracht/i18n')
  const { addAnswerTexts } = await import('./reply-texts')
  const keys = [...routeKeys(`${appDir}${route}`, full.nl, workspace), ...routeKeys(`${appDir}root.tsx`, full.nl, workspace)]
  const page = pick(full[locale], keys)
  addCatalogue('nl', page)
  addCatalogue('en', page)
  vi.stubGlobal('document', {})
  addAnswerTexts({ intent: 'x', result: answer }, locale)
  const other = locale === 'nl' ? 'en' : 'nl'
  addTexts(other, answer.texts?.[locale] ?? {})
  return shown(answer, locale, own)
}

const problem = (body: object) => new Response(JSON.stringify(body), { status: 400, headers: { 'content-type': 'application/json' } })

const cases: { name: string; route: string; own?: OwnGroup; answer: () => Promise<FormReply> }[] = [
  {
    name: 'empty sign-in fields',
    route: 'routes/inloggen.tsx',
    answer: async () => {
      const { parseSubmission, reply } = await server()
      return reply(parseSubmission(form([]), z.object({ username: z.string({ error: 'required' }), password: z.string({ error: 'required' }) })))
    },
  },
  {
    name: 'a wrong password, above the form',
    route: 'routes/inloggen.tsx',
    answer: async () => {
      const { parseSubmission, replyWithProblem } = await server()
      return replyWithProblem(parseSubmission(form([['username', 'sam']]), z.object({ username: z.string() })), problem({ code: 'invalid_credentials', message: '' }))
    },
  },
  {
    name: 'a network person with its own messages',
    route: 'routes/netwerk._index.tsx',
    own: 'network.errors',
    answer: async () => {
      const { parseSubmission, reply } = await server()
      return reply(parseSubmission(form([['name', 'Jet'], ['area', 'moon'], ['ring', '4']]), PersonSchema))
    },
  },
  {
    name: 'an API field code of the sharing group (default own)',
    route: 'routes/account.api-tokens.tsx',
    answer: async () => {
      const { parseSubmission, replyWithProblem } = await server()
      const submission = parseSubmission(form([['expiresAt', '2000-01-01']]), z.object({ expiresAt: z.string() }))
      return replyWithProblem(submission, problem({ code: 'ends_in_past', message: '', fields: { expiresAt: 'ends_in_past' } }))
    },
  },
  {
    name: 'a card changed to empty words, on the assistant\'s page',
    route: 'routes/assistent.$conversationId.tsx',
    answer: async () => {
      const { parseSubmission, reply } = await server()
      return reply(parseSubmission(form([['intent', 'edit'], ['proposalId', 'c1-1'], ['kind', 'statement'], ['text', ''], ['domain', 'health']]), ConversationForms))
    },
  },
  {
    name: 'an answer too long, beside the box in the assistant\'s own words',
    route: 'routes/assistent.$conversationId.tsx',
    own: 'assistant.errors',
    answer: async () => {
      const { parseSubmission, replyWithProblem } = await server()
      const submission = parseSubmission(form([['intent', 'answer'], ['stepId', 's1'], ['version', '2'], ['text', 'lang']]), ConversationForms)
      return replyWithProblem(submission, problem({ code: 'answer_too_long', message: '' }), { fieldFor: (code) => (code === 'answer_too_long' ? 'text' : null) })
    },
  },
]

describe.each(['nl', 'en'] as const)('a form problem in the browser (%s)', (locale) => {
  it.each(cases)('$name: the same words as on the server, never blank or a code', async ({ route, own, answer }) => {
    const result = await answer()
    const onServer = await shown(result, locale, own)
    expect(Object.keys(onServer).length).toBeGreaterThan(0)
    const inPage = await inBrowser(route, locale, result, own)
    expect(inPage).toEqual(onServer)
    for (const [name, text] of Object.entries(inPage)) {
      const code = result.error?.[name]?.[0] ?? ''
      expect(text.trim()).not.toBe('')
      expect(text).not.toContain(code)
      expect(text).not.toMatch(/^(errors|fields|sharing|network)\./)
    }
  })
})

describe.each(['nl', 'en'] as const)('a review page\'s button problem in the browser (%s)', (locale) => {
  it.each([
    ['routes/clienten.$clientId.tsx', 'already_signed'],
    ['routes/clienten.$clientId.tsx', 'suggestions_open'],
    ['routes/voorstellen.tsx', 'version_conflict'],
    ['routes/voorstellen.tsx', 'phase_changed'],
  ])('%s, %s: the review pages\' own words, as on the server', async (route, code) => {
    const { parseSubmission, replyWithProblem } = await server()
    const result = await replyWithProblem(parseSubmission(form([['intent', 'sign']]), z.object({ intent: z.string() })), problem({ code, message: '' }))
    const { reviewProblem } = await import('../components/review/comment-form')
    const { translator } = await import('@kracht/i18n')
    const onServer = reviewProblem(translator(locale), code)
    await inBrowser(route, locale, result, undefined)
    const inPage = reviewProblem(translator(locale), code)
    expect(inPage).toBe(onServer)
    expect(inPage.trim()).not.toBe('')
    expect(inPage).not.toContain(code)
  })
})

describe('a page with forms', () => {
  it('ships no problem texts of its own: they come with the answer', () => {
    const keys = routeKeys(`${appDir}routes/inloggen.tsx`, full.nl, workspace)
    const problemKeys = [...keys].filter((key) => /^(errors|fields|sharing\.fields|network\.errors)\./.test(key))
    // Only the sentences shown for a code without its own text.
    expect(problemKeys.sort()).toEqual(['errors.generic', 'fields.invalid'])
  })

  it('gets the texts of its codes in both languages, and only those', async () => {
    const { parseSubmission, reply } = await server()
    const result = reply(parseSubmission(form([]), z.object({ username: z.string({ error: 'required' }) })))
    for (const locale of ['nl', 'en'] as const) {
      expect(result.texts?.[locale]).toMatchObject({ errors: { validation_failed: full[locale].errors.validation_failed }, fields: { required: full[locale].fields.required } })
      // The code in every group a field may read it from (a network form's own words), nothing else.
      expect(keysOf(result.texts?.[locale] ?? {}).filter((key) => !key.endsWith('.required'))).toEqual(['errors.validation_failed'])
    }
  })
})
