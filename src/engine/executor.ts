/**
 * The one way a rule runs. A rule plugin (`defineRule`), the `liaison` plugin
 * and `lint()` all configure rules here and run them with `runRules`, so
 * configuration, the shared doc, reporting, stamping, sorting and failure
 * are the same whichever way a rule is used.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {compareMessage} from 'vfile-sort'
import {parseSetting} from '../core/severity.ts'
import {resolveOptions} from '../core/options.ts'
import {type LanguageCode, readsLanguage} from '../analysis/language.ts'
import {emit, type Report} from './report.ts'
import {noteSkipped} from './skipped-note.ts'
import type {Doc} from './doc.ts'
import type {IncidentView} from './incident.ts'
import {type RuleContext, type RuleDefinition, type RuleScope, ruleUrl, source} from './rule.ts'

type Check = (context: RuleContext) => void

/** A rule switched on: severity and options validated, check compiled. What runs for each file. */
export interface ConfiguredRule {
  readonly id: string
  readonly severity: 1 | 2
  /** Stamped on every message (RuleDefinition.url). */
  readonly url: string | undefined
  /** The languages the rule reads (`RuleDefinition.languages`). */
  readonly languages: readonly LanguageCode[] | undefined
  readonly scope: RuleScope
  /** Runs the check over one file; reports become messages, not yet stamped. */
  run(file: VFile, doc: Doc, tree: () => Root): void
  /** Runs an incident rule once over a whole incident; `title` is the incident's title file. */
  runIncident(incident: IncidentView, title: TitleInput): void
}

/** The incident's title, linted as a headline: incident-level reports land on it. */
export interface TitleInput {
  file: VFile
  doc: Doc
  tree: () => Root
}

/** `.use(rule, {…})` is options at the default severity; everything else is ESLint-style. Undefined when off. */
export function configureRule(definition: RuleDefinition, setting: unknown): ConfiguredRule | undefined {
  const {id, messages, note} = definition
  const isOptions = setting !== null && typeof setting === 'object' && !Array.isArray(setting)
  const {severity, options} = isOptions
    ? {severity: parseSetting(id, definition.severity).severity, options: setting}
    : parseSetting(id, setting ?? definition.severity)
  if (severity === 0) return undefined
  const check: Check = definition.create(resolveOptions(id, definition.options, options))
  return {
    id,
    severity,
    url: ruleUrl(definition),
    languages: definition.languages,
    scope: definition.scope ?? 'any',
    run(file, doc, tree) {
      check(new Context(file, doc, tree, (r) => emit(file, doc, id, messages, note, r)))
    },
    runIncident(incident, title) {
      const route = (r: Report) => {
        if (r.update === undefined) {
          emit(title.file, title.doc, id, messages, note, r)
          return
        }
        const target = incident.updates[r.update]
        if (!target) throw new Error(`Rule "${id}": report names update ${r.update}, but the incident has ${incident.updates.length}`)
        emit(target.file, target.doc, id, messages, note, r)
      }
      check(new Context(title.file, title.doc, title.tree, route, incident))
    },
  }
}

/** What a check gets for one file. A class, not an object literal: V8 takes about a microsecond to build a literal with a getter. */
class Context implements RuleContext {
  readonly file: VFile
  readonly doc: Doc
  readonly report: (report: Report) => void
  readonly incident: IncidentView | undefined
  readonly #tree: () => Root

  constructor(file: VFile, doc: Doc, tree: () => Root, report: (report: Report) => void, incident?: IncidentView) {
    this.file = file
    this.doc = doc
    this.#tree = tree
    this.report = report
    this.incident = incident
  }

  /** A getter: `lint()` only builds the whole tree for a rule that asks for it. */
  get tree(): Root {
    return this.#tree()
  }
}

/** A rule's exception fails the run, naming the rule. */
function failure(id: string, crash: unknown): Error {
  return crash instanceof Error
    ? Object.assign(crash, {message: `Rule "${id}" failed: ${crash.message}`})
    : new Error(`Rule "${id}" failed: ${String(crash)}`)
}

/**
 * Run configured rules over one file, sharing one doc, in one synchronous
 * loop. Each rule's new messages are stamped (`fatal`, `ruleId`, `source`,
 * `url`, as unified-lint-rule would) and all are sorted once at the end. A
 * rule that throws fails the run, naming the rule, and the rules after it do
 * not run (unified-lint-rule would turn the exception into a message). A
 * rule that reads other languages than the message's is skipped, and the
 * file gets one note that says so (skipped-note.ts).
 */
export function runRules(rules: readonly ConfiguredRule[], file: VFile, doc: () => Doc, tree: () => Root): void {
  let shared: Doc | undefined
  const skipped: string[] = []
  for (const rule of rules) {
    const from = file.messages.length
    let crash: unknown
    try {
      shared ??= doc()
      if (!readsLanguage(rule.languages, shared.language)) {
        skipped.push(rule.id)
        continue
      }
      rule.run(file, shared, tree)
    } catch (error) {
      crash = error
    }
    stampFrom(file, from, rule)
    if (crash !== undefined) {
      file.messages.sort(compareMessage)
      throw failure(rule.id, crash)
    }
  }
  if (skipped.length > 0) noteSkipped(file, shared!.language, skipped)
  if (rules.length > 0) file.messages.sort(compareMessage)
}

/** Stamp the messages `rule` added to `file` after the first `from`. */
function stampFrom(file: VFile, from: number, rule: ConfiguredRule): void {
  const stamp = {fatal: rule.severity === 2, ruleId: rule.id, source, url: rule.url}
  for (let index = from; index < file.messages.length; index++) Object.assign(file.messages[index]!, stamp)
}

/**
 * Run incident rules once over a whole incident: the same stamping, sorting
 * and failure as `runRules`, over every file a rule may report into (each
 * update's and the title's). Incident rules read the data (times, statuses)
 * and the docs' words; a rule that reads wording leaves an update in another
 * language alone itself (see `readsUpdate`), so no language is skipped here.
 */
export function runIncidentRules(rules: readonly ConfiguredRule[], incident: IncidentView, title: TitleInput): void {
  if (rules.length === 0) return
  const files = [title.file, ...incident.updates.map((update) => update.file)]
  for (const rule of rules) {
    const from = files.map((file) => file.messages.length)
    let crash: unknown
    try {
      rule.runIncident(incident, title)
    } catch (error) {
      crash = error
    }
    files.forEach((file, index) => stampFrom(file, from[index]!, rule))
    if (crash !== undefined) {
      for (const file of files) file.messages.sort(compareMessage)
      throw failure(rule.id, crash)
    }
  }
  for (const file of files) file.messages.sort(compareMessage)
}
