/**
 * require-impact: an update must say how customers are affected. Works on the
 * whole message: it passes when any sentence names a symptom customers see
 * (require-impact.json), and is reported at the first sentence otherwise.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {Lexicon, type PhraseMatch} from '../src/text/lexicon.ts'
import {phaseSet} from '../src/analysis/phase.ts'
import {nameParts} from '../src/text/placeholders.ts'
import type {Word} from '../src/text/walk.ts'
import data from './require-impact.json' with {type: 'json'}

interface Symptom {
  /** `false` for the longer phrases that shadow a symptom word without being one ("configuration error"). */
  symptom: boolean
  /** "cannot", "unable": a symptom only when the customer, not the writer, cannot. */
  writer: boolean
  phrases: string[]
}

const ruleId = 'require-impact'
/** How far back a negator or the writer as subject may stand: "no customer data was lost", "we are currently unable". */
const lookBehind = 5

const lexicon = new Lexicon<Symptom>(
  [
    ...data.symptoms.map((entry) => ({symptom: true, writer: entry.writer === true, phrases: entry.phrases})),
    ...data.notSymptoms.map((entry) => ({symptom: false, writer: false, phrases: entry.phrases})),
  ],
  (entry) => entry.phrases,
)
const negators = new Set(data.negators)
const writers = new Set(data.writers)
const writerVerbs = new Set(data.writerVerbs)
/** A negator or subject past one of these belongs to another clause: "we know that customers cannot log in". */
const clauseWords = new Set(data.clauseWords)

/** Words before `from` in the same clause, nearest first. */
function* before(words: Word[], from: number): Generator<{word: Word; index: number}> {
  for (let k = from - 1; k >= 0 && from - k <= lookBehind; k--) {
    if (words[k + 1]!.gap || clauseWords.has(words[k]!.norm)) return
    yield {word: words[k]!, index: k}
  }
}

/** Whether `words` holds `run` as consecutive words: `customer_impact` holds `impact`, `customer` does not hold `customer impact`. */
function containsRun(words: string[], run: string[]): boolean {
  return words.some((_, i) => run.every((word, k) => words[i + k] === word))
}

function statesImpact(words: Word[], match: PhraseMatch<Symptom>): boolean {
  if (!match.entry.symptom) return false
  for (const {word, index} of before(words, match.from)) {
    // "Users should no longer see errors" still names the errors.
    if (negators.has(word.norm) && !(word.norm === 'no' && words[index + 1]!.norm === 'longer')) return false
    if (match.entry.writer && writers.has(word.norm)) return false
  }
  if (match.entry.writer) {
    // "unable to provide an ETA", "cannot share more".
    const after = words.slice(match.to + 1, match.to + 3).map((word) => word.norm)
    if (after.some((norm) => writerVerbs.has(norm))) return false
  }
  return true
}

export const requireImpact = defineRule({
  id: ruleId,
  description: 'Every update says how customers are affected: what is not working for them, and how',
  severity: 'warn',
  recommended: true,
  messages: {
    missingImpact:
      'No sentence says how customers are affected: name what is not working for them and how, e.g. "Card payments are failing for some customers in the EU."',
  },
  note: 'Customers read an update to learn whether they are affected and what to do about it; "we are investigating an issue" answers neither. Name the symptom and who sees it in every update, even when an earlier one said it: many readers see only the latest. A resolved update may leave it out.',
  options: {
    phases: {
      type: 'string[]',
      default: ['investigating', 'identified', 'monitoring'],
      description:
        'Phases whose updates must state impact (investigating, identified, monitoring, resolved); an update whose phase cannot be detected counts as investigating',
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
      const [first] = doc.sentences
      if (!first) return
      // No progress wording at all reads as an incident still being worked on.
      if (!applies.has(doc.phase ?? 'investigating')) return
      // A template's `{{customer_impact}}` is where the impact will be written; only placeholders in prose count.
      for (const mask of doc.masks) {
        const name = mask.placeholder?.control ? undefined : mask.placeholder?.name
        if (name === undefined || !impactNames.some((entry) => containsRun(nameParts(name), entry))) continue
        if (doc.sentences.some((sentence) => mask.start >= sentence.start && mask.end <= sentence.end)) return
      }
      for (const sentence of doc.sentences) {
        for (const match of lexicon.find(sentence)) if (statesImpact(sentence.words, match)) return
      }
      report({messageId: 'missingImpact', start: first.start, end: first.end})
    }
  },
})
