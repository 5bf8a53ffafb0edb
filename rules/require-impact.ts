/**
 * require-impact: an update must say how customers are affected. Works on the
 * whole message: it passes when any sentence states impact, and otherwise
 * reports the sentence that comes closest, with what is missing.
 *
 * A sentence is read with a small grammar (see require-impact.md, "How it
 * reads a sentence"): one lexicon pass tags words with a kind, and each
 * predicate is judged by the noun phrase that bears it. The reading is in
 * require-impact/reader.ts, its word kinds and sets in
 * require-impact/vocabulary.ts; this file decides what to report.
 */
import {phaseSet} from '../src/analysis/phase.ts'
import {defineRule} from '../src/engine/define-rule.ts'
import {nameParts} from '../src/text/placeholders.ts'
import {placeholderKind} from '../src/analysis/placeholder-kinds.ts'
import type {Doc} from '../src/engine/doc.ts'
import {type Reading, readImpact} from './require-impact/reader.ts'

const ruleId = 'require-impact'

/** Whether `words` holds `run` as consecutive words: `customer_impact` holds `impact`, `customer` does not hold `customer impact`. */
function containsRun(words: string[], run: string[]): boolean {
  return words.some((_, i) => run.every((word, k) => words[i + k] === word))
}

/** A template's `{{customer_impact}}` is where the impact will be written; only placeholders in prose count. */
function hasImpactPlaceholder(doc: Doc, impactNames: string[][]): boolean {
  // The engine's placeholder kinds (src/analysis/placeholder-kinds.ts) read `[DESCRIBE CUSTOMER IMPACT]`,
  // `<what customers see>` and `Impact: [..]` as impact slots; the option adds a team's own names.
  for (const mask of doc.masks) {
    const placeholder = mask.placeholder
    if (!placeholder || placeholder.control) continue
    const name = placeholder.name
    const named = name !== undefined && impactNames.some((entry) => containsRun(nameParts(name), entry))
    if (!named && placeholderKind(placeholder) !== 'impact') continue
    // Only placeholders in prose count; guidance may run across sentences.
    if (doc.sentences.some((sentence) => mask.start < sentence.end && mask.end > sentence.start)) return true
  }
  return false
}

type MessageId = 'missingImpact' | 'missingRecovery' | 'missingAffected' | 'missingWhat' | 'internalOnly'

/** The most specific thing that is missing, and the sentence that comes closest to stating it. */
function missing(readings: Reading[], monitoring: boolean): {messageId: MessageId; sentence: number} {
  const first = (key: 'internal' | 'who' | 'trouble') => readings.findIndex((reading) => reading[key])
  const internal = first('internal')
  if (internal >= 0) return {messageId: 'internalOnly', sentence: internal}
  const who = first('who')
  if (who >= 0) return {messageId: 'missingWhat', sentence: who}
  if (monitoring) return {messageId: 'missingRecovery', sentence: 0}
  const trouble = first('trouble')
  if (trouble >= 0) return {messageId: 'missingAffected', sentence: trouble}
  return {messageId: 'missingImpact', sentence: 0}
}

export const requireImpact = defineRule({
  id: ruleId,
  description: 'Every update says how customers are affected: what is not working for them, and how',
  severity: 'warn',
  recommended: true,
  // Reads English wording: on a message in another language the engine skips it.
  languages: ['eng'],
  // A headline names what is affected; the update under it says how.
  scope: 'message',
  messages: {
    missingImpact:
      'No sentence says how customers are affected: name what is not working for them and how, e.g. "Card payments are failing for some customers in the EU."',
    missingAffected:
      'The update mentions a problem but not what it affects: name the feature or service and what customers see, e.g. "an issue affecting invoice downloads" or "Invoice downloads are failing."',
    missingWhat:
      'The update says who is affected but not what they experience: name the feature and the symptom, e.g. "Some customers cannot open shared dashboards."',
    internalOnly:
      'The update names an internal failure but not what customers experience because of it: say which feature is affected and how, e.g. "Because of a database failure, exports are delayed."',
    missingRecovery:
      'The update says what was done but not what works again for customers: name the feature and its state, e.g. "Exports are finishing again; we are monitoring."',
  },
  note: 'Customers read an update to learn whether they are affected and what to do about it; "we are investigating an issue" answers neither. Name the symptom and who sees it in every update, even when an earlier one said it: many readers see only the latest. A resolved update may leave it out.',
  options: {
    phases: {
      type: 'string[]',
      default: ['investigating', 'identified', 'monitoring', 'scheduled', 'in_progress', 'verifying'],
      description:
        'Phases whose updates must state impact (investigating, identified, monitoring, resolved, and the maintenance statuses scheduled, in_progress, verifying, completed); an update whose phase cannot be detected counts as investigating',
    },
    impactPlaceholders: {
      type: 'string[]',
      default: ['impact', 'symptom', 'symptoms'],
      description:
        'Template placeholders that stand for the impact statement, matched against the words of a placeholder\'s name: `{{impact}}`, `{{ symptoms }}`, `{{customer_impact}}`, `[IMPACT]` and `%(user_impact)s` all count',
    },
  },
  create({phases: list, impactPlaceholders}) {
    const applies = phaseSet(ruleId, 'phases', list)
    const impactNames = impactPlaceholders.map(nameParts).filter((parts) => parts.length > 0)
    return ({doc, report}) => {
      if (doc.sentences.length === 0) return
      // No progress wording at all reads as an incident still being worked on.
      const phase = doc.phase ?? 'investigating'
      if (!applies.has(phase)) return
      if (hasImpactPlaceholder(doc, impactNames)) return
      const readings: Reading[] = []
      for (const sentence of doc.sentences) {
        const reading = readImpact(doc.text, sentence)
        if (reading.impact) return
        readings.push(reading)
      }
      const {messageId, sentence} = missing(readings, phase === 'monitoring')
      const {start, end} = doc.sentences[sentence]!
      report({messageId, start, end})
    }
  },
})
