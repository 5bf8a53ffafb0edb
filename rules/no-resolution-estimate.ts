/**
 * no-resolution-estimate: do not predict when the problem will be fixed.
 *
 * A time expression is an estimate when its clause looks ahead ("will",
 * "should", "expect", "ETA"…) and names the problem ending ("resolved",
 * "restored", "back up", "processed"…), and the clause is not promising an
 * update ("We will post an update by 16:00 UTC" is required practice). How
 * long the repair work takes ("the rebuild can take 2 to 3 hours") is an
 * estimate too. Past facts, impact sizes and cadences ("since 14:02",
 * "delays of up to 5 minutes", "every 5 minutes") are framed as facts by the
 * engine and never reach the check.
 */
import {type Clause, clauseAt, findClauses, futureCues} from '../src/analysis/time/clauses.ts'
import {findTimes, type TimeExpression} from '../src/analysis/time/expressions.ts'
import {findPromises} from '../src/analysis/time/promises.ts'
import {defineRule} from '../src/engine/define-rule.ts'
import type {Doc} from '../src/engine/doc.ts'
import {isFinal, isMaintenance} from '../src/analysis/phase.ts'
import {findQuotes, maskLookup} from '../src/text/mask.ts'
import {placeholderKind} from '../src/analysis/placeholder-kinds.ts'
import {Lexicon, type PhraseMatch} from '../src/text/lexicon.ts'
import {entriesOf, type KindedEntry, wordSet} from '../src/text/word-lists.ts'
import type {Sentence} from '../src/text/walk.ts'
import data from './no-resolution-estimate.json' with {type: 'json'}

const cueKinds = ['resolution', 'expectation', 'expecting', 'eta', 'observation', 'neutral', 'work', 'customer', 'condition', 'stability', 'impact', 'remaining'] as const
type CueKind = (typeof cueKinds)[number]
type Cue = KindedEntry<CueKind>
type Found = PhraseMatch<Cue>[]

/** Leads that make a duration the length of something: "can take 2 hours", "needs about 2 hours". */
const lengthLeads = wordSet(data.lengthLeads)
/** A pronoun subject of "take" stands for the work in hand: "This usually takes 30–45 minutes." */
const workPronouns = wordSet(data.workPronouns)
/** Pronoun subjects of "take" that open their own clause: the words before them set the scene. */
const clauseSubjects = wordSet(data.clauseSubjects)
/** Leads that say how long something goes on from now: "for the next 24 hours", "until 19:00 UTC", "may last several hours". */
const untilLeads = wordSet(data.untilLeads)
/** Past verbs of telling: after one, "would" reports an old estimate ("customers were notified that services would be back within 15 minutes"). */
const reportingVerbs = wordSet(data.reportingVerbs)
/** Modals other than "would": any of them makes the clause look ahead whatever was reported before it. */
const aheadModals = wordSet(data.aheadModals)
/** Between the subject of "take" and "take": "it | 'll usually | take", "this | can | take". */
const beforeTake = wordSet(data.beforeTake)
/** How far a `stability` cue may follow its `condition` ("if the error rate stays flat"), in words. */
const conditionReach = 8

/** The time to promise the next update by, built from the estimate's own time. */
function nextUpdateTime(time: TimeExpression, text: string): string {
  const core = text.slice(time.coreStart, time.end)
  if (time.lead === 'in' || time.lead === 'within' || time.lead === 'by') return time.text
  if (time.lead === 'over' || time.kind === 'duration') return `within ${core}`
  return /^(?:later|this)\b/i.test(core) ? core : `by ${core}`
}

const notRecoveryVerbs = wordSet(data.notRecoveryVerbs)
/** "go out again", "come through again": recovery after these verbs only ("reach out again" is contact). */
const particleVerbs = wordSet(data.particleVerbs)
/** Recovery cues that need a verb of `particleVerbs` before them ("go out again"). */
const particlePhrases = wordSet(data.particlePhrases)

/** "generated again", "flowing again": a verb form, where "again" says a thing works again (not "try the failover again", "posting again"). */
function isParticiple(norm: string): boolean {
  if (norm.length <= 3) return false
  return norm.endsWith('ed') || norm.endsWith('en') || (norm.length > 4 && norm.endsWith('ing') && !notRecoveryVerbs.has(norm))
}

/** Whether an "again" cue is recovery: after a participle ("generated again"), or after a verb and its particle ("go out again"). */
function isRecoveryAgain(cue: PhraseMatch<Cue>, sentence: Sentence): boolean {
  const before = sentence.words[cue.from - 1]?.norm ?? ''
  if (cue.phrase === 'again') return isParticiple(before)
  return particlePhrases.has(cue.phrase) ? particleVerbs.has(before) : true
}

function kindsIn(found: Found, from: number, to: number): Set<CueKind> {
  return new Set(found.filter((cue) => from <= cue.from && cue.to <= to).map((cue) => cue.entry.kind))
}

/**
 * What a length after "take" or "need", or before "to go" or "left",
 * measures. `repair` when the subject
 * or the words after the time name the work or the problem ending
 * ("Restoring from backup takes 3-4 hours", "It will take 45 minutes to reach
 * every region"); `other` when they are on the customer's side ("for your
 * data to sync", "Customers may need 5 minutes to sign back in") or about
 * watching ("another hour of monitoring"), which is never a fix time.
 */
function lengthOf(sentence: Sentence, found: Found, time: TimeExpression, from: number, to: number): 'repair' | 'other' | undefined {
  if (time.kind !== 'duration') return undefined
  // "roughly an hour to go", "about 20 minutes left", "2 hours remaining"
  const tail = found.find((cue) => cue.from === time.to + 1)?.entry.kind
  const remaining = time.lead === undefined && (tail === 'remaining' || tail === 'work')
  if (!remaining && !lengthLeads.has(time.lead ?? '')) return undefined
  // "For many of you it might take another hour before logins work again": words before the subject of "take" set the scene.
  const subject = subjectIndexOfTake(sentence, time)
  const start = subject > from && clauseSubjects.has(takeSubject(sentence, subject)) ? subject : from
  const around = new Set([...kindsIn(found, start, time.from - 1), ...kindsIn(found, time.to + 1, to)])
  if (around.has('customer') || around.has('observation')) return 'other'
  if (around.has('work') || around.has('resolution')) return 'repair'
  return workPronouns.has(sentence.words[from]!.norm) || workPronouns.has(subjectOfTake(sentence, time)) ? 'repair' : undefined
}

/** The word before "take" or "need", modals and adverbs skipped, "'ll" cut off: "it'll take at least an hour" → "it". */
function subjectOfTake(sentence: Sentence, time: TimeExpression): string {
  return takeSubject(sentence, subjectIndexOfTake(sentence, time))
}

/** Where the subject of "take" or "need" is: the word before it, modals and adverbs skipped (-1 when none). */
function subjectIndexOfTake(sentence: Sentence, time: TimeExpression): number {
  let at = time.from - 2
  while (at >= 0 && beforeTake.has(sentence.words[at]!.norm)) at--
  return at
}

function takeSubject(sentence: Sentence, at: number): string {
  const norm = sentence.words[at]?.norm ?? ''
  return norm.endsWith("'ll") ? norm.slice(0, -3) : norm
}

/**
 * "Customers were notified that services would be back to normal within 15
 * minutes": "would" as the only modal, after a past verb of telling, reports
 * what was said then (see rules/no-resolution-estimate.md, past facts).
 */
function reportedPast(sentence: Sentence, from: number, to: number): boolean {
  let first = -1
  for (let i = from; i <= to; i++) {
    const norm = sentence.words[i]!.norm
    if (norm === 'would' || norm === "wouldn't") first = first === -1 ? i : first
    else if (aheadModals.has(norm) || norm.endsWith("'ll")) return false
  }
  for (let i = 0; i < first; i++) if (reportingVerbs.has(sentence.words[i]!.norm)) return true
  return false
}

/** "…if the error rate stays flat": a `condition` with a `stability` cue after it, anywhere in the sentence. */
function isMonitoringWindow(found: Found): boolean {
  return found.some(
    (condition) =>
      condition.entry.kind === 'condition' &&
      found.some((cue) => cue.entry.kind === 'stability' && cue.from > condition.to && cue.from - condition.to <= conditionReach),
  )
}

export const noResolutionEstimate = defineRule({
  id: 'no-resolution-estimate',
  description: 'Do not predict when the problem will be fixed; promise the next update instead',
  severity: 'error',
  recommended: true,
  // Reads English wording: on a message in another language the engine skips it.
  languages: ['eng'],
  messages: {
    estimate:
      '"{time}" predicts when the problem will be fixed; if that slips, customers stop trusting your updates. Promise the next update instead: "We will provide an update {next}."',
    vague:
      '"{time}" still promises a fix, just without a time customers can hold you to. Say when the next update comes instead: "We will provide an update within 30 minutes."',
    slot: '"{slot}" asks for a fix time: whoever fills in this template will write an estimate. Ask for the next update instead, e.g. "Next update: [time]."',
  },
  note: 'A resolution estimate is a promise you may not be able to keep: customers plan around it, and when it slips they stop believing later updates. The time of your next update is something you control, so commit to that. Teams that publish ETAs on purpose can turn this rule off.',
  options: {
    allowVague: {type: 'boolean', default: false, description: 'Let "shortly", "soon" and other estimates without a time pass'},
  },
  create({allowVague}) {
    const cues = new Lexicon(entriesOf(data.cues, cueKinds), (cue) => cue.phrases)
    return ({doc, report}) => {
      // A maintenance window's end is a schedule, not an estimate (docs/templates.md).
      if (isMaintenance(doc.phase)) return
      const spans: Array<[number, number]> = []
      // A resolved update that quotes an earlier one ("10:58: Status update - \"Our estimate … is by the end of the day.\"") cites an old estimate.
      let quoted: ReturnType<typeof maskLookup> | undefined
      const cited = (time: TimeExpression) => isFinal(doc.phase) && (quoted ??= maskLookup(findQuotes(doc.text)))(time.start, time.end)
      for (const sentence of doc.sentences) {
        const times = findTimes(sentence)
        if (times.length === 0 || !times.some((time) => time.frame === 'ahead')) continue
        const clauses = findClauses(sentence, times)
        const promised = new Set(findPromises(sentence, times, clauses).map((promise) => promise.clause))
        // Cue words inside a time ("by end of day") say nothing about the clause, and "again" is recovery
        // only after a participle ("generated again", "flowing again", not "try the failover again").
        const found = cues
          .find(sentence)
          .filter((cue) => !times.some((time) => cue.from <= time.to && cue.to >= time.from) && isRecoveryAgain(cue, sentence))
        const window = isMonitoringWindow(found)
        const ahead = times.filter((time) => time.frame === 'ahead' && !(time.vague && allowVague) && !cited(time))
        const reported = new Set<TimeExpression>()
        clauses.forEach((clause, index) => {
          if (promised.has(clause)) return
          const candidates = ahead.filter((time) => clauseAt(clauses, time.to) === clause)
          const time = candidates.length === 0 ? undefined : estimateIn(sentence, found, clauses, index, candidates, window)
          if (time) reported.add(time)
        })
        // "Search will be available again once the reindex completes and we have verified the
        // results, by 18:00 UTC": a time set off by a comma at the end belongs to the main clause.
        const last = ahead.at(-1)
        const main = clauses[0]!
        if (last && !reported.has(last) && last.to === sentence.words.length - 1 && clauseAt(clauses, last.to) !== main && !promised.has(main)) {
          const offset = sentence.start
          if (sentence.text.slice(sentence.words[last.from - 1]!.end - offset, sentence.words[last.from]!.start - offset).includes(',')) {
            const time = estimateIn(sentence, found, clauses, 0, [last], window)
            if (time) reported.add(time)
          }
        }
        for (const time of reported) {
          spans.push([time.start, time.end])
          // A placeholder for the time (docs/templates.md): whoever fills it in writes the estimate.
          if (time.slot) {
            report({messageId: 'slot', start: time.start, end: time.end, data: {slot: time.text}})
            continue
          }
          report(
            time.vague
              ? {messageId: 'vague', start: time.start, end: time.end, data: {time: time.text}}
              : {messageId: 'estimate', start: time.start, end: time.end, data: {time: time.text, next: nextUpdateTime(time, doc.text)}},
          )
        }
      }
      // A slot that asks for the fix time ("Estimated Time: [Time estimate]", "{ETR}") needs no cue words around it.
      for (const slot of estimateSlots(doc)) {
        if (!spans.some(([start, end]) => start < slot.end && end > slot.start)) report({messageId: 'slot', ...slot, data: {slot: doc.text.slice(slot.start, slot.end)}})
      }
    }
  },
})

/** Estimate placeholders in prose (see src/analysis/placeholder-kinds.ts). */
function estimateSlots(doc: Doc): Array<{start: number; end: number}> {
  // A loop, not flatMap over every sentence: this runs for every message, and most hold no placeholder.
  const slots: Array<{start: number; end: number}> = []
  for (const {placeholders} of doc.sentences) {
    if (placeholders === undefined) continue
    for (const {placeholder, start, end} of placeholders) if (placeholderKind(placeholder) === 'estimate') slots.push({start, end})
  }
  return slots
}

/** The time that clause `index` ties to the problem ending, if any: one report per clause, an explicit time before a vague one. */
function estimateIn(
  sentence: Sentence,
  found: Found,
  clauses: readonly Clause[],
  index: number,
  given: readonly TimeExpression[],
  window: boolean,
): TimeExpression | undefined {
  let candidates = given
  const clause = clauses[index]!
  // "We will roll back the change | and have service restored within the hour": the modal and
  // the subject can sit in the clause before.
  const previous = clause.continues ? clauses[index - 1] : undefined
  const from = previous?.from ?? clause.from
  const kinds = kindsIn(found, clause.from, clause.to)
  // nlcst reads a leading label ("ETA: 45 mins") as a literal word, so the lexicon skips it.
  if (clause.from === 0 && sentence.words[0]!.norm === 'eta') kinds.add('eta')
  const length = new Map(candidates.map((time) => [time, lengthOf(sentence, found, time, from, clause.to)]))
  const lengths = candidates.filter((time) => length.get(time) === 'repair')
  // "Customers may need 5 minutes to sign back in after the fix": their side, whatever else the clause says.
  candidates = candidates.filter((time) => length.get(time) !== 'other')
  // "we now expect about 2 more hours": the time is what is expected.
  const expected = candidates.filter((time) => found.some((cue) => cue.entry.kind === 'expecting' && cue.to === time.from - 1))
  const cues = futureCues(sentence.words, from, clause.to)
  const future = cues.modal && reportedPast(sentence, from, clause.to) ? {...cues, modal: false} : cues
  const stated = future.intent || kinds.has('expectation') || kinds.has('expecting') || kinds.has('eta') || expected.length > 0
  const pick = (list: readonly TimeExpression[]) => list.find((time) => !time.vague) ?? list[0]
  if (lengths.length > 0 || expected.length > 0) return pick([...lengths, ...expected])
  if (!stated && !future.modal) return undefined
  // "We will continue to monitor the fix over the next hour" watches, and "…if the error
  // rate stays flat" waits for a monitoring window; neither predicts.
  if ((kinds.has('observation') || window) && !stated) return undefined
  const subject = previous ? kindsIn(found, previous.from, previous.to) : new Set<CueKind>()
  if (kinds.has('resolution') || kinds.has('eta') || subject.has('resolution')) return pick(candidates)
  // "you may experience some disruption for the next 24 hours": when the impact ends.
  // "over" only after the impact it extends ("continued delays … over the coming hours"), not fronted before other work
  // ("over the next week we will be putting better detection in place before they cause an outage").
  const lasting = (time: TimeExpression) => untilLeads.has(time.lead ?? '') && (time.lead !== 'over' || found.some((cue) => cue.entry.kind === 'impact' && from <= cue.from && cue.to < time.from))
  return kinds.has('impact') || subject.has('impact') ? pick(candidates.filter(lasting)) : undefined
}
