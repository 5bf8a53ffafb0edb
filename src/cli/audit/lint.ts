/**
 * Lints each incident of an audit: one file for the incident (its title,
 * and reports about the incident as a whole) and one per update, oldest
 * first, with the update it holds beside it.
 */
import type {VFile} from 'vfile'
import {lint} from '../../lint.ts'
import type {LiaisonOptions} from '../../liaison.ts'
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

export type AuditSettings = Pick<LiaisonOptions, 'preset' | 'rules' | 'placeholders'> & {now?: string}

/** The updates oldest first; updates posted in the same second keep the source's order. */
export function inTimeOrder(updates: readonly IncidentUpdate[]): IncidentUpdate[] {
  return updates
    .map((update, index) => ({update, index, time: Date.parse(update.createdAt)}))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({update}) => update)
}

export async function auditIncident(incident: Incident, settings: AuditSettings): Promise<AuditedIncident> {
  const {now, ...options} = settings
  const updates: AuditedUpdate[] = []
  for (const update of inTimeOrder(incident.updates)) {
    updates.push({update, file: await lint(update.body, {...options, ...(update.status && {phase: update.status})})})
  }
  return {incident, title: await lint(incident.title, {...options, headline: true}), updates}
}
