/** Ids of the network map, shared by the map pages (no zod here: this module goes to the browser). */
export const areas = ['family', 'friends', 'school_work_club', 'professionals'] as const
export const rings = [1, 2, 3] as const
export const supportKinds = ['practical', 'emotional', 'advice', 'company'] as const
export const periods = ['now', 'past'] as const
export const resourceKinds = ['socio_economic', 'social_cohesion', 'social_inclusion', 'social_empowerment'] as const

export type Area = (typeof areas)[number]

const networkErrorCodes = [
  'required',
  'too_long',
  'unknown_area',
  'ring_out_of_range',
  'unknown_support',
  'unknown_period',
  'unknown_kind',
  'unknown_person',
  'unknown_domain',
  'one_link',
  'invalid_date',
  'date_out_of_range',
] as const
export type NetworkErrorCode = (typeof networkErrorCodes)[number]

/** A field code from the form or the API as a catalogue code; null for one this page does not know. */
export function networkErrorCode(code: string | undefined): NetworkErrorCode | null {
  return networkErrorCodes.find((known) => known === code) ?? null
}
