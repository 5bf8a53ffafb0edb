/**
 * Lints each incident of an audit: one file for the incident (its title,
 * and reports about the incident as a whole) and one per update, oldest
 * first, with the update it holds beside it. The options are checked and
 * the linters built once for the whole audit (createIncidentLinter), not once
 * per incident as lintIncident() must.
 */
import type {VFile} from 'vfile'
import {findPromises} from '../../analysis/time/promises.ts'
import {createIncidentLinter, type LintIncidentOptions} from '../../lint-incident.ts'
import type {Incident, IncidentUpdate} from '../../incident/types.ts'

/** Where an update promises the next one, as offsets in its body. */
export interface PromiseSpan {
  start: number
  end: number
}

export interface AuditedUpdate {
  update: IncidentUpdate
  file: VFile
  /** The update's promises of a next update, read from the doc its rules read; only when the audit asked for them (a report shows them). */
  promises?: PromiseSpan[]
}

export interface AuditedIncident {
  incident: Incident
  /** The incident's file: its title, linted as a headline, and incident-level reports. */
  title: VFile
  /** Oldest first. */
  updates: AuditedUpdate[]
}

export type AuditSettings = LintIncidentOptions

/** Audits one incident at a time with the same settings; `promises` also keeps each update's promise spans (for the report). */
export function createAuditor(settings: AuditSettings, {promises = false} = {}): (incident: Incident) => AuditedIncident {
  const lintOne = createIncidentLinter(settings)
  return (incident) => {
    const result = lintOne(incident)
    return {
      incident,
      title: result.incident,
      updates: result.views.map(({file, doc}) => ({
        update: incident.updates[file.data.update!.index]!,
        file,
        // Read now, while the doc is at hand: keeping every doc until the report is written would hold the whole history's parse.
        ...(promises && {promises: doc.sentences.flatMap((sentence) => findPromises(sentence)).map(({start, end}) => ({start, end}))}),
      })),
    }
  }
}
