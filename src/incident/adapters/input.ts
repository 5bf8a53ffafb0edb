/**
 * What every adapter shares: one error type that names the source and the
 * field, and the readers that turn a source's loose values (times without a
 * zone, phase names in any case) into the Incident shape, or say why not.
 * Adapters never guess: a field that is missing or wrong is an error, not a
 * default.
 */
import {isPhase, type Phase} from '../../analysis/phase.ts'

/** Input that is not the shape it claims (or was said) to be: its message names the source and the field. */
export class IncidentInputError extends Error {
  override name = 'IncidentInputError'
}

/** `where` is `source: field path`, e.g. `status.json: incidents[2].incident_updates[0].created_at`. */
export function fail(where: string, problem: string): never {
  throw new IncidentInputError(`${where}: ${problem}`)
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * A date and time, with `T` or a space, seconds and fraction optional, then
 * `Z`, `UTC` or an offset (or nothing: see `toIsoTime`).
 */
const dateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?) ?(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i

/**
 * `value` as ISO 8601 with an offset (`2026-03-01T14:05:00Z`), or undefined
 * when it is no date and time. A time with no zone is read as UTC when
 * `zoneless` is 'utc' (Hugo's default, which cState's dates rely on), and is
 * no time otherwise.
 */
export function toIsoTime(value: unknown, zoneless: 'utc' | 'reject' = 'reject'): string | undefined {
  let text: string
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString()
  else if (typeof value === 'string') text = value.trim()
  else return undefined
  const match = dateTime.exec(text)
  if (!match) return undefined
  const [, day, time, zone] = match
  if (zone === undefined && zoneless === 'reject') return undefined
  const offset = zone === undefined || /^(?:Z|UTC|GMT)$/i.test(zone) ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone
  // Date.parse rolls 31 February over into March; a date that does not exist is no time.
  const [year, month, date] = day!.split('-').map(Number) as [number, number, number]
  if (new Date(Date.UTC(year, month - 1, date)).getUTCDate() !== date) return undefined
  const iso = `${day}T${time}${offset}`
  return Number.isNaN(Date.parse(iso)) ? undefined : iso
}

/** A required time field. */
export function timeField(value: unknown, where: string, zoneless: 'utc' | 'reject' = 'reject'): string {
  const iso = toIsoTime(value, zoneless)
  if (iso === undefined) {
    const expected = zoneless === 'utc' ? 'a date and time ("2026-03-01 14:05", UTC unless it names a zone)' : 'an ISO 8601 time with an offset ("2026-03-01T14:05:00Z")'
    fail(where, `expected ${expected}, got ${show(value)}`)
  }
  return iso
}

export function stringField(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(where, `expected text, got ${show(value)}`)
  return value
}

export function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number') return String(value)
  return stringField(value, where)
}

/** A list of names: strings, or objects with a `name` (Statuspage's components). */
export function nameList(value: unknown, where: string): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) fail(where, `expected a list, got ${show(value)}`)
  return value.map((item: unknown, index) => {
    if (typeof item === 'string') return item
    if (isRecord(item) && typeof item.name === 'string') return item.name
    return fail(`${where}[${index}]`, `expected a name, got ${show(item)}`)
  })
}

/** A phase as the data gives it (`Investigating`, `in_progress`, `In progress`), or undefined when it names none. */
export function phaseOf(value: string): Phase | undefined {
  const name = value.trim().toLowerCase().replace(/[\s-]+/g, '_')
  return isPhase(name) ? name : undefined
}
