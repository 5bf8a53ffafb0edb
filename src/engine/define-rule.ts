/**
 * The one way a rule becomes a retext plugin.
 *
 * A rule declares what it looks for; the engine does the rest the same way
 * for every rule: configuration (severity + options, validated once per
 * processor), the shared doc walk, reporting, and stamping each message with
 * `ruleId`, `source: 'liaison'`, `url` and `fatal` (via unified-lint-rule).
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {VFile} from 'vfile'
import {compareMessage} from 'vfile-sort'
import {parseSetting, type Severity, type SeverityLabel} from './config.ts'
import {type OptionsOf, type OptionsSchema, resolveOptions} from './options.ts'
import {emit, type Report} from './report.ts'
import {type Doc, getDoc} from './walk.ts'

export const source = 'liaison'
export const docsBase = 'https://github.com/liaison-lint/liaison/blob/main/rules/'

export interface RuleContext<M extends string = string> {
  file: VFile
  tree: Root
  doc: Doc
  report(report: Report<M>): void
}

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

export function defineRule<S extends OptionsSchema, M extends string>(definition: RuleDefinition<S, M>): LiaisonRule<S> {
  const {id, messages, note} = definition
  const url = `${docsBase}${id}.md`
  // unified-lint-rule turns an exception into a message and carries on; a bug
  // in a rule must fail the run instead, so the exception is kept aside here.
  const crashes = new WeakMap<VFile, unknown>()
  const lint = lintRule<Root, Check>({origin: `${source}:${id}`, url}, (tree, file, check) => {
    try {
      const doc = getDoc(tree, file)
      check({file, tree, doc, report: (r) => emit(file, doc, id, messages, note, r)})
    } catch (error) {
      crashes.set(file, error)
    }
  })

  function plugin(this: ThisParameterType<typeof lint>, setting?: unknown) {
    // `.use(rule, {…})` is options at the default severity; everything else is ESLint-style.
    const isOptions = setting !== null && typeof setting === 'object' && !Array.isArray(setting)
    const {severity, options} = isOptions
      ? {severity: parseSetting(id, definition.severity).severity, options: setting}
      : parseSetting(id, setting ?? definition.severity)
    if (severity === 0) return
    const check = definition.create(resolveOptions(id, definition.options, options)) as Check
    const transform = lint.call(this, [severity, check]) as unknown as Step
    // Sort once unified-lint-rule has stamped the new messages (it stamps by
    // index), so output is deterministic whether a rule runs alone or in the preset.
    return ((tree, file, next) =>
      transform(tree, file, (error) => {
        file.messages.sort(compareMessage)
        const crash = crashes.get(file)
        if (crash === undefined) return next(error)
        crashes.delete(file)
        next(crash instanceof Error ? Object.assign(crash, {message: `Rule "${id}" failed: ${crash.message}`}) : new Error(`Rule "${id}" failed: ${String(crash)}`))
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
