import { z } from 'zod'
import { optionalLine, requiredText } from '../forms/fields'

/** Empty means none: the API takes `null` for a goal without a life domain or wish. */
const noneIfEmpty = (value: string | undefined) => (value ? value : null)

/**
 * A goal in the client's own words, in one schema for the browser and the action. Which life
 * domains exist (Krachtwerk's ten or ICM's nine) only the API knows, so it checks the domain again.
 */
export const GoalSchema = z.object({
  text: requiredText(1000),
  // "No life domain" is the empty first option.
  domain: z.string().max(40, 'unknown_domain').optional().transform(noneIfEmpty),
  // The priority's wish the goal grew from, carried in a hidden field.
  wish: optionalLine(500).transform(noneIfEmpty),
})
