/**
 * `lintIncident()`: lint a whole incident. Every message rule runs on each
 * update with the phase the data gives (never detected when the data says),
 * the title is linted as a headline, and the incident rules (scope
 * `incident`) run once over the updates in time order. One VFile per update,
 * positions inside its body; reports about the incident as a whole land on
 * the incident's own file, whose text is the title.
 */
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import type {Phase} from './analysis/phase.ts'
import {buildDoc} from './engine/doc.ts'
import type {IncidentView, UpdateView} from './engine/incident.ts'
import {parseInChunks} from './text/parse.ts'
import {checkPlaceholders} from './text/placeholders.ts'
import {ConfigError} from './core/options.ts'
import {createLinter} from './liaison.ts'
import type {LiaisonOptions, ResolvedSettings} from './settings.ts'
import {checkLintOptions, parse, processorCache} from './processors.ts'
import {checkIncident, offsetOf, parseTime} from './incident/check.ts'
import type {Incident, IncidentUpdate} from './incident/types.ts'

/**
 * Options of `lintIncident()`: the settings `lint()` takes (preset, rules,
 * channel, placeholders, vocabulary, plugins), and the time to judge the
 * incident at. No `phase` or `headline`: each update's phase comes from the
 * data, and the title is always a headline.
 */
export interface LintIncidentOptions extends Omit<LiaisonOptions, 'phase' | 'headline'> {
  /**
   * The time the incident is judged at (an unresolved incident's age is
   * measured to it): an ISO 8601 time with an offset, a Date or milliseconds.
   * Default: the current time.
   */
  now?: string | Date | number
}

/** What `lintIncident()` returns: the incident's own file (title and incident-level reports) and one file per update. */
export interface IncidentResult {
  /** The title, linted as a headline; reports about the incident as a whole (no update to point at) land here too. */
  incident: VFile
  /** One file per update, oldest first; `file.data.update` says which update it is. */
  updates: VFile[]
}

/** Which update a file holds, as `lintIncident()` sets it in `file.data.update`. */
export interface UpdateData {
  /** Position in the incident's `updates` list as given. */
  index: number
  id?: string
  createdAt: string
  status?: IncidentUpdate['status']
}

declare module 'vfile' {
  interface DataMap {
    /** The update a file holds (`lintIncident()`). */
    update: UpdateData
    /** The incident a title file holds (`lintIncident()`). */
    incident: Pick<Incident, 'id' | 'title' | 'url' | 'source'>
  }
}

const optionKeys = ['preset', 'rules', 'channel', 'placeholders', 'vocabulary', 'plugins', 'now']
const linterFor = processorCache(createLinter)

/** The options checked, and the settings they resolve to, as `lint()` resolves its own. */
function checkOptions(options: unknown): {now: LintIncidentOptions['now']; settings: ResolvedSettings} {
  if (options === undefined || options === null) return {now: undefined, settings: checkLintOptions(undefined).settings}
  if (typeof options !== 'object' || Array.isArray(options)) throw new ConfigError(`lintIncident: options must be an object, got ${JSON.stringify(options)}`)
  for (const key of Object.keys(options)) {
    if (!optionKeys.includes(key)) throw new ConfigError(`lintIncident: unknown option "${key}" (known options: ${optionKeys.join(', ')})`)
  }
  // `now` is lintIncident's own option; the others are lint()'s, checked and merged as lint() does.
  const {now, ...rest} = options as LintIncidentOptions
  return {now, settings: checkLintOptions(rest).settings}
}

function nowOf(now: LintIncidentOptions['now']): number {
  if (now === undefined) return Date.now()
  if (typeof now === 'number' && Number.isFinite(now)) return now
  if (now instanceof Date && !Number.isNaN(now.getTime())) return now.getTime()
  const parsed = typeof now === 'string' ? parseTime(now) : undefined
  if (parsed === undefined) {
    throw new ConfigError(`lintIncident: option "now" must be an ISO 8601 time with an offset ("2026-03-01T14:05:00Z"), a Date or milliseconds, got ${JSON.stringify(now)}`)
  }
  return parsed
}

/** A file and the doc every rule reads for it, built once: incident rules read the same docs as message rules. */
function prepare(text: string, placeholders: LiaisonOptions['placeholders'], phase?: Phase) {
  const file = new VFile({value: text})
  if (placeholders !== undefined) file.data.placeholders = placeholders
  // Before the doc is built: the doc takes a given phase instead of detecting one.
  if (phase) file.data.phase = phase
  const doc = buildDoc(file, parse)
  let tree: Root | undefined
  /* v8 ignore next -- @preserve no built-in rule reads the tree; a check still may, like any RuleContext */
  const getTree = () => (tree ??= parseInChunks(text, parse))
  return {file, doc, tree: getTree}
}

/** What a prepared incident linter returns: `lintIncident()`'s files, and the views incident rules read (each update's doc). */
export interface LintedIncident extends IncidentResult {
  /** The updates as incident rules saw them, oldest first (the same order as `updates`). */
  views: readonly UpdateView[]
}

/**
 * `lintIncident()` for many incidents under one set of options: the options
 * are checked, resolved and their linters built once, and `now` read once,
 * so every incident of an audit is judged at the same time. Throws a
 * ConfigError for bad options; the function it returns throws a TypeError
 * naming the field of a malformed incident.
 */
export function createIncidentLinter(options: LintIncidentOptions = {}): (incident: Incident) => LintedIncident {
  const {now, settings: {placeholders, ...settings}} = checkOptions(options)
  const checkedPlaceholders = placeholders === undefined ? undefined : checkPlaceholders(placeholders)
  const linter = linterFor(settings)
  const headlineLinter = linterFor({...settings, headline: true})
  const judgedAt = nowOf(now)
  return (incident) => {
    checkIncident(incident)
    const order = incident.updates.map((update, index) => ({update, index, time: parseTime(update.createdAt)!}))
    // Stable: updates posted in the same second keep the source's order.
    order.sort((a, b) => a.time - b.time)
    const updates: UpdateView[] = order.map(({update, index, time}) => {
      const {file, doc, tree} = prepare(update.body, checkedPlaceholders, update.status)
      file.data.update = {index, createdAt: update.createdAt, ...(update.id !== undefined && {id: update.id}), ...(update.status && {status: update.status})}
      linter.run(file, () => doc, tree)
      return {id: update.id, index, time, offset: offsetOf(update.createdAt), status: update.status, file, doc}
    })
    const title = prepare(incident.title, checkedPlaceholders)
    title.file.data.incident = {
      title: incident.title,
      ...(incident.id !== undefined && {id: incident.id}),
      ...(incident.url !== undefined && {url: incident.url}),
      ...(incident.source !== undefined && {source: incident.source}),
    }
    headlineLinter.run(title.file, () => title.doc, title.tree)
    const view: IncidentView = {
      title: incident.title,
      updates,
      startedAt: incident.startedAt === undefined ? undefined : parseTime(incident.startedAt),
      now: judgedAt,
    }
    linter.runIncident(view, title)
    return {incident: title.file, updates: updates.map((update) => update.file), views: updates}
  }
}

/**
 * Lint a whole incident. Throws a TypeError naming the field when the
 * incident is malformed, and a ConfigError for bad options, as `lint()` does.
 */
// Async though nothing in it waits, as lint() is: a promise is the API, so bad input rejects rather than throws.
// eslint-disable-next-line @typescript-eslint/require-await
export async function lintIncident(incident: Incident, options: LintIncidentOptions = {}): Promise<IncidentResult> {
  const {incident: title, updates} = createIncidentLinter(options)(incident)
  return {incident: title, updates}
}
