/**
 * liaison's own incident shape, for histories kept anywhere else (a
 * spreadsheet export, an in-house tool): JSON, JSON Lines (one incident per
 * line) or YAML, in the fields of `Incident`. The JSON Schema is
 * schemas/incidents.schema.json; this module checks the same rules by hand,
 * so a wrong field is named with its path, and test/incident/schema.test.ts
 * holds the two to agreement.
 *
 * A document is `{"incidents": [...]}`, a list of incidents, or one incident.
 */
import {isPhase, phaseNames} from '../../analysis/phase.ts'
import {closest} from '../../core/did-you-mean.ts'
import type {Incident, IncidentUpdate} from '../types.ts'
import {fail, isRecord, optionalString, show, stringField, timeField} from './input.ts'

const documentKeys = ['$schema', 'incidents']
const incidentKeys = ['id', 'title', 'url', 'impact', 'components', 'startedAt', 'updates']
const updateKeys = ['id', 'body', 'status', 'createdAt']

function checkKeys(value: Record<string, unknown>, known: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue
    const guess = closest(key, known)
    fail(where, `unknown field ${show(key)}${guess ? ` (did you mean ${show(guess)}?)` : ''}; the fields are ${known.join(', ')}`)
  }
}

function readUpdate(value: unknown, where: string): IncidentUpdate {
  if (!isRecord(value)) fail(where, `expected an update object, got ${show(value)}`)
  checkKeys(value, updateKeys, where)
  const id = optionalString(value.id, `${where}.id`)
  const {status} = value
  if (status !== undefined && !isPhase(status)) fail(`${where}.status`, `expected one of ${phaseNames.join(', ')}, got ${show(status)}`)
  return {
    ...(id !== undefined && {id}),
    body: stringField(value.body, `${where}.body`),
    ...(status && {status}),
    createdAt: timeField(value.createdAt, `${where}.createdAt`),
  }
}

function readIncident(value: unknown, where: string, source: string): Incident {
  if (!isRecord(value)) fail(where, `expected an incident object, got ${show(value)}`)
  checkKeys(value, incidentKeys, where)
  const {components, updates, startedAt} = value
  if (!Array.isArray(updates)) fail(`${where}.updates`, `expected a list of updates, got ${show(updates)}`)
  if (components !== undefined && !(Array.isArray(components) && components.every((name) => typeof name === 'string'))) {
    fail(`${where}.components`, `expected a list of names, got ${show(components)}`)
  }
  const id = optionalString(value.id, `${where}.id`)
  const url = optionalString(value.url, `${where}.url`)
  const impact = optionalString(value.impact, `${where}.impact`)
  return {
    ...(id !== undefined && {id}),
    title: stringField(value.title, `${where}.title`),
    ...(url !== undefined && {url}),
    ...(impact !== undefined && {impact}),
    ...(components !== undefined && {components}),
    ...(startedAt !== undefined && {startedAt: timeField(startedAt, `${where}.startedAt`)}),
    updates: updates.map((update: unknown, index) => readUpdate(update, `${where}.updates[${index}]`)),
    source,
  }
}

/** Whether `data` is in liaison's shape (camelCase `updates`), for detection. */
export function isLiaisonShape(data: unknown): boolean {
  if (Array.isArray(data)) return data.length > 0 && data.every((item) => isRecord(item) && 'updates' in item)
  if (!isRecord(data)) return false
  return 'incidents' in data || 'updates' in data
}

/** The incidents of a parsed document (JSON or YAML); `source` names it in errors and reports. */
export function fromLiaisonData(data: unknown, source: string): Incident[] {
  if (Array.isArray(data)) return data.map((incident, index) => readIncident(incident, `${source}: [${index}]`, source))
  if (isRecord(data) && 'incidents' in data) {
    checkKeys(data, documentKeys, source)
    if (!Array.isArray(data.incidents)) fail(`${source}: incidents`, `expected a list of incidents, got ${show(data.incidents)}`)
    return data.incidents.map((incident, index) => readIncident(incident, `${source}: incidents[${index}]`, source))
  }
  if (isRecord(data) && 'updates' in data) return [readIncident(data, `${source}: incident`, source)]
  return fail(source, 'not in liaison\'s incident shape: expected {"incidents": [...]}, a list of incidents, or one incident, each with "title" and "updates" (see schemas/incidents.schema.json)')
}

/** JSON Lines: one incident per line; blank lines are skipped. */
export function fromJsonLines(text: string, source: string): Incident[] {
  const incidents: Incident[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let data: unknown
    try {
      data = JSON.parse(line)
    } catch (error) {
      fail(`${source}:${index + 1}`, `not valid JSON: ${(error as Error).message}`)
    }
    incidents.push(readIncident(data, `${source}:${index + 1}: incident`, source))
  })
  return incidents
}
