/**
 * Retrospectives: a message that reports a closed window in the past and
 * nothing still going on ("Between 09:00 and 09:45 UTC, API requests
 * failed") needs no next update.
 */
import type {Sentence, Word} from '../../text/walk.ts'
import {looksAhead} from './clauses.ts'
import {findTimes} from './expressions.ts'
import {ongoingVerbs} from './promises.ts'
import {wordSet} from '../../text/word-lists.ts'
import data from './retrospective.json' with {type: 'json'}

const ongoingWords = new Set([...ongoingVerbs, ...data.ongoingWords.words])
const beForms = wordSet(data.beForms)

/** "are investigating", "is actively being processed", "we continue to…". */
function isOngoing(words: readonly Word[]): boolean {
  return words.some((word, i) => {
    if (ongoingWords.has(word.norm)) return true
    if (!beForms.has(word.norm)) return false
    let at = i + 1
    while (words[at]?.norm.endsWith('ly') || words[at]?.norm === 'now' || words[at]?.norm === 'not') at++
    const verb = words[at]?.norm ?? ''
    return verb.length > 4 && verb.endsWith('ing')
  })
}

/**
 * A message that reports a closed window in the past ("Between 09:00 and
 * 09:45 UTC, API requests failed") and says neither that anything is still
 * going on nor what will happen next: a retrospective, written once the
 * incident is over, whatever words it uses for the resolution.
 */
export function isRetrospective(sentences: readonly Sentence[]): boolean {
  let window = false
  for (const sentence of sentences) {
    const times = findTimes(sentence)
    if (times.some((time) => time.window && time.frame === 'fact')) window = true
    if (isOngoing(sentence.words)) return false
    // "on 16 May 2025" is a date, not a modal.
    const outside = times.length === 0 ? sentence.words : sentence.words.filter((_, i) => !times.some((time) => time.from <= i && i <= time.to))
    if (looksAhead(outside, 0, outside.length - 1)) return false
  }
  return window
}
