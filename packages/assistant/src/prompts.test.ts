import { describe, expect, it } from 'vitest'
import { crisisKinds, locales } from '@kracht/language'
import { lifeDomains } from '@kracht/method'
import { questionKinds } from './flows/question-rules'
import { AssistantError } from './errors'
import { listPrompts, loadPrompt, loadTexts, parsePromptFile, parseSections, placeholdersOf, renderPrompt, renderTemplate } from './prompts'
import { flowIds, supportKinds, vipAreas } from './types'

describe('prompt files', () => {
  it('exist in both locales, with the same names', () => {
    const nl = listPrompts('nl')
    expect(nl).toContain('assistant-system')
    expect(nl).toContain('assistant-turn')
    expect(nl).toContain('common')
    // File names use hyphens (safety_plan → flow-safety-plan).
    for (const flow of flowIds) expect(nl).toContain(`flow-${flow.replaceAll('_', '-')}`)
    expect(listPrompts('en')).toEqual(nl)
  })

  it.each(locales.flatMap((locale) => listPrompts(locale).map((name) => [locale, name] as const)))('%s/%s has a name, version and kind', (locale, name) => {
    const file = loadPrompt(name, locale)
    expect(file.name).toBe(name)
    expect(file.version).toMatch(/^\d+/)
    expect(['prompt', 'texts']).toContain(file.kind)
    expect(file.body).not.toMatch(/<!--|-->/)
  })

  it.each(locales.flatMap((locale) => listPrompts(locale).filter((n) => loadPrompt(n, locale).kind === 'prompt').map((n) => [locale, n] as const)))(
    'renders %s/%s with every placeholder filled',
    (locale, name) => {
      const file = loadPrompt(name, locale)
      const vars = Object.fromEntries(placeholdersOf(file.body).map((p) => [p, `<${p}>`]))
      const text = renderPrompt(name, locale, vars)
      expect(text).not.toMatch(/\{\{|\}\}/)
      for (const p of placeholdersOf(file.body)) expect(text).toContain(`<${p}>`)
      expect(placeholdersOf(file.body)).toEqual(placeholdersOf(loadPrompt(name, locale === 'nl' ? 'en' : 'nl').body))
    },
  )

  it('the turn prompt has the placeholders the engine fills', () => {
    expect(placeholdersOf(loadPrompt('assistant-turn', 'nl').body).sort()).toEqual(
      ['answer', 'drafts', 'flow', 'form', 'nextQuestion', 'previousQuestion'].sort(),
    )
    expect(placeholdersOf(loadPrompt('assistant-system', 'nl').body)).toEqual([])
  })

  it('a missing value is a prompt_invalid error', () => {
    expect(() => renderPrompt('assistant-turn', 'nl', {})).toThrow(AssistantError)
    try {
      renderTemplate('Hallo {{name}}', {})
    } catch (error) {
      expect(AssistantError.is(error, 'prompt_invalid')).toBe(true)
    }
  })

  it('an unknown prompt is prompt_not_found', () => {
    expect(() => loadPrompt('does-not-exist', 'nl')).toThrow(expect.objectContaining({ code: 'prompt_not_found' }))
    expect(() => loadPrompt('../secrets', 'nl')).toThrow(expect.objectContaining({ code: 'prompt_not_found' }))
  })

  it('rejects malformed files', () => {
    expect(() => parsePromptFile('no front matter', 'nl', 'x')).toThrow(expect.objectContaining({ code: 'prompt_invalid' }))
    expect(() => parsePromptFile('---\nname: y\nversion: 1\n---\nhi', 'nl', 'x')).toThrow(expect.objectContaining({ code: 'prompt_invalid' }))
    expect(() => parsePromptFile('---\nname: x\n---\nhi', 'nl', 'x')).toThrow(expect.objectContaining({ code: 'prompt_invalid' }))
    expect(() => parseSections('## a\none\n## a\ntwo', 'x')).toThrow(expect.objectContaining({ code: 'prompt_invalid' }))
    expect(() => parseSections('## a\n\n## b\ntwo', 'x')).toThrow(expect.objectContaining({ code: 'prompt_invalid' }))
  })

  it('parses sections: lines of a paragraph are joined, paragraphs kept', () => {
    const sections = parseSections('intro for reviewers\n## a.b\nline one\nline two\n\nsecond paragraph\n## c\nx', 'x')
    expect([...sections.entries()]).toEqual([
      ['a.b', 'line one line two\n\nsecond paragraph'],
      ['c', 'x'],
    ])
  })
})

describe('text catalogues', () => {
  const nl = loadTexts('nl')
  const en = loadTexts('en')

  it('nl and en have the same keys', () => {
    expect(en.keys()).toEqual(nl.keys())
  })

  it.each(nl.keys())('%s has the same placeholders in nl and en', (key) => {
    const vars = { domain: 'D', domains: 'DS', name: 'N', wish: 'W', what: 'X', count: 3 }
    const a = nl.t(key, vars)
    const b = en.t(key, vars)
    // A placeholder left in the text: {{name}} the engine has no value for, or {name} written with
    // single braces, which the renderer never fills (the miracle flow said "Wat fijn dat {name} het ziet").
    expect(a).not.toMatch(/\{\{|\{\w+\}/)
    expect(b).not.toMatch(/\{\{|\{\w+\}/)
    for (const v of ['D', 'DS', 'N', 'W']) {
      expect(a.includes(`"${v}"`) || a.split(/\b/).includes(v)).toBe(b.includes(`"${v}"`) || b.split(/\b/).includes(v))
    }
  })

  it('the closing summary claims nothing was kept: every card still waits for the client to keep it', () => {
    for (const texts of [nl, en]) {
      const lines = [...texts.keys()].filter((key) => key.startsWith('summary.')).map((key) => texts.t(key, { count: 2 }))
      for (const line of lines) expect(line).not.toMatch(/bewaard|op je kaart gezet|\bkept\b|\bput\b.*\bon your/i)
    }
  })

  it('has every key the code asks for', () => {
    const required = [
      // The labels live in @kracht/i18n (one per domain); the prompts hold how each reads in a sentence.
      ...lifeDomains.map((d) => `domain.${d}.short`),
      ...questionKinds.flatMap((f) => [
        `strengths.${f}.question`,
        `strengths.${f}.question.general`,
        `strengths.${f}.examples`,
        `strengths.${f}.ack.1`,
      ]),
      ...crisisKinds.map((k) => `safety.message.${k}`),
      ...['emergency', 'suicide_prevention', 'veilig_thuis'].flatMap((l) => [`safety.line.${l}.name`, `safety.line.${l}.description`]),
      ...flowIds.flatMap((f) => [`flow.${f}`, `summary.${f}`]),
      ...['statements', 'wishes', 'people', 'goals', 'actions'].flatMap((k) => [`summary.count.${k}.one`, `summary.count.${k}.other`]),
      ...vipAreas.map((a) => `vip.area.${a}`),
      ...supportKinds.map((s) => `vip.support.${s}`),
      ...['1', '2', '3'].map((r) => `vip.ring.${r}`),
      'safety.still_here',
      'safety.clarified',
      'safety.worker.question',
      'safety.worker.note',
      'reask.1',
      'reask.choice',
      'skip.1',
      'dont_know.1',
      'resume',
      'resume.finished',
      'summary.title.1',
      'summary.title.none',
      'summary.none',
      'summary.check',
      'choice.yes',
      'choice.no',
      'model.none',
    ]
    for (const key of required) {
      expect(nl.has(key), key).toBe(true)
      expect(en.has(key), key).toBe(true)
    }
  })

  it('safety texts mention no phone numbers but the real ones', () => {
    for (const texts of [nl, en]) {
      for (const key of texts.keys().filter((k) => k.startsWith('safety.'))) {
        for (const number of texts.t(key).match(/\d[\d-]*\d|\d/g) ?? []) {
          expect(['112', '113', '0800-0113', '0800-2000'], `${texts.locale} ${key}`).toContain(number)
        }
      }
    }
  })

  it('Dutch texts use short sentences (B1) and no words that make the client small', () => {
    const deficit = /\b(probleem|problemen|verslaafde|tekort|zwak|mislukt|stoornis|gestoord|dakloze|zielig)\b/i
    for (const key of nl.keys()) {
      const text = nl.t(key, { domain: 'x', domains: 'x', name: 'x', wish: 'x', what: 'x', count: 2 })
      expect(text, key).not.toMatch(deficit)
      // The method's example lists are lists, not sentences.
      if (key.endsWith('.examples')) continue
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        expect(sentence.split(/\s+/).length, `${key}: ${sentence}`).toBeLessThanOrEqual(22)
      }
    }
  })
})
