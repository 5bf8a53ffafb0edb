/**
 * Clauses of a sentence and what makes words look ahead. A time belongs to
 * the clause it sits in: "We expect to resolve this in 30 minutes | and will
 * post an update then" is an estimate, while "We're working to resolve this
 * | and will post another update in 30 minutes" is a promise.
 */
import type {Sentence, Word} from '../../text/walk.ts'
import {findTimes, type TimeExpression} from './expressions.ts'
import {isPastVerb} from './vocabulary.ts'
import {wordSet} from '../../text/word-lists.ts'
import data from './clauses.json' with {type: 'json'}

/* Word lists, each with a note on why, in clauses.json. */
const subjects = wordSet(data.subjects)
const predicates = wordSet(data.predicates)
const coordinators = wordSet(data.coordinators)
const relatives = wordSet(data.relatives)
const contrasts = wordSet(data.contrasts)
const modals = wordSet(data.modals)
const perfectModals = wordSet(data.perfectModals)
const intentVerbs = wordSet(data.intentVerbs)

/** A clause of a sentence, as word indices and offsets. */
export interface Clause {
  /** Word indices, inclusive; the joining word ("and", "but") is in neither clause. */
  from: number
  to: number
  start: number
  end: number
  /**
   * Shares the previous clause's subject: "The patch is rolling out | and
   * should reach every region within 3 hours".
   */
  continues: boolean
}

/* ------------------------------------------------------------------ clauses */


/**
 * Split a sentence into clauses at ";" and "—" (and at a spaced "–" or "-"
 * outside a time: "we will replace the switch – therefore, …", but "ETA - 30
 * minutes" stays whole), at "as soon as", and at a
 * joining word that starts a new clause: "…resolve this | and | will post an
 * update in 30 minutes". "and running", "between 09:00 and 09:45" and "2 or
 * 3 hours" do not split. Subordinate clauses ("once the fix is out", "until
 * all jobs are processed") stay with the clause they complete, and so does a
 * time that stands alone before a split.
 */
export function findClauses(sentence: Sentence, times: readonly TimeExpression[] = findTimes(sentence)): Clause[] {
  const {words} = sentence
  const clauses: Clause[] = []
  let from = 0
  let continues = false
  const close = (to: number, next: number, nextContinues: boolean) => {
    // A time on its own ("Within the next two hours, | and possibly sooner, we
    // expect…") belongs to the clause after it: keep reading into that one.
    if (to >= from && times.some((time) => time.from <= from && to <= time.to)) return
    // Two joining words in a row (", and which will…") leave nothing between them.
    if (to >= from) clauses.push({from, to, start: words[from]!.start, end: words[to]!.end, continues})
    from = next
    continues = nextContinues
  }
  for (let i = 1; i < words.length; i++) {
    const gap = sentence.text.slice(words[i - 1]!.end - sentence.start, words[i]!.start - sentence.start)
    const norm = words[i]!.norm
    const next = words[i + 1]?.norm ?? ''
    // A spaced en dash or hyphen is a dash, unless it joins a time ("9 - 10 AM") or introduces one ("ETA - 30 minutes").
    const dash = /\s[-–]+\s/.test(gap) && !inTime(times, i)
    if (gap.includes(';') || gap.includes('—') || dash) close(i - 1, i, false)
    else if (norm === 'as' && next === 'soon' && words[i + 2]?.norm === 'as') {
      close(i - 1, i + 3, false)
      i += 2
    } else if (inTime(times, i)) continue
    else if (relatives.has(norm) && predicates.has(next)) close(i - 1, i + 1, true)
    else if (!coordinators.has(norm) && !contrasts.has(norm)) continue
    else if (subjects.has(next)) close(i - 1, i + 1, false)
    else if (predicates.has(next)) close(i - 1, i + 1, true)
    else if (gap.includes(',') || contrasts.has(norm)) close(i - 1, i + 1, false)
  }
  close(words.length - 1, words.length, false)
  return clauses
}

function inTime(times: readonly TimeExpression[], index: number): boolean {
  return times.some((time) => time.from <= index && index <= time.to)
}

/** The clause holding word `index`, or undefined when the word joins two clauses. */
export function clauseAt(clauses: readonly Clause[], index: number): Clause | undefined {
  return clauses.find((clause) => clause.from <= index && index <= clause.to)
}

/* ------------------------------------------------------------------ future */


export interface FutureCues {
  /** "will", "should", "'ll", "going to". */
  modal: boolean
  /** "expect", "anticipate", "plan", "aim", "intend", "hope". */
  intent: boolean
}

/**
 * What makes words `from..to` look ahead: a modal ("will", "should", "'ll"),
 * "going to", or a verb of intent. A modal before "have" ("should have
 * recovered", "would have seen") looks back, so it does not count.
 */
export function futureCues(words: readonly Word[], from: number, to: number): FutureCues {
  const cues: FutureCues = {modal: false, intent: false}
  for (let i = from; i <= to; i++) {
    const norm = words[i]!.literal ? '' : words[i]!.norm
    const next = words[i + 1]?.norm === 'not' ? i + 2 : i + 1
    const after = words[next]?.norm
    // "should have been restored", "may have seen" look back; "should have this resolved" looks ahead.
    const perfect = perfectModals.has(norm) && after === 'have' && isPastVerb(words[next + 1]?.norm ?? '')
    if (intentVerbs.has(norm)) cues.intent = true
    else if (norm === 'going' && after === 'to') cues.modal = true
    else if ((modals.has(norm) || norm.endsWith("'ll")) && !perfect) cues.modal = true
  }
  return cues
}

export function looksAhead(words: readonly Word[], from: number, to: number): boolean {
  const cues = futureCues(words, from, to)
  return cues.modal || cues.intent
}
