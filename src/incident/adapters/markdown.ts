/**
 * Status sites that keep one Markdown file per incident, with front matter:
 * cState (Hugo: `content/issues/*.md`) and sites in the same style, such as
 * Upptime-like Jekyll or Hugo pages.
 *
 * Front matter: `title` and `date` (required); `severity` or `impact`,
 * `affected` or `components`, `id`, and `section` (cState: `issue`; a file
 * of another section is not an incident). Updates in the body, two ways:
 *
 * - cState: each update ends with `{{< track "2018-05-25 04:40:00" >}}` and
 *   may start with its phase, `*Monitoring* -`.
 * - Headings: each update starts with a heading that gives its time, and
 *   may give its phase: `## Monitoring · 2018-05-25 04:40 UTC`.
 *
 * A body with neither is one update, posted at `date`. Times without a zone
 * are UTC, as Hugo reads them. Update bodies keep their Markdown.
 */
import {parse} from 'yaml'
import {findFrontMatter} from '../../templates/front-matter.ts'
import type {Incident, IncidentUpdate} from '../types.ts'
import {fail, isRecord, nameList, optionalString, phaseOf, show, stringField, timeField, toIsoTime} from './input.ts'

/** cState's severities as Statuspage's impact levels, so reports show one scale. */
const impactOfSeverity: Readonly<Record<string, string>> = {down: 'major', disrupted: 'minor', notice: 'none'}

const track = /\{\{<\s*track\s+"([^"]*)"\s*>\}\}/g
/** `*Monitoring* -` or `**Resolved** —` at the start of an update. */
const leadingPhase = /^[*_]{1,2}([a-z][a-z ]*)[*_]{1,2} *[-\u2013\u2014:]\s*/i
const heading = /^#{1,6}[ \t]+(\S.*)$/gm

function splitTracked(body: string, where: string): IncidentUpdate[] | undefined {
  const updates: IncidentUpdate[] = []
  let start = 0
  for (const match of body.matchAll(track)) {
    let text = body.slice(start, match.index).trim()
    start = match.index + match[0].length
    const phaseMatch = leadingPhase.exec(text)
    const status = phaseMatch ? phaseOf(phaseMatch[1]!) : undefined
    if (phaseMatch && status) text = text.slice(phaseMatch[0].length)
    updates.push({body: text, ...(status && {status}), createdAt: timeField(match[1], `${where}: track "${match[1]}"`, 'utc')})
  }
  if (updates.length === 0) return undefined
  if (body.slice(start).trim() !== '') fail(where, `text after the last {{< track >}} belongs to no update: ${show(body.slice(start).trim())}`)
  return updates
}

/** A heading's time, and its phase when one of its words names one. */
function readHeading(text: string): {createdAt: string; status?: IncidentUpdate['status']} | undefined {
  const time = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?/i.exec(text)
  const createdAt = time ? toIsoTime(time[0], 'utc') : undefined
  if (!createdAt) return undefined
  const words = text.replace(time![0], ' ').split(/[^A-Z_]+/i)
  const status = words.map(phaseOf).find((phase) => phase !== undefined)
  return {createdAt, ...(status && {status})}
}

function splitHeadings(body: string): IncidentUpdate[] | undefined {
  const starts = [...body.matchAll(heading)].flatMap((match) => {
    const read = readHeading(match[1]!)
    return read ? [{...read, from: match.index, to: match.index + match[0].length}] : []
  })
  if (starts.length === 0) return undefined
  return starts.map((start, index) => ({
    body: body.slice(start.to, starts[index + 1]?.from ?? body.length).trim(),
    ...(start.status && {status: start.status}),
    createdAt: start.createdAt,
  }))
}

/**
 * One incident file. Returns undefined for a file of another cState section
 * (a page, a changelog entry), which is no incident.
 */
export function fromMarkdownIncident(text: string, source: string): Incident | undefined {
  const found = findFrontMatter(text)
  if (!found) fail(source, 'no front matter: an incident file starts with "---", then title and date, then "---"')
  let data: unknown
  try {
    data = parse(text.slice(...found.yaml), {prettyErrors: false, maxAliasCount: 100})
  } catch (error) {
    fail(source, `front matter is not valid YAML: ${(error as Error).message}`)
  }
  if (!isRecord(data)) fail(source, `front matter must be a mapping of fields, got ${show(data)}`)
  const section = optionalString(data.section, `${source}: section`)
  if (section !== undefined && section !== 'issue') return undefined
  const where = (field: string) => `${source}: ${field}`
  const title = stringField(data.title, where('title'))
  const date = timeField(data.date, where('date'), 'utc')
  const body = text.slice(found.body)
  const updates = splitTracked(body, source) ?? splitHeadings(body) ?? (body.trim() === '' ? [] : [{body: body.trim(), createdAt: date}])
  const severity = optionalString(data.severity ?? data.impact, where(data.severity === undefined ? 'impact' : 'severity'))
  const impact = severity === undefined ? undefined : (impactOfSeverity[severity] ?? severity)
  const components = nameList(data.affected ?? data.components, where(data.affected === undefined ? 'components' : 'affected'))
  const id = optionalString(data.id, where('id')) ?? source.replace(/^.*[\\/]/, '').replace(/\.(?:md|markdown)$/i, '')
  return {
    id,
    title,
    ...(impact !== undefined && {impact}),
    ...(components && components.length > 0 && {components}),
    startedAt: date,
    updates,
    source,
  }
}
