/**
 * The incident shape checked at the door: adapters produce it, but callers of
 * `lintIncident()` may build it by hand, and a wrong field must be named, not
 * crash a rule three layers down.
 */
import {isPhase, phaseNames} from '../analysis/phase.ts'
import type {Incident} from './types.ts'

/** ISO 8601 date and time with seconds optional and an offset required: without one, "14:05" means nothing. */
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i

/** Milliseconds since the epoch, or undefined when `value` is not an ISO 8601 time with an offset. */
export function parseTime(value: string): number | undefined {
  if (!isoTime.test(value)) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}

/** Minutes east of UTC of a time `parseTime` accepts: "Z" is 0, "-07:00" is -420. */
export function offsetOf(value: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(value)
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
}

function fail(problem: string): never {
  throw new TypeError(`lintIncident: ${problem}`)
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value)
}

function checkTime(value: unknown, field: string): void {
  if (typeof value !== 'string' || parseTime(value) === undefined) {
    fail(`${field} must be an ISO 8601 time with an offset ("2026-03-01T14:05:00Z"), got ${show(value)}`)
  }
}

function checkOptionalString(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== 'string') fail(`${field} must be a string when given, got ${show(value)}`)
}

/** Throws a TypeError naming the first field that does not fit the Incident shape. */
export function checkIncident(incident: unknown): asserts incident is Incident {
  if (incident === null || typeof incident !== 'object' || Array.isArray(incident)) fail(`expected an incident object, got ${show(incident)}`)
  const record = incident as Record<string, unknown>
  if (typeof record.title !== 'string') fail(`incident "title" must be a string, got ${show(record.title)}`)
  for (const key of ['id', 'url', 'impact', 'source']) checkOptionalString(record[key], `incident "${key}"`)
  if (record.startedAt !== undefined) checkTime(record.startedAt, 'incident "startedAt"')
  if (record.components !== undefined && (!Array.isArray(record.components) || !record.components.every((name) => typeof name === 'string'))) {
    fail(`incident "components" must be a list of strings, got ${show(record.components)}`)
  }
  if (!Array.isArray(record.updates)) fail(`incident "updates" must be a list, got ${show(record.updates)}`)
  record.updates.forEach((update: unknown, index) => {
    const where = `updates[${index}]`
    if (update === null || typeof update !== 'object' || Array.isArray(update)) fail(`${where} must be an object, got ${show(update)}`)
    const fields = update as Record<string, unknown>
    if (typeof fields.body !== 'string') fail(`${where}.body must be a string, got ${show(fields.body)}`)
    checkTime(fields.createdAt, `${where}.createdAt`)
    checkOptionalString(fields.id, `${where}.id`)
    if (fields.status !== undefined && !isPhase(fields.status)) fail(`${where}.status must be one of ${phaseNames.join(', ')}, got ${show(fields.status)}`)
  })
}
