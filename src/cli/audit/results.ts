/**
 * An audit's results in the shape every formatter reads: one result per
 * incident (its title and incident-level reports) and one per update, named
 * `<source>#<incident>` and `<source>#<incident>/<update>`, by the ids the
 * source gives, else by position (1-based, updates oldest first).
 */
import {type LintResult, toResult} from '../results.ts'
import type {AuditedIncident} from './lint.ts'

/** An incident's name in results: its source, then its id or its position in that source. */
export function incidentPath(audited: AuditedIncident, position: number): string {
  const {incident} = audited
  return `${incident.source ?? '<incidents>'}#${incident.id ?? position}`
}

export function updatePath(incidentName: string, audited: AuditedIncident, index: number): string {
  return `${incidentName}/${audited.updates[index]!.update.id ?? index + 1}`
}

/** Results for every incident and update, in the order given (updates oldest first). */
export function auditResults(audited: readonly AuditedIncident[]): LintResult[] {
  const positions = new Map<string | undefined, number>()
  const results: LintResult[] = []
  for (const item of audited) {
    const position = (positions.get(item.incident.source) ?? 0) + 1
    positions.set(item.incident.source, position)
    const name = incidentPath(item, position)
    results.push(toResult(name, item.title))
    item.updates.forEach(({file}, index) => results.push(toResult(updatePath(name, item, index), file)))
  }
  return results
}
