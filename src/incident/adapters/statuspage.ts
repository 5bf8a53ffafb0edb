/**
 * Atlassian Statuspage: the public API's `/api/v2/incidents.json` (and
 * `/api/v2/scheduled-maintenances.json`), a saved copy of either, or an
 * export that keeps the same incident objects in a list. Each incident has
 * `name`, `impact`, `started_at`, `components` and `incident_updates[]`; each
 * update has `status`, `body` and `created_at`.
 *
 * Update statuses are the phases liaison knows, plus `postmortem`, which is
 * no phase of the incident (a write-up posted after it): such an update is
 * kept, with no status, so the phase is read from its wording.
 */
import type {Incident, IncidentUpdate} from '../types.ts'
import {fail, isRecord, nameList, optionalString, phaseOf, show, stringField, timeField} from './input.ts'

/** Statuspage statuses that are no phase, kept without one. */
const statusesWithoutPhase = new Set(['postmortem'])

/** The incident objects of a Statuspage document, with where they sit, or undefined when it is not one. */
function incidentList(data: unknown): {list: unknown[]; path: string} | undefined {
  if (Array.isArray(data)) return data.some(hasUpdates) ? {list: data, path: ''} : undefined
  if (!isRecord(data)) return undefined
  for (const key of ['incidents', 'scheduled_maintenances']) {
    if (Array.isArray(data[key])) return {list: data[key], path: key}
  }
  // `/api/v2/incidents/<id>.json` and the like: one incident, under `incident` or bare.
  if (isRecord(data.incident)) return {list: [data.incident], path: 'incident'}
  if (hasUpdates(data)) return {list: [data], path: ''}
  return undefined
}

function hasUpdates(value: unknown): boolean {
  return isRecord(value) && Array.isArray(value.incident_updates)
}

/** Whether `data` is in Statuspage's shape (snake_case `incident_updates`), for detection. */
export function isStatuspage(data: unknown): boolean {
  const found = incidentList(data)
  if (!found) return false
  return found.list.length === 0 ? isRecord(data) && isRecord(data.page) : found.list.some(hasUpdates)
}

function readUpdate(value: unknown, where: string): IncidentUpdate {
  if (!isRecord(value)) fail(where, `expected an update object, got ${show(value)}`)
  const status = stringField(value.status, `${where}.status`)
  const phase = phaseOf(status)
  if (!phase && !statusesWithoutPhase.has(status)) {
    fail(`${where}.status`, `${show(status)} is no Statuspage status (investigating, identified, monitoring, resolved, postmortem, scheduled, in_progress, verifying, completed)`)
  }
  const id = optionalString(value.id, `${where}.id`)
  return {
    ...(id !== undefined && {id}),
    // Statuspage sends null for an update posted with no text.
    body: value.body === null ? '' : stringField(value.body, `${where}.body`),
    ...(phase && {status: phase}),
    createdAt: timeField(value.created_at, `${where}.created_at`),
  }
}

function readIncident(value: unknown, where: string, source: string): Incident {
  if (!isRecord(value)) fail(where, `expected an incident object, got ${show(value)}`)
  const updates = value.incident_updates
  if (!Array.isArray(updates)) fail(`${where}.incident_updates`, `expected a list of updates, got ${show(updates)}`)
  const id = optionalString(value.id, `${where}.id`)
  const url = optionalString(value.shortlink, `${where}.shortlink`)
  const impact = optionalString(value.impact, `${where}.impact`)
  const components = nameList(value.components, `${where}.components`)
  const started = value.started_at ?? value.scheduled_for
  return {
    ...(id !== undefined && {id}),
    title: stringField(value.name, `${where}.name`),
    ...(url !== undefined && {url}),
    ...(impact !== undefined && {impact}),
    ...(components && components.length > 0 && {components}),
    ...(started !== undefined && started !== null && {startedAt: timeField(started, `${where}.${value.started_at == null ? 'scheduled_for' : 'started_at'}`)}),
    updates: updates.map((update: unknown, index) => readUpdate(update, `${where}.incident_updates[${index}]`)),
    source,
  }
}

/** The incidents of a Statuspage document; `source` names it in errors and reports. */
export function fromStatuspage(data: unknown, source: string): Incident[] {
  const found = incidentList(data)
  if (!found) {
    fail(source, 'not in Statuspage\'s shape: expected {"incidents": [...]} (as /api/v2/incidents.json sends), a list of incidents, or one incident, each with "incident_updates"')
  }
  const prefix = `${source}: ${found.path}`
  return found.list.map((incident, index) => readIncident(incident, found.path === 'incident' ? prefix : `${prefix}[${index}]`, source))
}
