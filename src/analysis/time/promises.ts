/**
 * Promises of a further update: "Next update in 30 minutes", "We will post
 * an update by 16:00 UTC", "Updates to follow", "We'll keep you posted".
 * require-next-update looks for them; no-resolution-estimate leaves their
 * clauses alone, since a promised update is required practice.
 */
import {Lexicon} from '../../text/lexicon.ts'
import type {Sentence, Word} from '../../text/walk.ts'
import {type Clause, clauseAt, findClauses, looksAhead} from './clauses.ts'
import {findTimes, type TimeExpression} from './expressions.ts'
import {wordSet} from '../../text/word-lists.ts'
import data from './promises.json' with {type: 'json'}

/** A promise of a further update ("Next update in 30 minutes"), with the times that say when. */
export interface UpdatePromise {
  clause: Clause
  /** The words that make the promise ("next update", "will post an update"). */
  start: number
  end: number
  /** Time expressions in the same clause that say when ("in 30 minutes", "every 30 minutes"). */
  times: TimeExpression[]
}

/**
 * What promises customers another update; promises.json says why each phrase
 * is there. An entry's `standalone` says it promises on its own ("next update",
 * "updates to follow"), else only with a verb that looks ahead ("will post an update").
 */
const promiseLexicon = new Lexicon(data.promises.entries, (entry) => entry.phrases)
const softwareWords = wordSet(data.softwareWords)
const negations = wordSet(data.negations)
const closingWords = wordSet(data.closingWords)
export const ongoingVerbs = wordSet(data.ongoingVerbs)
const updateFollowers = wordSet(data.updateFollowers)
const determiners = wordSet(data.determiners)
const updatedThings = wordSet(data.updatedThings)
const nounMarkers = wordSet(data.nounMarkers)

/** "update" at `verb` changes something ("update the load balancer") rather than telling customers. */
function updatesSomething(words: readonly Word[], verb: number): boolean {
  const next = words[verb + 1]
  if (!next || next.gap || updateFollowers.has(next.norm)) return false
  return !determiners.has(next.norm) || !updatedThings.has(words[verb + 2]?.norm ?? '')
}

/**
 * Promises of a further update in `sentence`: "Next update in 30 minutes",
 * "We will post an update by 16:00 UTC", "Updates to follow", "We'll keep
 * you posted". Negated ones ("No further updates will be posted") are not
 * promises. At most one per clause.
 */
export function findPromises(sentence: Sentence, givenTimes?: TimeExpression[], givenClauses?: Clause[]): UpdatePromise[] {
  const matches = promiseLexicon.find(sentence)
  // Most sentences promise nothing: only those with a promise phrase pay for times and clauses.
  if (matches.length === 0) return []
  const {words} = sentence
  const times = givenTimes ?? findTimes(sentence)
  const clauses = givenClauses ?? findClauses(sentence, times)
  const found: UpdatePromise[] = []
  for (const match of matches) {
    // "…monitor | and update as…": the joining word starts the match but belongs to no clause.
    const clause = (clauseAt(clauses, match.from) ?? clauseAt(clauses, match.to))!
    if (found.some((promise) => promise.clause === clause)) continue
    if (match.from > clause.from && [words[match.from - 1]!.norm, words[match.from - 2]?.norm].some((norm) => softwareWords.has(norm ?? ''))) continue
    const last = words[match.to]!.norm
    // Every phrase ending in "update" has a word before it: "will update", "next update".
    if ((last === 'update' || last === 'updating') && !nounMarkers.has(words[match.to - 1]!.norm) && updatesSomething(words, match.to)) continue
    // "the last update": a closing word before the promise; "post a final update": part of it.
    if (words.slice(clause.from, match.to + 1).some((word, k) => negations.has(word.norm) && !(closingWords.has(word.norm) && clause.from + k > match.from))) continue
    // "We will continue to monitor | and provide updates": the modal is in the clause before.
    const first = clause.continues ? clauses[clauses.indexOf(clause) - 1]!.from : clause.from
    const ahead = looksAhead(words, first, clause.to) || words.slice(first, clause.to + 1).some((word) => ongoingVerbs.has(word.norm))
    if (!match.entry.standalone && !ahead) continue
    found.push({
      clause,
      start: match.start,
      end: match.end,
      times: times.filter((time) => time.frame !== 'fact' && clauseAt(clauses, time.to) === clause),
    })
  }
  return found
}
