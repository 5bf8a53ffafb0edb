/**
 * What a rule is, for everything that runs, lists or documents rules: its
 * definition (what `defineRule` takes), its metadata, the context its check
 * gets, and the plugin it becomes.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Severity, SeverityLabel} from '../core/severity.ts'
import type {OptionsOf, OptionsSchema} from '../core/options.ts'
import type {LanguageCode} from '../analysis/language.ts'
import type {Report} from './report.ts'
import type {Doc} from './doc.ts'
import type {IncidentView} from './incident.ts'

export const source = 'liaison'
export const docsBase = 'https://github.com/liaison-lint/liaison/blob/main/rules/'

/** A rule's documentation: its own `url` when it has one, else its doc in this repository. */
export function ruleUrl(definition: Pick<RuleDefinition, 'id' | 'url'>): string | undefined {
  return Object.hasOwn(definition, 'url') ? definition.url : `${docsBase}${definition.id}.md`
}

/**
 * What a rule's check gets for each file: the shared doc, the file, the tree,
 * and `report`. A rule scoped to `incident` runs once per incident instead:
 * `file`, `doc` and `tree` are then the incident's title, `incident` holds
 * every update, and a report names the update it belongs to (`update`).
 */
export interface RuleContext<M extends string = string> {
  file: VFile
  tree: Root
  doc: Doc
  report: (report: Report<M>) => void
  /** The whole incident; set only for rules whose scope is `incident`. */
  incident: IncidentView | undefined
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
  /**
   * Where the rule applies: `message` needs a whole update (its impact, its
   * next-update promise), so it does not run on a headline (a template's
   * title, `lint(text, {headline: true})`); `headline` runs only on a
   * headline; `any` (the default) runs on all text; `incident` needs the
   * sequence of updates (did the next update come when promised?), so it
   * runs only in `lintIncident()`, once per incident.
   */
  scope?: RuleScope
  /** Message templates by id; `{name}` slots are filled from a report's `data`. */
  messages: Record<M, string>
  /** Shown as the message's `note`: why customers care, what to write instead. */
  note?: string
  /**
   * Where the rule is documented. Built-in rules leave it out (their doc is
   * `rules/<id>.md` in this repository); a plugin's or a vocabulary's rule
   * gives its own, or none.
   */
  url?: string
  /**
   * The languages whose wording the rule reads, ISO 639-3 (`['eng']`). On a
   * message in another language the executor skips the rule and says so once
   * per file. Omitted: the rule does not depend on the language (hostnames,
   * length) and always runs.
   */
  languages?: readonly LanguageCode[]
  options: S
  /**
   * Called once per configuration (processor), so compiled matchers and
   * patterns are reused for every file. Returns the per-file check.
   */
  create(options: OptionsOf<S>): (context: RuleContext<M>) => void
}

export type RuleScope = 'message' | 'headline' | 'any' | 'incident'

/** A rule's metadata, as its plugin carries it (`rule.meta`) and `--list-rules --format json` prints it. */
export interface RuleMeta {
  id: string
  description: string
  severity: Exclude<SeverityLabel, 'off'>
  recommended: boolean
  scope: RuleScope
  /** Where the rule is documented; undefined for a vocabulary rule the config gives no `url`. */
  url: string | undefined
  messages: Readonly<Record<string, string>>
  options: OptionsSchema
  /** The languages the rule reads; undefined when it does not depend on the language. */
  languages: readonly LanguageCode[] | undefined
}

/** A retext plugin for one rule, carrying its metadata. */
export type LiaisonRule<S extends OptionsSchema = OptionsSchema> = Plugin<
  [(SeverityLabel | Severity | [SeverityLabel | Severity, Partial<OptionsOf<S>>?] | Partial<OptionsOf<S>>)?],
  Root
> & {meta: RuleMeta; definition: RuleDefinition<S>}
