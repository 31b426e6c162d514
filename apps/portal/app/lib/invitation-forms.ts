import { z } from 'zod'
import { choiceField, optionalIdField, requiredLine } from '../forms/fields'

// The invitation forms' schemas, run in the browser and by the action (lib/invitations.server.ts).

/** A worker invites a client: only the name the client is known by. */
export const ClientInviteForm = z.object({ displayName: requiredLine(80) })

/** A coordinator invites anyone; a client is linked to the chosen worker (or later). */
export const InviteForm = z.object({
  role: choiceField(['worker', 'peer', 'admin', 'client']),
  displayName: requiredLine(80),
  teamId: optionalIdField,
  workerId: optionalIdField,
})
