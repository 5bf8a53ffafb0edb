/**
 * no-resolution-estimate: do not predict when the problem will be fixed.
 *
 * A time expression is an estimate when its clause looks ahead ("will",
 * "should", "expect", "ETA"…) and names the problem ending ("resolved",
 * "restored", "back up", "processed"…), and the clause is not promising an
 * update ("We will post an update by 16:00 UTC" is required practice). Past
 * facts, impact sizes and cadences ("since 14:02", "delays of up to 5
 * minutes", "every 5 minutes") are framed as facts by the engine and never
 * reach the check.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {Lexicon} from '../src/text/lexicon.ts'
import {clauseAt, findClauses, futureCues} from '../src/analysis/time/clauses.ts'
import {findTimes, type TimeExpression} from '../src/analysis/time/expressions.ts'
import {findPromises} from '../src/analysis/time/promises.ts'
import data from './no-resolution-estimate.json' with {type: 'json'}

type CueKind = 'resolution' | 'expectation' | 'eta' | 'observation' | 'neutral'
interface Cue {
  kind: CueKind
  phrases: string[]
  note: string
}

/** The time to promise the next update by, built from the estimate's own time. */
function nextUpdateTime(time: TimeExpression, text: string): string {
  const core = text.slice(time.coreStart, time.end)
  if (time.lead === 'in' || time.lead === 'within' || time.lead === 'by') return time.text
  if (time.lead === 'over' || time.kind === 'duration') return `within ${core}`
  return /^(?:later|this)\b/i.test(core) ? core : `by ${core}`
}

export const noResolutionEstimate = defineRule({
  id: 'no-resolution-estimate',
  description: 'Do not predict when the problem will be fixed; promise the next update instead',
  severity: 'error',
  recommended: true,
  messages: {
    estimate:
      '"{time}" predicts when the problem will be fixed; if that slips, customers stop trusting your updates. Promise the next update instead: "We will provide an update {next}."',
    vague:
      '"{time}" still promises a fix, just without a time customers can hold you to. Say when the next update comes instead: "We will provide an update within 30 minutes."',
  },
  note: 'A resolution estimate is a promise you may not be able to keep: customers plan around it, and when it slips they stop believing later updates. The time of your next update is something you control, so commit to that. Teams that publish ETAs on purpose can turn this rule off.',
  options: {
    allowVague: {type: 'boolean', default: false, description: 'Let "shortly", "soon" and other estimates without a time pass'},
  },
  create({allowVague}) {
    const cues = new Lexicon(data.cues as Cue[], (cue) => cue.phrases)
    return ({doc, report}) => {
      for (const sentence of doc.sentences) {
        const times = findTimes(sentence)
        if (!times.some((time) => time.frame === 'ahead')) continue
        const clauses = findClauses(sentence, times)
        const promised = new Set(findPromises(sentence, times, clauses).map((promise) => promise.clause))
        // Cue words inside a time ("by end of day") say nothing about the clause.
        const found = cues.find(sentence).filter((cue) => !times.some((time) => cue.from <= time.to && cue.to >= time.from))
        const kindsIn = (from: number, to: number) =>
          new Set(found.filter((cue) => from <= cue.from && cue.to <= to).map((cue) => cue.entry.kind))
        clauses.forEach((clause, index) => {
          if (promised.has(clause)) return
          const candidates = times.filter(
            (time) => time.frame === 'ahead' && !(time.vague && allowVague) && clauseAt(clauses, time.to) === clause,
          )
          if (candidates.length === 0) return
          const kinds = kindsIn(clause.from, clause.to)
          // nlcst reads a leading label ("ETA: 45 mins") as a literal word, so the lexicon skips it.
          if (clause.from === 0 && sentence.words[0]!.norm === 'eta') kinds.add('eta')
          // "We will roll back the change | and have service restored within the hour": the modal and
          // the subject can sit in the clause before.
          const previous = clause.continues ? clauses[index - 1] : undefined
          const future = futureCues(sentence.words, previous?.from ?? clause.from, clause.to)
          const stated = future.intent || kinds.has('expectation') || kinds.has('eta')
          if (!stated && !future.modal) return
          // "We will continue to monitor the fix over the next hour" watches; it does not predict.
          if (kinds.has('observation') && !stated) return
          const subject = previous ? kindsIn(previous.from, previous.to) : new Set<CueKind>()
          if (!kinds.has('resolution') && !kinds.has('eta') && !subject.has('resolution')) return
          const time = candidates.find((candidate) => !candidate.vague) ?? candidates[0]!
          report(
            time.vague
              ? {messageId: 'vague', start: time.start, end: time.end, data: {time: time.text}}
              : {messageId: 'estimate', start: time.start, end: time.end, data: {time: time.text, next: nextUpdateTime(time, doc.text)}},
          )
        })
      }
    }
  },
})
