/**
 * Reading incidents from text: which adapter applies, by the name's
 * extension and the data's shape, or as `from` says. One file gives any
 * number of incidents; a Markdown incident file gives one (or none, for a
 * page of another cState section).
 */
import {parse} from 'yaml'
import type {Incident} from '../types.ts'
import {fail, IncidentInputError} from './input.ts'
import {fromJsonLines, fromLiaisonData, isLiaisonShape} from './liaison-json.ts'
import {fromMarkdownIncident} from './markdown.ts'
import {fromStatuspage, isStatuspage} from './statuspage.ts'

export {IncidentInputError} from './input.ts'

/** The input shapes: Statuspage's API, cState-style Markdown files, liaison's own JSON/JSONL/YAML. */
export const incidentFormats = ['statuspage', 'cstate', 'json'] as const
export type IncidentFormat = (typeof incidentFormats)[number]

/** Extensions an incident source may have, by how they are read. */
export const incidentExtensions = {markdown: ['.md', '.markdown'], jsonLines: ['.jsonl', '.ndjson'], json: ['.json'], yaml: ['.yml', '.yaml']} as const

function extensionOf(name: string): string {
  const match = /\.[a-z]+$/i.exec(name)
  return match ? match[0].toLowerCase() : ''
}

function parseData(text: string, name: string, yaml: boolean): unknown {
  try {
    return yaml ? parse(text, {prettyErrors: false, maxAliasCount: 100}) : JSON.parse(text)
  } catch (error) {
    return fail(name, `not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message}`)
  }
}

function mismatch(name: string, from: IncidentFormat, found: string): never {
  throw new IncidentInputError(`${name}: --from ${from} was given, but this is ${found}`)
}

export interface ReadIncidents {
  format: IncidentFormat
  incidents: Incident[]
}

/**
 * The incidents in `text`, read as `from` says, or as its extension and
 * shape say. `name` names the source in errors and in each incident's
 * `source`. Throws an IncidentInputError naming the source and field.
 */
export function readIncidents(text: string, name: string, from?: IncidentFormat): ReadIncidents {
  const ext = extensionOf(name)
  if ((incidentExtensions.markdown as readonly string[]).includes(ext)) {
    if (from !== undefined && from !== 'cstate') mismatch(name, from, 'a Markdown file (--from cstate)')
    const incident = fromMarkdownIncident(text, name)
    return {format: 'cstate', incidents: incident ? [incident] : []}
  }
  if ((incidentExtensions.jsonLines as readonly string[]).includes(ext)) {
    if (from !== undefined && from !== 'json') mismatch(name, from, 'JSON Lines, liaison\'s own shape (--from json)')
    return {format: 'json', incidents: fromJsonLines(text, name)}
  }
  if (from === 'cstate') mismatch(name, from, `not a Markdown file (.md): cState keeps one Markdown file per incident`)
  return readIncidentData(parseData(text, name, (incidentExtensions.yaml as readonly string[]).includes(ext)), name, from)
}

/** The incidents in parsed JSON or YAML: Statuspage's shape or liaison's, as `from` says or the data shows. */
export function readIncidentData(data: unknown, name: string, from?: Exclude<IncidentFormat, 'cstate'>): ReadIncidents {
  const format = from ?? (isStatuspage(data) ? 'statuspage' : isLiaisonShape(data) ? 'json' : undefined)
  if (format === 'statuspage') return {format, incidents: fromStatuspage(data, name)}
  if (format === 'json') return {format, incidents: fromLiaisonData(data, name)}
  return fail(
    name,
    'no incidents found: expected Statuspage\'s {"incidents": [{"name", "incident_updates": [...]}]} (as /api/v2/incidents.json sends) or liaison\'s {"incidents": [{"title", "updates": [...]}]} (schemas/incidents.schema.json)',
  )
}
