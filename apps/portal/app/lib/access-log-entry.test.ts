import { describe, expect, it } from 'vitest'
import { translate } from '@kracht/i18n'
import { describeLogEntry, type LogEntryFacts } from './access-log-entry'

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
