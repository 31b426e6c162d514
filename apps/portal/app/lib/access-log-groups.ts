/**
 * "Noor bekeek je krachten · 12 keer vandaag": entries next to each other (newest first) that say
 * the same thing on the same day are shown once, with how often. Only neighbours are merged, so
 * the order of what happened stays true.
 */
export interface LogGroup<T> {
  first: T
  count: number
  /** The day in Amsterdam (yyyy-mm-dd), for "vandaag", "gisteren" or the date. */
  day: string
}

const dayOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso))

export function groupLogEntries<T extends { at: string }>(entries: readonly T[], say: (entry: T) => string): LogGroup<T>[] {
  const groups: (LogGroup<T> & { text: string })[] = []
  for (const entry of entries) {
    const text = say(entry)
    const day = dayOf(entry.at)
    const last = groups[groups.length - 1]
    if (last && last.text === text && last.day === day) last.count += 1
    else groups.push({ first: entry, count: 1, day, text })
  }
  return groups
}

/** today / yesterday / another day, from the Amsterdam day of `now`. */
export function dayWord(day: string, now: Date): 'today' | 'yesterday' | 'other' {
  if (day === dayOf(now.toISOString())) return 'today'
  if (day === dayOf(new Date(now.getTime() - 86_400_000).toISOString())) return 'yesterday'
  return 'other'
}
