/**
 * `defineRule`: a rule definition becomes a retext plugin carrying its
 * metadata. The plugin is a thin adapter over the executor (executor.ts):
 * `.use(rule, setting)` configures the rule once, and each file runs it
 * with `runRules`, exactly as the `liaison` plugin and `lint()` do.
 */
import type {Root} from 'nlcst'
import type {Transformer} from 'unified'
import {ConfigError, type OptionsSchema} from '../core/options.ts'
import {getDoc} from './doc.ts'
import {configureRule, runRules} from './executor.ts'
import {type LiaisonRule, type RuleDefinition, type RuleMeta, ruleUrl} from './rule.ts'

export function defineRule<S extends OptionsSchema, M extends string>(definition: RuleDefinition<S, M>): LiaisonRule<S> {
  const {id, messages} = definition
  function plugin(setting?: unknown): Transformer<Root> | undefined {
    // One message has no sequence of updates to read: say where the rule runs instead of crashing in it.
    if (definition.scope === 'incident') {
      throw new ConfigError(`Rule "${id}" reads a whole incident (the sequence of its updates), so it runs through lintIncident(), not on a single message`)
    }
    const rule = configureRule(definition, setting)
    if (!rule) return undefined
    return (tree, file) => {
      runRules([rule], file, () => getDoc(tree, file), () => tree)
    }
  }
  Object.defineProperty(plugin, 'name', {value: id})
  const meta: RuleMeta = Object.freeze({
    id,
    description: definition.description,
    severity: definition.severity,
    recommended: definition.recommended,
    scope: definition.scope ?? 'any',
    url: ruleUrl(definition),
    messages: Object.freeze({...messages}),
    options: definition.options,
    languages: definition.languages,
  })
  return Object.assign(plugin, {meta, definition})
}
