/**
 * Linting one file of any kind: every message in it on its own (see
 * src/templates/extract.ts for what a message is), each with the settings
 * its template carries, and every report moved back to its place in the file.
 *
 * Per message, over the run's settings:
 * - its field's rules (`templates.fields` in the config); a `title` is a
 *   headline, so rules whose scope is `message` (they need a whole update:
 *   require-impact, require-next-update) do not run on it;
 * - its `channel` (front matter or template) for every rule with a `channel`
 *   option, unless `--channel` was given; a configured `limit` belonged to
 *   the configured channel, so it is dropped when the channel changes;
 * - its `phase` as the phase every rule sees;
 * - its placeholder widths over the config's.
 *
 * A plain .md or .txt file without front matter is linted as it is.
 */
import {type VFile, VFile as File} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'
import type {LintOptions} from '../lint.ts'
import type {RulesConfig} from '../presets.ts'
import {resolveSettings, type SettingsLayer} from '../settings.ts'
import type {TemplateMessage} from '../templates/extract.ts'
import {findFrontMatter} from '../templates/front-matter.ts'
import {lint} from '../lint.ts'
import {CliError, NotTemplatesError} from './errors.ts'
import type {FileKind} from './kinds.ts'
import {channelOf, isHeadlineFile} from './channels.ts'
import type {Channel} from '../analysis/length.ts'

export interface TemplatesConfig {
  /** The keys whose values are messages, each with rule settings applied over the file's for that field only. */
  fields: Record<string, RulesConfig>
}

export const defaultTemplatesConfig: TemplatesConfig = {
  fields: {title: {}, body: {}},
}

/** In Statuspage's shape (and front matter), a template's `title` is its headline. */
const headlineField = 'title'

export interface FileLintOptions extends LintOptions {
  templates?: TemplatesConfig
  /** The channel given with `--channel`: it wins over a template's own. */
  channelFlag?: string
  /** The file's path from where its templates live (its config's folder): its name and folders may name a channel (channels.ts). */
  channelPath?: string
  /** How errors name the file (a path relative to the working directory). */
  label?: string
}

/** A template's channel: a `limit` configured with another channel belonged to that one (see src/settings.ts). */
function channelLayer(channel: Channel | undefined): SettingsLayer | undefined {
  return channel === undefined ? undefined : {channel, channelOwnsLimit: true}
}

/** Whether the settings chose a channel (a block's or the config's `channel`, a rule option, `--channel`), rather than max-length's default. */
function configuredChannel(base: LintOptions): boolean {
  if (base.channel !== undefined) return true
  const setting = base.rules?.['max-length']
  return Array.isArray(setting) && (setting[1] as {channel?: unknown} | undefined)?.channel !== undefined
}

/**
 * A message's channel, most specific first: `--channel` (applied by the
 * caller); the template's own `channel`; the config (a block's `channel`,
 * the config's, or max-length's option: what a team says beats what a name
 * suggests); the file's name or folder (`tweets/`, `*.email.md`); and for a
 * template (a collection, or a file with front matter) without any of
 * these, `statuspage`: templates are status-page posts unless something says
 * otherwise, and Twitter's 280 is no default for them. `undefined` keeps the
 * settings as they are.
 */
function channelFor(message: TemplateMessage | undefined, base: LintOptions, inferred: Channel | undefined): Channel | undefined {
  if (message?.channel) return message.channel
  if (configuredChannel(base)) return undefined
  return inferred ?? (message ? 'statuspage' : undefined)
}

/** The run's settings, then the field's rules, the template's channel, and its phase, headline and placeholder widths. */
function optionsFor(base: LintOptions, message: TemplateMessage, templates: TemplatesConfig, channel: Channel | undefined): LintOptions {
  const resolved = resolveSettings([
    base,
    {rules: templates.fields[message.field] ?? {}},
    channelLayer(channel),
    {
      phase: message.phase,
      ...(message.field === headlineField ? {headline: true} : {}),
      ...(message.widths ? {placeholders: {widths: message.widths}} : {}),
    },
  ])
  return {...resolved, path: base.path}
}

/** Plain text is linted here; Markdown loads remark, only when a run has Markdown. */
async function linter(markdown: boolean): Promise<(text: string, options: LintOptions) => Promise<VFile>> {
  return markdown ? (await import('../markdown.ts')).lintMarkdown : lint
}

/** Moves a report on `message` to its place in the whole file. */
function remap(problem: VFileMessage, message: TemplateMessage, source: string, place: ReturnType<typeof location>): void {
  const {start, end} = problem.place as {start: {offset?: number}; end: {offset?: number}}
  // Every report carries offsets: rules report them, and remark positions have them.
  const from = message.toSource(start.offset!, 'start')
  const to = message.toSource(end.offset!, 'end')
  const startPoint: {line: number; column: number; offset?: number} = {...place.toPoint(from)!, offset: from}
  const endPoint: {line: number; column: number; offset?: number} = {...place.toPoint(to)!, offset: to}
  // A suggestion replaces source text; where the source is written differently (escapes, folded lines), it cannot.
  if (problem.expected?.length && source.slice(from, to) !== problem.actual) {
    delete startPoint.offset
    delete endPoint.offset
  }
  problem.place = {start: startPoint, end: endPoint}
  problem.line = startPoint.line
  problem.column = startPoint.column
}

/** `read()`'s result, or a CliError naming the file, line and column of its TemplateError (`shift`: where what it read starts). */
async function reportTemplateErrors<T>(text: string, label: string, read: () => Promise<T>, shift = 0): Promise<T> {
  const {TemplateError} = await import('../templates/extract.ts')
  try {
    return await read()
  } catch (error) {
    /* v8 ignore next -- @preserve extraction throws nothing but TemplateError */
    if (!(error instanceof TemplateError)) throw error
    // Offsets lie within the file (its end included), where vfile-location always has a point.
    const {line, column} = location(text).toPoint(Math.min(text.length, shift + error.offset))!
    throw new (error.notACollection ? NotTemplatesError : CliError)(`${label}:${line}:${column}: ${error.message}`)
  }
}

export async function lintFile(kind: FileKind, text: string, options: FileLintOptions): Promise<VFile> {
  const {templates = defaultTemplatesConfig, channelFlag, channelPath, label = options.path ?? '<text>', ...rest} = options
  // "subject-line.txt": every message in it is a headline, as a template's title is.
  const base: LintOptions = channelPath !== undefined && isHeadlineFile(channelPath) ? {...rest, headline: true} : rest
  if (kind === 'mdx') {
    // MDX syntax is blanked out, offsets kept, and the rest is Markdown (src/templates/mdx.ts, loaded only for .mdx).
    const {blankMdx} = await import('../templates/mdx.ts')
    const body = findFrontMatter(text)?.body ?? 0
    const prose = await reportTemplateErrors(text, label, async () => text.slice(0, body) + (await blankMdx(text.slice(body))), body)
    return lintFile('markdown', prose, options)
  }
  const markdown = kind === 'markdown'
  const inferred = channelFlag === undefined && channelPath !== undefined ? channelOf(channelPath) : undefined
  if ((markdown || kind === 'text') && !findFrontMatter(text)) {
    const channel = channelFlag === undefined ? channelFor(undefined, base, inferred) : undefined
    return (await linter(markdown))(text, channel ? {...resolveSettings([base, channelLayer(channel)]), path: base.path} : base)
  }
  const fields = Object.keys(templates.fields)
  const {extractCollection, extractDocument} = await import('../templates/extract.ts')
  const messages = await reportTemplateErrors(text, label, () =>
    kind === 'yaml' || kind === 'json' ? extractCollection(text, kind, fields) : extractDocument(text, markdown, fields),
  )
  const file = new File({value: text, path: base.path})
  const place = location(file)
  const seen = new Set<string>()
  for (const message of messages) {
    const channel = channelFlag === undefined ? channelFor(message, base, inferred) : undefined
    const linted = await (await linter(message.markdown))(message.text, optionsFor(base, message, templates, channel))
    for (const problem of linted.messages) {
      remap(problem, message, text, place)
      // A template reused through a YAML alias would report the same place twice.
      const key = JSON.stringify([problem.ruleId, problem.place, problem.reason])
      if (seen.has(key)) continue
      seen.add(key)
      file.messages.push(problem)
    }
  }
  file.messages.sort(compareMessage)
  return file
}
