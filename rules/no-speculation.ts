/**
 * no-speculation: never guess about the cause or state of an incident.
 * Hedges about impact ("customers may see delays") are normal status
 * language and pass; see no-speculation.json for what is listed and why.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import {findQuotes, maskLookup} from '../src/text/mask.ts'
import {expand, Lexicon, type PhraseMatch} from '../src/text/lexicon.ts'
import {entriesOf, ofKind, wordSet} from '../src/text/word-lists.ts'
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

/** What stands around a hedge: the system it is about, a thing customers look at, a picture it is compared with. */
interface Around {
  kind: 'system' | 'appearance' | 'picture' | 'opinion'
}

/** How far a cue may stand from a hedge, in words, within the same clause. */
const cueAhead = 8
const cueBehind = 4
/** Words that start a new clause when looking back from a hedge: "errors, and the database is probably full". */
const clauseWords = wordSet(data.clauseWords)
/**
 * "We believe we have found it" does not read as "We are investigating whether
 * we have found it"; nor does "…, we think." with nothing after it.
 */
const selfReference = wordSet(data.selfReference)

const clauseCues: ReadonlyArray<Cue['kind']> = ['impact', 'cause']
const aroundCues: ReadonlyArray<Around['kind']> = ['system', 'appearance', 'picture', 'opinion']
const allCues = entriesOf(data.cues, [...clauseCues, ...aroundCues])
const cues = new Lexicon(allCues.filter(ofKind(clauseCues)), (cue) => cue.phrases)
const surroundings = new Lexicon(allCues.filter(ofKind(aroundCues)), (cue) => cue.phrases)
const guessEntries = entriesOf(data.guesses, ['belief', 'cause', 'hedge', 'allow'])
/** Words between a subject and its hedge: "The database | is | likely", "Customers | will | probably". */
const auxiliaries = wordSet(data.auxiliaries)
/** "probably a network issue": a hedge before one of these names what the problem is. */
const determiners = wordSet(data.determiners)
/** "likely a few emails were delayed" sizes the impact: a quantity, not an identification. */
const quantities = wordSet(data.quantities)
/** Hedges that end in "like": a comparison that may be literal ("looks like the screenshot"). */
const comparisons = wordSet(data.comparisons)
/**
 * Words right after a hedge that make it about the scope of impact ("appear
 * to be affected", "seems to affect only…", "appears to be limited to the
 * UI") or about how something is shown ("does not seem to be highlighted").
 */
const scopeVerbs = wordSet(data.scopeVerbs)
/** Between a hedge and its verb: "appear | to be | affected", "seems | to have been | limited". */
const verbFillers = wordSet(data.verbFillers)
/** Past hedges narrate what was seen at the time ("the file server appeared to be offline"); only a cause after them is a guess. */
const pastHedges = wordSet(data.pastHedges)
/** After "it may be": a necessity or a wait, not a guess ("It may be necessary to sign in again"). */
const notIdentities = wordSet(data.notIdentities)
/** Past participles that do not end in -ed, for "may have <participle>": "may have been", "might have seen". */
const participles = wordSet(data.participles)
/** Before "whether" or "if": the guess after them is a question being checked ("investigating whether this may be related"). */
const inquiryVerbs = wordSet(data.inquiryVerbs)
/** How far back "whether" or "if" may stand from a guess, in words. */
const inquiryReach = 20
/** Subjects of "this may have caused …" that are the incident itself: what follows is its impact. */
const incidentPronouns = wordSet(data.incidentPronouns)

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
  for (const entry of guessEntries) {
    for (const phrase of entry.phrases.flatMap(words)) {
      /* v8 ignore next -- @preserve guards the data file, which has no duplicates */
      if (listed.has(phrase)) throw new Error(`no-speculation.json lists "${phrase}" twice`)
      listed.add(phrase)
      if (!isAllowed(phrase)) guesses.set(phrase, {kind: entry.kind, phrase, ...(entry.suggest ? {suggest: entry.suggest} : {})})
    }
  }
  for (const phrase of extra.flatMap(words)) {
    if (!guesses.has(phrase) && !isAllowed(phrase)) guesses.set(phrase, {kind: 'hedge', phrase})
  }
  for (const phrase of allowed) guesses.set(phrase, {kind: 'allow', phrase})
  return new Lexicon(guesses.values(), (guess) => [guess.phrase])
}

/** The word a hedge is said of: the one just before it, auxiliaries skipped, or -1 across punctuation. */
function subjectOf(sentence: Sentence, match: PhraseMatch<Guess>): number {
  const {words: list} = sentence
  let at = match.from - 1
  while (at >= 0 && auxiliaries.has(list[at]!.norm) && !list[at + 1]!.gap) at--
  return at >= 0 && !list[at + 1]!.gap ? at : -1
}

/**
 * Whether a hedge is not a guess about cause or state. In order:
 * - a comparison of looks ("The new dialog looks like the screenshot below");
 * - a hedge on the scope of impact ("appear to be affected");
 * - a guess when it names what the problem is ("probably a network issue
 *   affecting customers") or is said of a system or third party ("Our CDN
 *   provider appears to be experiencing an outage affecting customers"),
 *   whatever impact words follow;
 * - otherwise the first cue after it in the clause decides ("likely to be
 *   delayed" vs "likely caused by"); failing that, the nearest cue just
 *   before it ("Further delays are likely"). No cue: a guess.
 */
function isNotAGuess(sentence: Sentence, match: PhraseMatch<Guess>, found: PhraseMatch<Cue>[], around: PhraseMatch<Around>[]): boolean {
  const {words: list} = sentence
  const at = (index: number) => list[index]?.norm ?? ''
  const subject = subjectOf(sentence, match)
  const aroundAt = (index: number) => around.find((cue) => cue.from <= index && index <= cue.to)?.entry.kind
  const next = at(match.to + 1)
  const last = at(match.to)
  if (comparisons.has(last)) {
    if (aroundAt(subject) === 'appearance' || aroundAt(match.to + 1) === 'picture') return true
    // "looks like this:" points at what follows.
    if (next === 'this' && list[match.to + 2]?.gap !== false) return true
  }
  // "may have to restart" (an obligation) and "may have some network noise" (a possession) are not "may have crashed".
  if (last === 'have' && !participles.has(next) && !(next.length > 3 && next.endsWith('ed'))) return true
  // "It may be necessary to…", "It may be a few minutes before…"
  if (last === 'be' && notIdentities.has(next) && (next !== 'a' || quantities.has(at(match.to + 2)))) return true
  let verb = match.to + 1
  while (verbFillers.has(at(verb))) verb++
  if (scopeVerbs.has(at(verb))) return true
  if (pastHedges.has(at(match.from))) return found.find((cue) => cue.from > match.to)?.entry.kind !== 'cause'
  if (determiners.has(next) && !list[match.to + 1]!.gap && !quantities.has(at(match.to + 2))) return false
  if (subject !== -1 && aroundAt(subject) === 'system') return false
  return isAboutImpact(sentence, match, found)
}

/** How far a word of value may follow a belief: "We believe | that's a more | useful course of action". */
const opinionReach = 5

/**
 * A belief that is an opinion about how the team works: a word of value
 * soon after it in the same clause ("We believe that's a more useful course
 * of action", "We believe every customer deserves a clear explanation").
 */
function isOpinion(sentence: Sentence, match: PhraseMatch<Guess>, around: PhraseMatch<Around>[]): boolean {
  const value = around.find((cue) => cue.entry.kind === 'opinion' && cue.from > match.to)
  if (!value || value.from - match.to > opinionReach) return false
  for (let k = match.to + 1; k <= value.from; k++) if (sentence.words[k]!.gap) return false
  return true
}

/**
 * "This could have caused the landing page to not take the user back": the
 * incident itself (this, it, the issue) as the cause, and its impact after,
 * is a hedge on impact, not a guess at a cause; so is "This may be causing
 * some invoices to arrive late". "A bad deploy may have caused the errors"
 * names a cause and stays a guess. "May have caused" with nothing after it
 * in its clause ends an apology: "the disruption our maintenance may have
 * caused".
 */
function isIncidentImpact(sentence: Sentence, match: PhraseMatch<Guess>, found: PhraseMatch<Cue>[]): boolean {
  const {words: list} = sentence
  const last = list[match.to]!.norm
  // "…the disruption our maintenance may have caused.": nothing caused after it, so what it caused is the apology's object.
  if (last === 'caused' && (list[match.to + 1] === undefined || list[match.to + 1]!.gap)) return true
  const subject = subjectOf(sentence, match)
  if (subject === -1 || !incidentPronouns.has(list[subject]!.norm) || (last !== 'caused' && last !== 'causing')) return false
  const ahead = found.find((cue) => cue.from > match.to && cue.entry.kind === 'impact')
  if (!ahead) return false
  for (let k = match.to + 1; k <= ahead.from; k++) if (list[k]!.gap) return false
  return true
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
    for (let k = from; k <= to; k++) if (list[k]!.gap && !unitOnly(sentence, k)) return true
    return false
  }
  const ahead = found.find((cue) => cue.from > match.to)
  if (ahead && ahead.from - match.to <= cueAhead && !clauseBreak(match.to + 1, ahead.from)) return ahead.entry.kind === 'impact'
  const behind = found.findLast((cue) => cue.to < match.from)
  if (!behind || match.from - behind.to > cueBehind || clauseBreak(behind.to + 1, match.from)) return false
  for (let k = behind.to + 1; k < match.from; k++) if (clauseWords.has(list[k]!.norm)) return false
  return behind.entry.kind === 'impact'
}

/**
 * "We are investigating whether this may be related to the deploy", "we
 * were discussing if the new cluster could be causing the issue": a guess
 * after "whether" or "if" that follows a word of checking is a question, not
 * a claim.
 */
function isQuestion(sentence: Sentence, match: PhraseMatch<Guess>): boolean {
  const {words: list} = sentence
  for (let k = match.from - 1; k > 0 && match.from - k <= inquiryReach; k--) {
    const norm = list[k]!.norm
    if ((norm === 'whether' || norm === 'if') && inquiryVerbs.has(list[k - 1]!.norm)) return true
  }
  return false
}

/** Only a unit sign stands before word `k` ("100% failure", "$5 charges"): no clause breaks there. */
function unitOnly(sentence: Sentence, k: number): boolean {
  const {words: list, text, start} = sentence
  return /^[%$€£]\s*$/.test(text.slice(list[k - 1]!.end - start, list[k]!.start - start))
}

function capitalizeLike(model: string, value: string): string {
  return model[0] === model[0]!.toUpperCase() ? value[0]!.toUpperCase() + value.slice(1) : value
}

export const noSpeculation = defineRule({
  id: 'no-speculation',
  description: 'Say what is known about the cause and state of an incident, never a guess',
  severity: 'warn',
  recommended: true,
  // Reads English wording: on a message in another language the engine skips it.
  languages: ['eng'],
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
        let around: PhraseMatch<Around>[] | undefined
        for (const match of guesses.find(sentence)) {
          const {kind, suggest} = match.entry
          if (kind === 'allow') continue
          quoted ??= maskLookup(findQuotes(doc.text))
          if (quoted(match.start, match.end)) continue
          if (kind === 'hedge' && isNotAGuess(sentence, match, (found ??= cues.find(sentence)), (around ??= surroundings.find(sentence)))) continue
          if (kind === 'belief' && isOpinion(sentence, match, (around ??= surroundings.find(sentence)))) continue
          // "…and believe …" is the writer's only when the sentence starts with the writer: "We have fixed it and believe…".
          const coordinated = sentence.words[match.from]!.norm === 'and'
          if (coordinated && !selfReference.has(sentence.words[0]!.norm)) continue
          if (kind === 'cause' && isIncidentImpact(sentence, match, (found ??= cues.find(sentence)))) continue
          if (kind !== 'belief' && isQuestion(sentence, match)) continue
          const start = coordinated ? sentence.words[match.from + 1]!.start : match.start
          const actual = doc.text.slice(start, match.end)
          const next = sentence.words[match.to + 1]
          const expected = suggest && next && !selfReference.has(next.norm) ? [capitalizeLike(actual, suggest)] : undefined
          // The rewrite is mechanical (a belief becomes what is being checked), so --fix may apply it.
          report({messageId: kind, start, end: match.end, data: {phrase: actual}, ...(expected ? {expected, fixable: true} : {})})
        }
      }
    }
  },
})
