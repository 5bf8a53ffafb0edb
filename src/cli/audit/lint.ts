/**
 * Lints each incident of an audit with `lintIncident()`: one file for the
 * incident (its title, and reports about the incident as a whole) and one
 * per update, oldest first, with the update it holds beside it.
 */
import type {VFile} from 'vfile'
import {lintIncident, type LintIncidentOptions} from '../../lint-incident.ts'
import type {Incident, IncidentUpdate} from '../../incident/types.ts'

export interface AuditedUpdate {
  update: IncidentUpdate
  file: VFile
}

export interface AuditedIncident {
  incident: Incident
  /** The incident's file: its title, linted as a headline, and incident-level reports. */
  title: VFile
  /** Oldest first. */
  updates: AuditedUpdate[]
}

export type AuditSettings = LintIncidentOptions

export async function auditIncident(incident: Incident, settings: AuditSettings): Promise<AuditedIncident> {
  const result = await lintIncident(incident, settings)
  return {
    incident,
    title: result.incident,
    updates: result.updates.map((file) => ({update: incident.updates[file.data.update!.index]!, file})),
  }
}
