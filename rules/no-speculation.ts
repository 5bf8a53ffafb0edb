/**
 * no-speculation: never guess about the cause or state of an incident.
 * Hedges about impact ("customers may see delays") are normal status
 * language and pass; see no-speculation.json for what is listed and why.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {findQuotes, maskLookup} from '../src/text/mask.ts'
import {expand, Lexicon, type PhraseMatch} from '../src/text/lexicon.ts'
import type {Sentence} from '../src/text/walk.ts'
import data from './no-speculation.json' with {type: 'json'}

type Kind = 'belief' | 'cause' | 'hedge'

interface Guess {
  /** `allow`: a phrase that is not a guess (the team's, or an apology in the data), shadowing any listed phrase inside it. */
  kind: Kind | 'allow'
  phrase: string
  suggest?: string
}

interface Cue {
  kind: 'impact' | 'cause'
}

/** How far a cue may stand from a hedge, in words, within the same clause. */
const cueAhead = 8
const cueBehind = 4
/** Words that start a new clause when looking back from a hedge: "errors, and the database is probably full". */
const clauseWords = new Set(['and', 'but', 'while', 'so', 'which', 'as', 'although', 'though'])
/**
 * "We believe we have found it" does not read as "We are investigating whether
 * we have found it"; nor does "…, we think." with nothing after it.
 */
const selfReference = new Set(['we', "we've", "we're", "we'll", "we'd", 'i', "i've", "i'm"])

const cues = new Lexicon(data.cues as Array<{kind: Cue['kind']; phrases: string[]}>, (cue) => cue.phrases)

const words = (phrase: string) => expand(phrase).map((slots) => slots.join(' '))

/**
 * One lexicon per configuration: the listed guesses minus any phrase that
 * contains an allowed one ("likely" allowed also allows "most likely"), the
 * team's extra phrases as hedges, and the allowed phrases themselves, which
 * win as longer matches ("we believe in" over "we believe").
 */
function compile(allow: readonly string[], extra: readonly string[]): Lexicon<Guess> {
  const allowed = [...new Set(allow.flatMap(words))]
  const isAllowed = (phrase: string) => allowed.some((a) => ` ${phrase} `.includes(` ${a} `))
  const guesses = new Map<string, Guess>()
  const listed = new Set<string>()
  for (const entry of data.entries) {
    for (const phrase of entry.phrases.flatMap(words)) {
      /* v8 ignore next -- @preserve guards the data file, which has no duplicates */
      if (listed.has(phrase)) throw new Error(`no-speculation.json lists "${phrase}" twice`)
      listed.add(phrase)
      if (!isAllowed(phrase)) guesses.set(phrase, {kind: entry.kind as Guess['kind'], phrase, ...(entry.suggest ? {suggest: entry.suggest} : {})})
    }
  }
  for (const phrase of extra.flatMap(words)) {
    if (!guesses.has(phrase) && !isAllowed(phrase)) guesses.set(phrase, {kind: 'hedge', phrase})
  }
  for (const phrase of allowed) guesses.set(phrase, {kind: 'allow', phrase})
  return new Lexicon(guesses.values(), (guess) => [guess.phrase])
}

/**
 * Whether a hedge qualifies impact or advice rather than cause or state: the
 * first cue after it in the clause decides ("likely to be delayed" vs
 * "likely caused by"); failing that, the nearest cue just before it
 * ("Further delays are likely"). No cue: a guess.
 */
function isAboutImpact(sentence: Sentence, match: PhraseMatch<Guess>, found: PhraseMatch<Cue>[]): boolean {
  const {words: list} = sentence
  const clauseBreak = (from: number, to: number) => {
    for (let k = from; k <= to; k++) if (list[k]!.gap) return true
    return false
  }
  const ahead = found.find((cue) => cue.from > match.to)
  if (ahead && ahead.from - match.to <= cueAhead && !clauseBreak(match.to + 1, ahead.from)) return ahead.entry.kind === 'impact'
  const behind = found.findLast((cue) => cue.to < match.from)
  if (!behind || match.from - behind.to > cueBehind || clauseBreak(behind.to + 1, match.from)) return false
  for (let k = behind.to + 1; k < match.from; k++) if (clauseWords.has(list[k]!.norm)) return false
  return behind.entry.kind === 'impact'
}

function capitalizeLike(model: string, value: string): string {
  return model[0] === model[0]!.toUpperCase() ? value[0]!.toUpperCase() + value.slice(1) : value
}

export const noSpeculation = defineRule({
  id: 'no-speculation',
  description: 'Say what is known about the cause and state of an incident, never a guess',
  severity: 'warn',
  recommended: true,
  messages: {
    belief: '"{phrase}" is a guess: say what you know, or that you are still investigating whether it is so',
    cause: '"{phrase}" guesses at the cause: name the cause once it is confirmed, or say it is still under investigation',
    hedge: '"{phrase}" guesses at the cause or state of the incident: say what is known, or what you are still checking',
  },
  note: 'Never guess: say what is known, or that the cause is still under investigation. A guess that turns out wrong has to be taken back in public, and customers act on what you write (they blame a provider, roll back their own changes, or stop watching). Hedges about impact, such as "customers may see delays", are fine: they tell customers what to watch for.',
  options: {
    allow: {type: 'string[]', default: [], description: 'Words or phrases never to flag (also allows listed phrases that contain them)'},
    extra: {type: 'string[]', default: [], description: 'More words or phrases to flag, judged like the built-in hedges'},
  },
  create({allow, extra}) {
    const guesses = compile(allow, extra)
    return ({doc, report}) => {
      // Quotes are only looked for once a guess turns up: most messages have none.
      let quoted: ReturnType<typeof maskLookup> | undefined
      for (const sentence of doc.sentences) {
        let found: PhraseMatch<Cue>[] | undefined
        for (const match of guesses.find(sentence)) {
          const {kind, suggest} = match.entry
          if (kind === 'allow') continue
          quoted ??= maskLookup(findQuotes(doc.text))
          if (quoted(match.start, match.end)) continue
          if (kind === 'hedge' && isAboutImpact(sentence, match, (found ??= cues.find(sentence)))) continue
          const actual = doc.text.slice(match.start, match.end)
          const next = sentence.words[match.to + 1]
          const expected = suggest && next && !selfReference.has(next.norm) ? [capitalizeLike(actual, suggest)] : undefined
          // The rewrite is mechanical (a belief becomes what is being checked), so --fix may apply it.
          report({messageId: kind, start: match.start, end: match.end, data: {phrase: actual}, ...(expected ? {expected, fixable: true} : {})})
        }
      }
    }
  },
})
