import { describe, expect, it } from 'vitest'
import { translate } from '@kracht/i18n'
import { describeLogEntry, logPartKey, type LogEntryFacts } from './access-log-entry'

// The client's log page says each kind of entry in plain words; these are the kinds beyond
// "… bekeek Mijn krachten", each as the API writes it (lib/access-log.ts and the routes that log).
const client = 'c0000000-0000-4000-8000-000000000001'
const noor = 'c0000000-0000-4000-8000-000000000002'
const entry = (facts: Partial<LogEntryFacts>): LogEntryFacts => ({
  actorId: noor,
  actorName: 'Noor',
  action: 'read',
  scope: 'inventory',
  resource: 'inventory',
  outcome: 'allowed',
  basis: 'consent:1',
  ...facts,
})
const say = (facts: Partial<LogEntryFacts>) => {
  const described = describeLogEntry(entry(facts), client, 'Iemand')
  return described ? translate('nl', described.key, described.vars) : null
}

describe('what the client reads in their log', () => {
  it.each([
    [{ actorId: client, actorName: 'Sam', action: 'export', scope: 'assistant', resource: 'ai_model', basis: 'ai_help_on' }, 'Je antwoord ging zonder namen naar de AI-hulp'],
    [{ action: 'export', scope: 'assistant', resource: 'ai_model', basis: 'ai_help_on' }, 'Je werkte samen met Noor. Je antwoord ging zonder namen naar de AI-hulp'],
    [{ scope: 'notifications', resource: 'notifications', basis: 'recipient' }, 'Noor las een bericht over jou'],
    [{ actorId: client, actorName: 'Sam', action: 'export', scope: 'account', resource: 'export', basis: 'self' }, 'Je hebt al je gegevens gedownload'],
    [{ action: 'export', scope: 'account', resource: 'export', outcome: 'denied', basis: 'only_the_client' }, 'Noor wilde al je gegevens downloaden of je account verwijderen. Dat mag alleen jij, dus het lukte niet'],
    [{ actorName: 'Ada', action: 'update', scope: 'account', resource: 'account_end', basis: 'coordinator' }, 'Ada heeft je account beëindigd, omdat je begeleiding klaar is'],
    [{ actorName: 'Ada', scope: 'organisation', resource: 'people', basis: 'coordinator' }, 'Ada zag je naam in de lijst van cliënten'],
    [{ actorName: 'Ada', scope: 'organisation', resource: 'client_workers', basis: 'coordinator' }, 'Ada bekeek wie jouw begeleiders zijn'],
    [{ actorName: 'Ada', action: 'create', scope: 'organisation', resource: `worker_link:${noor}` }, 'Ada heeft een begeleider aan jou gekoppeld'],
    [{ actorName: 'Ada', action: 'delete', scope: 'organisation', resource: `worker_link:${noor}` }, 'Ada heeft een begeleider van jou losgekoppeld'],
    [{ action: 'create', scope: 'account', resource: 'access_reset:1', basis: 'access_reset' }, 'Noor maakte een nieuwe inlogcode voor jou'],
    [{ action: 'update', scope: 'account', resource: 'access_reset:1', basis: 'access_reset_approved' }, 'Noor gaf toestemming voor een nieuwe inlogcode voor jou'],
    [{ actorId: client, action: 'update', scope: 'account', resource: 'access_reset:1', basis: 'first_sign_in_after_reset' }, 'Er is ingelogd met een nieuwe inlogcode'],
  ])('%o', (facts, text) => {
    expect(say(facts)).toBe(text)
  })

  it('leaves ordinary reads and every refusal to the general line', () => {
    expect(say({})).toBeNull()
    expect(say({ outcome: 'denied', scope: 'notifications', resource: 'notifications' })).toBeNull()
  })

  it('names someone not signed in as such, never as nobody', () => {
    expect(describeLogEntry(entry({ actorId: null, actorName: null, scope: 'notifications' }), client, 'Iemand')?.vars).toEqual({ name: 'Iemand' })
  })
})

describe('the name of what someone looked at', () => {
  it('is plain words for every part the API logs, in both languages, never a code', { timeout: 60_000 }, async () => {
    // Every scope the API's routes declare (x-kracht-access): what a log row can name. Reading the
    // document touches no table, so no database is opened.
    const { createApi } = await import('@kracht/api')
    const { loadConfig } = await import('@kracht/api/config')
    const api = createApi({ db: {} as never, config: loadConfig({ NODE_ENV: 'test' }), now: () => new Date() })
    const document = (await (await api.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { 'x-kracht-access'?: { scope: string | null } }>> }
    const scopes = new Set(Object.values(document.paths).flatMap((methods) => Object.values(methods).flatMap((op) => (op['x-kracht-access']?.scope ? [op['x-kracht-access'].scope] : []))))
    expect(scopes).toContain('team_meeting')
    for (const scope of scopes) {
      const key = logPartKey(scope)
      expect(key, scope).not.toBe('accessLog.scopes.other')
      for (const locale of ['nl', 'en'] as const) {
        const words = translate(locale, key)
        expect(words, `${scope} (${locale})`).not.toMatch(/_|\./)
        expect(words).not.toBe(key)
      }
    }
  })

  it('says "iets van jou" for a part it does not know, not the code', () => {
    expect(translate('nl', logPartKey('something_new'))).toBe('iets van jou')
    expect(translate('nl', logPartKey('team_meeting'))).toBe('de bespreking met het team')
    expect(translate('nl', logPartKey('inventory'))).toBe('Mijn krachten')
  })
})
