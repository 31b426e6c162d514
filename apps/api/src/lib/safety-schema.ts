import { z } from '@hono/zod-openapi'

/**
 * The `safety` field of every answer to a save of free text: what the screen found and which help
 * lines fit. The text was saved as written either way; show the help card when `detected`.
 */
export const SafetyScreenSchema = z
  .object({
    detected: z.boolean(),
    kind: z.string().nullable().openapi({ description: 'suicide, self_harm, violence, … (new kinds may be added)' }),
    level: z.enum(['alarm', 'check_in']).nullable(),
    helpLines: z.array(
      z.object({
        id: z.enum(['emergency', 'suicide_prevention', 'veilig_thuis']),
        numbers: z.array(z.object({ display: z.string(), tel: z.string() })),
      }),
    ),
  })
  .openapi('SafetyScreen', { description: 'The crisis screen of the saved text. Nothing is blocked; show the help lines when detected.' })
