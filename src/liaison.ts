/**
 * The `liaison` plugin: every rule, configured from a preset plus an
 * ESLint-style `rules` map, run as one transformer.
 */
import type {Root} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import {catalogFor} from './catalog.ts'
import {abbreviationSentences} from './text/abbreviations.ts'
import {type ConfiguredRule, configureRule, runIncidentRules, runRules, type TitleInput} from './engine/executor.ts'
import type {IncidentView} from './engine/incident.ts'
import {type Doc, getDoc} from './engine/doc.ts'
import {checkOptions, type LiaisonOptions, type ResolvedSettings, resolveSettings} from './settings.ts'

/** Throws a ConfigError naming the problem; returns the settings `options` resolve to. */
export function resolveConfig(options: LiaisonOptions): ResolvedSettings {
  checkOptions(options)
  return resolveSettings([options])
}

/** What runs per file: the rules a configuration switches on, and the file data it carries. */
export interface Linter {
  run(file: VFile, doc: () => Doc, tree: () => Root): void
  /** Runs the incident rules the configuration switches on, once over a whole incident (`lintIncident()`). */
  runIncident(incident: IncidentView, title: TitleInput): void
}

/** Configures every rule for resolved `settings`, once (an option a rule rejects is a ConfigError). */
export function createLinter(settings: ResolvedSettings): Linter {
  const configured: ConfiguredRule[] = []
  // Incident rules need the sequence of updates: a single message never runs them.
  const incidentRules: ConfiguredRule[] = []
  for (const rule of catalogFor(settings.vocabulary, settings.plugins).rules) {
    // A headline is not a whole message; a message is not a headline.
    if (rule.meta.scope === (settings.headline ? 'message' : 'headline')) continue
    const on = configureRule(rule.definition, settings.rules[rule.meta.id])
    if (on) (on.scope === 'incident' ? incidentRules : configured).push(on)
  }
  const {phase, placeholders} = settings
  return {
    run(file, doc, tree) {
      if (phase && !file.data.phase) file.data.phase = phase
      if (placeholders && !file.data.placeholders) file.data.placeholders = placeholders
      runRules(configured, file, doc, tree)
    },
    runIncident(incident, title) {
      runIncidentRules(incidentRules, incident, title)
    },
  }
}

export function liaison(this: Processor, options: LiaisonOptions = {}): Transformer<Root> {
  const linter = createLinter(resolveConfig(options))
  // "approx. 2 hours" one sentence, as lint() parses it: retext-english and remark-retext read this from the processor.
  abbreviationSentences.call(this)
  // Synchronous: no rule waits for anything, so no promise per rule and file.
  return (tree, file) =>
    linter.run(
      file,
      () => getDoc(tree, file),
      /* v8 ignore next -- @preserve no built-in rule reads the tree; a check still may, like any RuleContext */
      () => tree,
    )
}
