import { describe, expect, it } from 'vitest'
import { decide, type ConsentActor, type ConsentClient, type ConsentGrant, type ConsentRequest } from './rules'

const now = new Date('2026-11-20T12:00:00Z')
const earlier = new Date('2026-11-20T11:59:59Z')
const later = new Date('2026-11-21T12:00:00Z')

const org = 'org-1'
const sam: ConsentClient = { id: 'sam', role: 'client', organisationId: org, workerIds: ['noor'] }
const actors = {
  sam: { id: 'sam', role: 'client', organisationId: org, teamId: null },
  kim: { id: 'kim', role: 'client', organisationId: org, teamId: null },
  noor: { id: 'noor', role: 'worker', organisationId: org, teamId: 'team-a' },
  bas: { id: 'bas', role: 'worker', organisationId: org, teamId: 'team-a' },
  eva: { id: 'eva', role: 'peer', organisationId: org, teamId: 'team-a' },
  admin: { id: 'admin', role: 'admin', organisationId: org, teamId: 'team-a' },
  stranger: { id: 'stranger', role: 'worker', organisationId: 'org-2', teamId: 'team-x' },
  noorToken: { id: 'noor', role: 'worker', organisationId: org, teamId: 'team-a', token: { id: 't1', scopes: ['inventory'] } },
  noorNetworkToken: { id: 'noor', role: 'worker', organisationId: org, teamId: 'team-a', token: { id: 't2', scopes: ['network'] } },
} satisfies Record<string, ConsentActor>

const grant = (id: string, over: Partial<ConsentGrant>): ConsentGrant => ({
  id,
  granteeId: null,
  teamId: null,
  memberIds: null,
  scopes: ['inventory'],
  excludeDomains: [],
  access: 'read',
  endsAt: null,
  revokedAt: null,
  ...over,
})

const noorReads = grant('c-read', { granteeId: 'noor', excludeDomains: ['partner'] })
const noorComments = grant('c-comment', { granteeId: 'noor', access: 'comment', excludeDomains: ['partner', 'safety'] })
const noorRevoked = grant('c-revoked', { granteeId: 'noor', revokedAt: earlier })
const noorEnded = grant('c-ended', { granteeId: 'noor', endsAt: now })
const noorLater = grant('c-later', { granteeId: 'noor', endsAt: later })
const evaMessages = grant('c-eva-msg', { granteeId: 'eva', scopes: ['messages'], access: 'comment' })
const evaMessagesRead = grant('c-eva-msg-read', { granteeId: 'eva', scopes: ['messages'] })
const evaNetwork = grant('c-eva', { granteeId: 'eva', scopes: ['network'] })
const teamMeeting = grant('c-team', { teamId: 'team-a', memberIds: ['noor', 'bas', 'eva'], endsAt: later })
const teamMeetingOver = grant('c-team-over', { teamId: 'team-a', memberIds: ['noor', 'bas', 'eva'], endsAt: earlier })
// Named when the client granted it: only noor. bas joined the team afterwards.
const teamMeetingNoorOnly = grant('c-team-noor', { teamId: 'team-a', memberIds: ['noor'], endsAt: later })

const read = (scope: ConsentRequest['scope'] = 'inventory', domain?: string): ConsentRequest => ({ scope, access: 'read', domain })
const comment: ConsentRequest = { scope: 'inventory', access: 'comment' }
const together: ConsentRequest = { scope: 'inventory', access: 'together' }
const write: ConsentRequest = { scope: 'inventory', access: 'write' }
const sendMessage: ConsentRequest = { scope: 'messages', access: 'comment' }

// Read a row as: <actor> asking <request> with <consents> → allowed? on which basis, leaving out which domains.
const table: [string, ConsentActor | null, ConsentRequest, ConsentGrant[], boolean, string, string[]?][] = [
  ['the client, own data', actors.sam, write, [], true, 'self'],
  ['nobody signed in', null, read(), [noorReads], false, 'unauthenticated'],
  ['another client', actors.kim, read(), [noorReads], false, 'other_client'],
  ['an admin, by role alone', actors.admin, read(), [teamMeeting], false, 'admin_no_content'],
  ['a worker of another organisation', actors.stranger, read(), [], false, 'other_organisation'],
  ['linked worker without consent', actors.noor, read(), [], false, 'no_consent'],
  ['linked worker with consent', actors.noor, read(), [noorReads], true, 'consent:c-read', ['partner']],
  ['linked worker, consent for another scope', actors.noor, read('network'), [noorReads], false, 'scope_not_shared'],
  ['linked worker, asks for a left-out domain', actors.noor, read('inventory', 'partner'), [noorReads], false, 'domain_excluded'],
  ['linked worker, asks for a shared domain', actors.noor, read('inventory', 'work'), [noorReads], true, 'consent:c-read', ['partner']],
  ['linked worker never writes', actors.noor, write, [noorComments], false, 'only_client_writes'],
  ['linked worker comments on a read-only consent', actors.noor, comment, [noorReads], false, 'read_only_consent'],
  ['linked worker comments with comment access', actors.noor, comment, [noorComments], true, 'consent:c-comment', ['partner', 'safety']],
  ['two consents: only domains both leave out stay out', actors.noor, read(), [noorComments, noorReads], true, 'consent:c-read', ['partner']],
  ['revoked consent bites at once', actors.noor, read(), [noorRevoked], false, 'consent_revoked'],
  ['end date reached bites at once', actors.noor, read(), [noorEnded], false, 'consent_ended'],
  ['end date still ahead', actors.noor, read(), [noorLater], true, 'consent:c-later', []],
  ['unlinked worker with a personal consent', actors.bas, read(), [grant('c-bas', { granteeId: 'bas' })], false, 'not_linked'],
  ['unlinked worker, no consent', actors.bas, read(), [noorReads], false, 'no_consent'],
  ['peer without consent', actors.eva, read(), [noorReads], false, 'no_consent'],
  ['peer with a network consent, reads the network', actors.eva, read('network'), [evaNetwork], true, 'consent:c-eva', []],
  ['peer with a network consent, reads the inventory', actors.eva, read(), [evaNetwork], false, 'scope_not_shared'],
  ['team member during a team strengths meeting', actors.bas, read(), [teamMeeting], true, 'consent:c-team', []],
  ['team member after the meeting', actors.bas, read(), [teamMeetingOver], false, 'consent_ended'],
  ['joined the team after the client shared', actors.bas, read(), [teamMeetingNoorOnly], false, 'not_covered'],
  ['named member moved to another team', { ...actors.bas, teamId: 'team-b' }, read(), [teamMeeting], false, 'no_consent'],
  ['a named member still in the team', actors.noor, read(), [teamMeetingNoorOnly], true, 'consent:c-team-noor', []],
  ['API token within its scope', actors.noorToken, read(), [noorReads], true, 'consent:c-read', ['partner']],
  ['API token outside its scope', actors.noorNetworkToken, read(), [noorReads], false, 'token_scope'],
  ['API token never comments', actors.noorToken, comment, [noorComments], false, 'token_read_only'],
  ['together mode needs comment access', actors.noor, together, [noorReads], false, 'read_only_consent'],
  ['together mode with comment access', actors.noor, together, [noorComments], true, 'consent:c-comment', ['partner', 'safety']],
  ['API token never runs a flow', actors.noorToken, together, [noorComments], false, 'token_read_only'],
  ['linked worker reads messages without a consent', actors.noor, read('messages'), [], true, 'linked_worker', []],
  ['linked worker sends a message without a consent', actors.noor, sendMessage, [], true, 'linked_worker', []],
  ['linked worker never writes the client\'s words, messages or not', actors.noor, { scope: 'messages', access: 'write' }, [], false, 'only_client_writes'],
  ['unlinked worker, messages without a consent', actors.bas, sendMessage, [], false, 'no_consent'],
  ['a linked worker\'s API token is no linked worker', { ...actors.noorToken, token: { id: 't4', scopes: ['messages'] } }, read('messages'), [], false, 'no_consent'],
  ['peer sends a message on a messages share', actors.eva, sendMessage, [evaMessages], true, 'consent:c-eva-msg', []],
  ['peer with a read-only messages share only reads', actors.eva, sendMessage, [evaMessagesRead], false, 'read_only_consent'],
  ['peer with an inventory share sends no messages', actors.eva, sendMessage, [grant('c-eva-inv', { granteeId: 'eva', access: 'comment' })], false, 'scope_not_shared'],
  ['API token of the client is not the client', { ...actors.sam, token: { id: 't3', scopes: ['inventory'] } }, read(), [], false, 'other_client'],
]

describe('consent rules: no consent, no access', () => {
  it.each(table)('%s', (_name, actor, request, consents, allowed, basis, excludeDomains) => {
    const decision = decide({ actor, client: sam, request, consents, now })
    expect({ allowed: decision.allowed, basis: decision.basis }).toEqual({ allowed, basis })
    if (excludeDomains) expect(decision.excludeDomains.sort()).toEqual([...excludeDomains].sort())
  })

  it('refuses anything about someone who is not a client', () => {
    const worker: ConsentClient = { id: 'noor', role: 'worker', organisationId: org, workerIds: [] }
    expect(decide({ actor: actors.bas, client: worker, request: read(), consents: [noorReads], now }).basis).toBe('not_a_client')
  })
})
