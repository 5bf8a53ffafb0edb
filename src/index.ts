/**
 * liaison: lint customer-facing incident messages.
 * Named exports only; the list is pinned by test/api.test.ts.
 */
export {liaison, type LiaisonOptions} from './liaison.ts'
export {lint, type LintOptions} from './lint.ts'
export {analyze, type Analysis, type AnalyzeOptions} from './analyze.ts'
export {presets, recommended, strict, type PresetName, type RulesConfig} from './presets.ts'
export {rules} from '../rules/index.ts'
export * from '../rules/index.ts'
export {defineRule} from './engine/define-rule.ts'
export type {LiaisonRule, RuleContext, RuleDefinition, RuleMeta} from './engine/rule.ts'
export type {Severity, SeverityLabel, RuleSetting} from './core/severity.ts'
export {ConfigError, type OptionSpec, type OptionsSchema} from './core/options.ts'
export {measure, channels, type Channel, type Measure} from './analysis/length.ts'
export {phases, type Phase} from './analysis/phase.ts'
export {findPromises, findTimes} from './analysis/time.ts'
export type {TimeExpression, TimeFrame, TimeKind, UpdatePromise, Clause} from './analysis/time.ts'
export {Lexicon} from './text/lexicon.ts'
export type {PhraseMatch} from './text/lexicon.ts'
export type {Sentence, Word} from './text/walk.ts'
export type {Doc} from './engine/doc.ts'
export type {Report} from './engine/report.ts'
export type {PlaceholderOptions, PlaceholderSyntax} from './text/placeholders.ts'
