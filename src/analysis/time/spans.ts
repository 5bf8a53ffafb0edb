/**
 * Times and gaps as incident rules write them in messages: "25 minutes",
 * "2 hours 5 minutes", "14:30 UTC", "2026-03-02 09:00 UTC". UTC, so a report
 * reads the same wherever it is printed.
 */

const minute = 60_000

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`
}

/** "25 minutes", "1 hour 5 minutes", "3 days 2 hours": rounded to the minute, at most two units. */
export function describeGap(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / minute))
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return [plural(hours, 'hour'), ...(minutes % 60 ? [plural(minutes % 60, 'minute')] : [])].join(' ')
  const days = Math.floor(hours / 24)
  return [plural(days, 'day'), ...(hours % 24 ? [plural(hours % 24, 'hour')] : [])].join(' ')
}

/** "14:30 UTC" on the same UTC day as `reference`, else "2026-03-02 14:30 UTC". */
export function describeInstant(at: number, reference: number): string {
  const iso = new Date(at).toISOString()
  const sameDay = iso.slice(0, 10) === new Date(reference).toISOString().slice(0, 10)
  return `${sameDay ? iso.slice(11, 16) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`} UTC`
}
