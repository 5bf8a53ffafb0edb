/**
 * The one way a rule becomes a retext plugin.
 *
 * A rule declares what it looks for; the engine does the rest the same way
 * for every rule: configuration (severity + options, validated once per
 * processor), the shared doc walk, reporting, and stamping each message with
 * `ruleId`, `source: 'liaison'`, `url` and `fatal` (via unified-lint-rule for a
 * rule used on its own; `runRules` stamps the same when rules run together).
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import {compareMessage} from 'vfile-sort'
import {parseSetting, type Severity, type SeverityLabel} from '../core/severity.ts'
import {type OptionsOf, type OptionsSchema, resolveOptions} from '../core/options.ts'
import {emit, type Report} from './report.ts'
import {type Doc, getDoc} from './doc.ts'

export const source = 'liaison'
export const docsBase = 'https://github.com/liaison-lint/liaison/blob/main/rules/'

/** What a rule's check gets for each file: the shared doc, the file, the tree, and `report`. */
export interface RuleContext<M extends string = string> {
  file: VFile
  tree: Root
  doc: Doc
  report(report: Report<M>): void
}

/** What `defineRule` takes: a rule's metadata, messages, options and check. */
export interface RuleDefinition<S extends OptionsSchema = OptionsSchema, M extends string = string> {
  /** Kebab-case id; also the doc's file name, `rules/<id>.md`. */
  id: string
  /** One line, shown by `--list-rules` and in SARIF. */
  description: string
  /** Severity when switched on without one. */
  severity: Exclude<SeverityLabel, 'off'>
  /** Whether the `recommended` preset turns it on (`strict` turns every rule on). */
  recommended: boolean
  /** Message templates by id; `{name}` slots are filled from a report's `data`. */
  messages: Record<M, string>
  /** Shown as the message's `note`: why customers care, what to write instead. */
  note?: string
  options: S
  /**
   * Called once per configuration (processor), so compiled matchers and
   * patterns are reused for every file. Returns the per-file check.
   */
  create(options: OptionsOf<S>): (context: RuleContext<M>) => void
}

/** A rule's metadata, as its plugin carries it (`rule.meta`) and `--list-rules --format json` prints it. */
export interface RuleMeta {
  id: string
  description: string
  severity: Exclude<SeverityLabel, 'off'>
  recommended: boolean
  url: string
  messages: Readonly<Record<string, string>>
  options: OptionsSchema
}

/** A retext plugin for one rule, carrying its metadata. */
export type LiaisonRule<S extends OptionsSchema = OptionsSchema> = Plugin<
  [(SeverityLabel | Severity | [SeverityLabel | Severity, Partial<OptionsOf<S>>?] | Partial<OptionsOf<S>>)?],
  Root
> & {meta: RuleMeta; definition: RuleDefinition<S>}

type Check = (context: RuleContext) => void
type Step = (tree: Root, file: VFile, next: (error?: Error | null) => void) => void

/** A rule switched on: severity and options validated, check compiled. What runs for each file. */
export interface ConfiguredRule {
  readonly id: string
  readonly severity: 1 | 2
  /** Runs the check over one file; reports become messages, not yet stamped. */
  run(file: VFile, doc: Doc, tree: () => Root): void
}

/** `.use(rule, {…})` is options at the default severity; everything else is ESLint-style. Undefined when off. */
function configure(definition: RuleDefinition, setting: unknown): ConfiguredRule | undefined {
  const {id, messages, note} = definition
  const isOptions = setting !== null && typeof setting === 'object' && !Array.isArray(setting)
  const {severity, options} = isOptions
    ? {severity: parseSetting(id, definition.severity).severity, options: setting}
    : parseSetting(id, setting ?? definition.severity)
  if (severity === 0) return undefined
  const check = definition.create(resolveOptions(id, definition.options, options)) as Check
  return {
    id,
    severity,
    run(file, doc, tree) {
      check(new Context(file, doc, tree, (r) => emit(file, doc, id, messages, note, r)))
    },
  }
}

/** What a check gets for one file. A class, not an object literal: V8 takes about a microsecond to build a literal with a getter. */
class Context implements RuleContext {
  readonly file: VFile
  readonly doc: Doc
  readonly report: (report: Report) => void
  readonly #tree: () => Root

  constructor(file: VFile, doc: Doc, tree: () => Root, report: (report: Report) => void) {
    this.file = file
    this.doc = doc
    this.#tree = tree
    this.report = report
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

/** `rule` configured by an ESLint-style setting (`'error'`, `['warn', {…}]`, `{…}`); undefined when that turns it off. */
export function configureRule(rule: LiaisonRule, setting: unknown): ConfiguredRule | undefined {
  return configure(rule.definition, setting)
}

/**
 * Run configured rules over one file, sharing one doc: what the `liaison`
 * plugin and `lint()` do, in one synchronous loop. Messages come out as if
 * each rule had run as its own plugin: stamped with what unified-lint-rule
 * stamps (`fatal`, `ruleId`, `source`, `url`) and sorted (one stable sort at
 * the end orders them as a sort after every rule would). A rule that throws
 * fails the run, naming the rule, and the rules after it do not run.
 */
export function runRules(rules: readonly ConfiguredRule[], file: VFile, doc: () => Doc, tree: () => Root): void {
  let shared: Doc | undefined
  for (const rule of rules) {
    const from = file.messages.length
    let crash: unknown
    try {
      shared ??= doc()
      rule.run(file, shared, tree)
    } catch (error) {
      crash = error
    }
    const stamp = {fatal: rule.severity === 2, ruleId: rule.id, source, url: `${docsBase}${rule.id}.md`}
    for (let index = from; index < file.messages.length; index++) Object.assign(file.messages[index]!, stamp)
    if (crash !== undefined) {
      file.messages.sort(compareMessage)
      throw failure(rule.id, crash)
    }
  }
  if (rules.length > 0) file.messages.sort(compareMessage)
}

export function defineRule<S extends OptionsSchema, M extends string>(definition: RuleDefinition<S, M>): LiaisonRule<S> {
  const {id, messages} = definition
  const url = `${docsBase}${id}.md`
  // unified-lint-rule turns an exception into a message and carries on; a bug
  // in a rule must fail the run instead, so the exception is kept aside here.
  const crashes = new WeakMap<VFile, unknown>()
  const lint = lintRule<Root, ConfiguredRule>({origin: `${source}:${id}`, url}, (tree, file, rule) => {
    try {
      rule.run(file, getDoc(tree, file), () => tree)
    } catch (error) {
      crashes.set(file, error)
    }
  })

  function plugin(this: ThisParameterType<typeof lint>, setting?: unknown) {
    const rule = configure(definition as unknown as RuleDefinition, setting)
    if (!rule) return
    const transform = lint.call(this, [rule.severity, rule]) as unknown as Step
    // Sort once unified-lint-rule has stamped the new messages (it stamps by
    // index), so output is deterministic whether a rule runs alone or in the preset.
    return ((tree, file, next) =>
      transform(tree, file, (error) => {
        file.messages.sort(compareMessage)
        const crash = crashes.get(file)
        if (crash === undefined) return next(error)
        crashes.delete(file)
        next(failure(id, crash))
      })) as Step
  }

  Object.defineProperty(plugin, 'name', {value: id})
  const meta: RuleMeta = Object.freeze({
    id,
    description: definition.description,
    severity: definition.severity,
    recommended: definition.recommended,
    url,
    messages: Object.freeze({...messages}),
    options: definition.options,
  })
  return Object.assign(plugin, {meta, definition}) as unknown as LiaisonRule<S>
}
