import { z } from 'zod'
import { staffRoles } from '@kracht/method'
import { choiceField, idField, newPasswordField, newUsernameField, optionalIdField, requiredLine, withRepeatedPassword } from '../forms/fields'

// The invitation forms' schemas, run by the action (the browser reads only which fields are required) (lib/invitations.server.ts).

/** The button beside an open invitation: which one to withdraw. */
export const WithdrawForm = z.object({ intent: z.literal('withdraw'), invitationId: idField })

/** A worker invites a client: only the name the client is known by. */
export const ClientInviteForm = z.object({ displayName: requiredLine(80) })

/** The roles a coordinator invites, in the order the page offers them: staff first (the method's lists). */
export const invitationRoles = [...staffRoles, 'client'] as const

/** A coordinator invites anyone; a client is linked to the chosen worker (or later). */
export const InviteForm = z.object({
  role: choiceField(invitationRoles),
  displayName: requiredLine(80),
  teamId: optionalIdField,
  workerId: optionalIdField,
})

/** The short code from a printed invitation, as typed (the API ignores case, spaces and dashes). */
export const CodeForm = z.object({ code: requiredLine(30) })

/**
 * Accepting: a user name and a password for a new account, only a new password when the invitation
 * resets a client's access (the user name stays).
 */
export function acceptForm(isReset: boolean) {
  return z
    .object({
      username: newUsernameField.optional(),
      newPassword: newPasswordField,
      repeat: z.string({ error: 'required' }),
    })
    .superRefine((value, ctx) => {
      if (!isReset && value.username === undefined) ctx.addIssue({ code: 'custom', path: ['username'], message: 'required' })
      withRepeatedPassword(value, ctx)
    })
}
