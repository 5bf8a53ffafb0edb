/**
 * How require-impact reads one sentence (see require-impact.md, "How it
 * reads a sentence"): the lexicon tags each word with a kind, and each
 * predicate is judged by the noun phrase that bears it.
 *
 * Over 400 lines on purpose: it is one class because every predicate's
 * reading (trouble, state, affected, again) asks the others' questions of
 * the same tagged sentence (bearer, thing, internal subject) and writes the
 * same Reading. Split by predicate, each part would need the tags, the
 * reading and half of the helpers passed back in. The word lists it reads
 * live in require-impact.json (vocabulary.ts).
 */
import {tag, type Tagged} from '../../src/text/grammar.ts'
import type {Sentence} from '../../src/text/walk.ts'
import {activities, againVerbs, chain, customerFacing, doForms, experiences, futureConditions, grammar, halts, haves, impactModifiers, type K, type Kind, lexicon, links, modifiers, notCustomer, notVerbs, nouns, objectNouns, particles, perceptions, subjectNouns, troubleVerbs, vacant, verbForm, workVerbs, writersWork} from './vocabulary.ts'

/** What a sentence says about impact, and what it comes close to saying. */
export interface Reading {
  /** States impact: a symptom, a named affected thing, a recovery or a no-impact statement. */
  impact: boolean
  /** Names an internal failure with no customer-facing consequence. */
  internal: boolean
  /** Names who is affected ("some customers"), not what. */
  who: boolean
  /** Mentions an issue, problem or incident without its thing. */
  trouble: boolean
  /** The words that state the impact, when it does: what `npm run eval` prints for a passing update. */
  cue?: {kind: Kind; start: number; end: number}
}

type Thing = 'named' | 'who' | undefined

class Reader {
  readonly t: Tagged<Kind>
  readonly reading: Reading = {impact: false, internal: false, who: false, trouble: false}

  constructor(readonly text: string, sentence: Sentence) {
    this.t = tag(lexicon, text, sentence)
    const {kinds} = this.t
    const {words} = sentence
    const redone: number[] = []
    kinds.forEach((kind, i) => {
      // "not directly affected", "daily reports": a lower-case -ly word is an adverb or adjective, never what bears a predicate.
      if (kind === undefined && /^[a-z]{2,}ly$/.test(words[i]!.text)) kinds[i] = 'adverb'
      // "phones are re-registering", "failed webhooks are being re-sent": a verb done again is a recovery, judged by its bearer.
      if (kind === undefined && /^re-[a-z]{3,}(?:ing|ed|sent)$/.test(words[i]!.norm)) {
        kinds[i] = 'state'
        redone.push(i)
      }
      // "web services", "application performance": a generic noun with a content word before it names a thing.
      if (kind === 'generic' && this.isContent(this.before(i))) kinds[i] = undefined
      // "the cache layer", "our storage subsystem": a generic noun after an internal one is internal.
      if (kind === 'generic' && kinds[this.before(i) ?? -1] === 'internal') kinds[i] = 'internal'
      // "Page loads are slow", "sync runs have stalled": a state word between a noun and an auxiliary is a noun.
      if (kind === 'state' && this.isContent(this.before(i)) && kinds[i + 1] === 'aux') kinds[i] = undefined
      // "our database clusters" are internal; "Databases in eu-west-2" are the customers'.
      if (kind !== 'hosted') return
      let k = i - 1
      while (this.joined(k + 1) !== undefined && k >= i - 3 && (kinds[k] === undefined || kinds[k] === 'internal')) k--
      kinds[i] = this.joined(k + 1) !== undefined && kinds[k] === 'owner' ? 'internal' : undefined
    })
    // A retagged word is a predicate of its own, read in its place from left to right.
    if (redone.length > 0) {
      for (const i of redone) this.t.ends.set(i, i)
      this.t.ends = new Map([...this.t.ends].sort((a, b) => a[0] - b[0]))
    }
  }

  kind(index: number | undefined): K {
    return index === undefined ? undefined : this.t.kinds[index]
  }

  norm(index: number): string {
    return this.t.sentence.words[index]!.norm
  }

  /** Word `index` when it exists and no punctuation separates it from the word before it. */
  joined(index: number): number | undefined {
    return index > 0 && index < this.t.kinds.length && !this.t.breaks[index] ? index : undefined
  }

  /** The word before `index`, when no punctuation separates them. */
  before(index: number): number | undefined {
    return this.joined(index) === undefined ? undefined : index - 1
  }

  isContent(index: number | undefined): boolean {
    return index !== undefined && this.t.kinds[index] === undefined && !this.t.sentence.words[index]!.literal
  }

  /** An audience is named when a content word qualifies it: "mobile users", "customers using SSO", "users on the Team plan". */
  qualified(index: number): boolean {
    if (this.isContent(this.before(index))) return true
    // "customers on the EU cluster", "users who sign in with SSO", "some users when publishing sites".
    const next = this.joined(index + 1)
    if (next === undefined || !(grammar.isPreposition(this.kind(next)) || this.kind(next) === 'when')) return false
    const head = grammar.headAfter(this.t, this.t.last[next]! + 1, modifiers)
    return head !== undefined && !vacant.has(this.kind(head))
  }

  /** What the noun phrase at `index` names. */
  thing(index: number | undefined): Thing {
    if (index === undefined) return undefined
    const kind = this.kind(index)
    if (kind === undefined || kind === 'symptom' || kind === 'symptomNoun' || kind === 'state') return 'named'
    if (kind === 'audience') return this.qualified(index) || this.modifier(index) ? 'named' : 'who'
    return undefined
  }

  /** "account verification emails", "the customer portal": a singular audience word before a content noun qualifies that noun, which names the thing. */
  modifier(index: number): boolean {
    const next = this.joined(index + 1)
    return next !== undefined && this.isContent(next) && !this.norm(index).endsWith('s') && !/(?:ing|ed)$/.test(this.norm(next))
  }

  /**
   * The subject of the clause around `index` is an internal component, and
   * no consequence ties it to what follows. The subject's head is the last
   * noun of the clause's first noun phrase: "production builds" → builds.
   */
  internalSubject(index: number): boolean {
    const head = this.lastNoun(grammar.headAfter(this.t, grammar.clauseStart(this.t, index)), index)
    if (head === undefined || head >= index || this.kind(head) !== 'internal') return false
    for (let k = head + 1; k < index; k++) if (this.kind(k) === 'consequence') return false
    return true
  }

  /** The head of the clause's first noun phrase, as internalSubject reads it (-1 when there is none). */
  subjectHead(index: number): number {
    return this.lastNoun(grammar.headAfter(this.t, grammar.clauseStart(this.t, index)), index) ?? -1
  }

  /** The last noun of the run that starts at `first`, before `limit`: "read replicas" → replicas, "production builds" → builds. */
  lastNoun(first: number | undefined, limit = Number.POSITIVE_INFINITY): number | undefined {
    let head = first
    while (head !== undefined && head + 1 < limit && this.joined(head + 1) !== undefined && subjectNouns.has(this.kind(head + 1))) head++
    return head
  }

  /** A fault is not impact when its bearer is internal (a hit for the message) or otherwise not customer-facing. */
  judge(bearer: number | undefined): boolean {
    const kind = this.kind(bearer)
    if (bearer !== undefined && kind === 'internal') this.reading.internal = true
    return bearer === undefined || !notCustomer.has(kind)
  }

  symptom(from: number, to: number): boolean {
    const next = this.joined(to + 1)
    if (this.kind(next) === 'internal') return !(this.reading.internal = true)
    if (this.kind(next) === 'work') return false
    // With an object, the symptom is the object's: "failed logins", "is delaying messages", "broke image uploads".
    // Adverbs ("failed unexpectedly") are skipped: lower-case -ly words are tagged as adverbs.
    const object = next === undefined ? undefined : grammar.headAfter(this.t, next)
    // After an auxiliary only a verb takes an object ("is delaying messages", "has broken uploads"); "were offline" does not.
    const takesObject = grammar.chainStart(this.t, from) === from || verbForm.test(this.norm(from))
    if (takesObject && object !== undefined && objectNouns.has(this.kind(object)) && !this.t.sentence.words[object]!.literal) {
      if (this.kind(object) === 'internal') return !(this.reading.internal = true)
      return true
    }
    const before = this.before(grammar.chainStart(this.t, from))
    // Used as a predicate ("A deploy failed", "Exports are stuck"), it is said of its bearer; before a noun, of that noun.
    const predicate = before !== undefined && (nouns.has(this.kind(before)) || this.kind(before) === 'relative')
    if (predicate && !this.judge(grammar.bearer(this.t, from))) return false
    if (this.internalSubject(from)) return !(this.reading.internal = true)
    return true
  }

  symptomNoun(from: number, to: number): boolean {
    const next = this.joined(to + 1)
    const sides = [this.kind(this.before(from)), this.kind(next)]
    if (sides.includes('internal') || this.internalSubject(from)) return !(this.reading.internal = true)
    // "an outage in the PyPI backends", "errors on one of our database nodes": where the symptom is, when that is internal, is a cause.
    if (next !== undefined && this.kind(next) === 'linker' && this.kind(this.lastNoun(grammar.headAfter(this.t, this.t.last[next]! + 1, modifiers))) === 'internal') {
      return !(this.reading.internal = true)
    }
    return !sides.includes('work')
  }

  inability(from: number, to: number): boolean {
    if (!this.judge(grammar.bearer(this.t, from))) return false
    // The verb after "unable to", "cannot": "unable to provide an ETA" is the writer's.
    let verb = to + 1
    while (this.joined(verb) !== undefined && (this.norm(verb) === 'to' || chain.has(this.kind(verb))) && verb - to < 4) verb++
    return this.joined(verb) === undefined || !writersWork.has(this.kind(verb))
  }

  state(from: number, to: number): boolean {
    // A status list: "Verizon (status - Operational)", "Checkout: status: operational". The state is said of the name before "status".
    if (this.statusEntry(from)) return true
    const before = this.before(from)
    // "for all mailboxes to resync": the noun before "to" bears it, and "to" makes it a statement.
    const infinitive = before !== undefined && this.norm(before) === 'to' && grammar.bearer(this.t, from) === undefined
    // "adjustments that improved the situation", "a config change restored the dashboards": a past-tense state verb
    // with an object is said of that object, not of its subject.
    const object = this.stateObject(from, to)
    if (object !== undefined) return this.kind(object) === undefined || this.kind(object) === 'audience'
    const bearer = infinitive ? grammar.bearer(this.t, before) : grammar.bearer(this.t, from)
    if (bearer === undefined || notCustomer.has(this.kind(bearer))) return false
    // "to have billing back", "get checkout back": a state said of the object of "have" or "get".
    let opener = this.before(grammar.nounPhraseStart(this.t, bearer))
    // "bringing more customers back online", "bring affected users back": past the words that qualify the object.
    while (opener !== undefined && (this.kind(opener) === 'adverb' || modifiers.has(this.kind(opener)) || this.kind(opener) === 'quantifier')) opener = this.before(opener)
    const participle = this.norm(bearer).endsWith('ed')
    // "have seen SMTP connections improve": a state said of what the writer sees, like the object of "get".
    const seen = opener !== undefined && this.kind(opener) === 'affected' && perceptions.has(this.norm(opener))
    const objectLike = this.kind(bearer) === undefined || (this.kind(bearer) === 'audience' && this.kind(opener) === 'causative')
    const caused = objectLike && !participle && opener !== undefined && (this.kind(opener) === 'causative' || haves.has(this.norm(opener)) || seen)
    // "warmed up again", "is being rolled back", "cleaning up": a particle after a verb is part of that verb.
    if (from === to && particles.has(this.norm(from)) && before === bearer && /(?:ed|ing)$/.test(this.norm(bearer)) && !caused) return false
    const start = grammar.chainStart(this.t, from)
    const auxiliary = start < from || infinitive
    const again = this.kind(this.joined(to + 1)) === 'again'
    // "get things back to normal" is work and "Service should be restored soon" a prediction; "All services are operating normally" is a state.
    // "once service is restored", "until systems are back": a condition still to come, not a state.
    if (this.kind(bearer) === 'generic') return (auxiliary || again) && !this.t.kinds.slice(start, from).includes('modal') && !this.futureCondition(bearer)
    // "Checkout recovered at 14:05": a past-tense state right after its content noun is a statement without an auxiliary.
    const pastFinite = from === to && before === bearer && this.kind(bearer) === undefined && this.norm(from).endsWith('ed')
    return auxiliary || again || (to > from && this.kind(bearer) === undefined) || caused || pastFinite
  }


  /** The clause around `index` opens with a condition still to come: "once", "until", "when", "after", "if". */
  futureCondition(index: number): boolean {
    const opener = grammar.clauseStart(this.t, index) - 1
    return opener >= 0 && this.joined(opener + 1) !== undefined && futureConditions.has(this.norm(opener))
  }

  /** The head of the noun phrase a one-word past-tense state takes as its object, when a determiner opens one right after it: "improved the situation". */
  stateObject(from: number, to: number): number | undefined {
    const next = this.joined(to + 1)
    if (from !== to || next === undefined || !this.norm(from).endsWith('ed') || !(this.kind(next) === 'quantifier' || this.kind(next) === 'owner')) return undefined
    return grammar.headAfter(this.t, next, modifiers)
  }

  /** A state right after "status" and punctuation, with a content word before "status": one line of a status list. */
  statusEntry(from: number): boolean {
    const status = from - 1
    if (status < 1 || this.norm(status) !== 'status' || !this.t.breaks[status] || !this.isContent(status - 1)) return false
    const {words} = this.t.sentence
    return /^\s*[-:–]\s*$/.test(this.text.slice(words[status]!.end, words[from]!.start))
  }

  /** "Desk phones are ringing again", "payments work again", "users can sign in again": any verb with "again", said of a customer-facing noun. */
  again(from: number): boolean {
    let verb = this.before(from)
    // Back over adverbs and a particle: "load quickly again", "sign in again", "warmed up again".
    while (verb !== undefined && this.kind(verb) === 'adverb') verb = this.before(verb)
    if (verb !== undefined && (grammar.isPreposition(this.kind(verb)) || particles.has(this.norm(verb)))) verb = this.before(verb)
    if (verb === undefined || !(this.isContent(verb) || againVerbs.has(this.kind(verb)))) return false
    if (this.isContent(verb) && this.objectAgain(verb)) return true
    const bearer = grammar.bearer(this.t, verb)
    return bearer !== undefined && customerFacing.has(this.kind(bearer))
  }

  /** "to see your files again", "customers can access their invoices again": the object of a verb is what recovers. */
  objectAgain(noun: number): boolean {
    let start = grammar.nounPhraseStart(this.t, noun)
    // A content word before the determiner is the verb: "access their invoices".
    for (let k = start + 1; k < noun; k++) if (this.kind(k) === 'quantifier' || this.kind(k) === 'owner') start = k
    const opener = this.before(start)
    if (opener === undefined || opener === noun) return false
    if (this.kind(opener) === 'affected' || this.kind(opener) === 'state') return true
    const bearer = this.isContent(opener) ? grammar.bearer(this.t, opener) : undefined
    return bearer !== undefined && customerFacing.has(this.kind(bearer))
  }

  /** An -ing word naming what customers do: "trouble connecting", "issues logging in", "impacted while using the app". */
  activity(index: number): boolean {
    return this.joined(index) !== undefined && activities.has(this.kind(index)) && this.norm(index).endsWith('ing') && !this.t.sentence.words[index]!.literal
  }

  /** "logging some members out". */
  phrasal(to: number): boolean {
    for (let k = to + 1; k <= to + 4 && this.joined(k) !== undefined; k++) if (this.norm(k) === 'out') return true
    return false
  }

  /** "This kind of restore usually takes an hour": after a determiner or preposition, "restore" is a noun, not an action on a thing ("working on restoring the circuits" is). */
  restore(from: number, to: number): boolean {
    if (this.norm(from).endsWith('ing')) return this.thing(grammar.headAfter(this.t, to + 1, modifiers)) === 'named'
    let before = this.before(from)
    while (this.isContent(before)) before = this.before(before!)
    // "a full restore", "this kind of restore"; "to restore" is the verb.
    const kind = this.kind(before)
    if (kind === 'quantifier' || (grammar.isPreposition(kind) && this.norm(before!) !== 'to')) return false
    return this.thing(grammar.headAfter(this.t, to + 1, modifiers)) === 'named'
  }

  /** The word "impact", which as a trouble word can also be a verb ("may impact uploads") or end ("the impact is over"). */
  isImpact(index: number | undefined): boolean {
    return index !== undefined && (this.norm(index) === 'impact' || this.norm(index) === 'impacts')
  }

  /** "no impact to card payments", "no customer impact", "no further impact". */
  negatedImpact(from: number): boolean {
    for (let k = from - 1; k >= from - 3 && this.joined(k + 1) !== undefined; k--) {
      const kind = this.kind(k)
      if (kind === 'negator') return true
      if (!impactModifiers.has(kind)) return false
    }
    return false
  }

  trouble(from: number, to: number): void {
    const isImpact = this.isImpact(from)
    if (isImpact && this.negatedImpact(from)) return void (this.reading.impact = true)
    if (this.noTroubleExpected(from)) return void (this.reading.impact = true)
    const before = this.before(from)
    // "login issues"; not a headline's verb ("Confirms issue on their end").
    const headline = before === 0 && /(?:[^s]s|ed)$/.test(this.norm(0))
    // "We noticed problem on one of our servers": after the writer, the word is a verb, not the trouble's thing.
    const verb = before !== undefined && this.kind(this.before(before)) === 'writer'
    // "The vendor is having issues": a verb of having is not the trouble's thing; what follows may name it ("having issues delivering texts").
    const having = before !== undefined && haves.has(this.norm(before))
    if (this.isContent(before) && !headline && !verb && !having) {
      // "Our provider is having connection issues": the trouble of an internal subject names no customer-facing thing, unless what follows does.
      // The subject must start a verb group ("provider | is having"): in "deploy a solution to the connectivity issue", "deploy" is the verb.
      if (!this.internalSubject(from) || !chain.has(this.kind(this.subjectHead(from) + 1))) return void (this.reading.impact = true)
      this.reading.internal = true
    }
    if (this.kind(before) === 'internal') this.reading.internal = true
    if (this.kind(before) === 'audience') this.reading.who = true
    let next = to + 1
    while (this.joined(next) !== undefined && chain.has(this.kind(next)) && next - to < 4) next++
    const link = this.joined(next)
    let named: Thing
    // "an issue that impacted invoice generation", "a bug which is affecting exports": the relative clause names the thing.
    const affects = link !== undefined && this.kind(link) === 'relative' ? this.relativeVerb(link) : undefined
    if (affects !== undefined) named = this.thing(grammar.headAfter(this.t, this.t.last[affects]! + 1, modifiers))
    else if (link !== undefined && links.has(this.kind(link))) {
      const first = grammar.headAfter(this.t, this.t.last[link]! + 1, modifiers)
      // "issues with all read replicas of our database cluster": the run's last noun says whose trouble it is.
      const head = this.kind(first) === undefined ? this.lastNoun(first) : first
      if (this.kind(head) !== 'internal') named = this.thing(first)
    }
    // "trouble connecting", "issues loading"; "may impact users on iOS".
    else if (link === next && next === to + 1 && this.activity(link)) named = 'named'
    else if (isImpact && before !== undefined && (this.kind(before) === 'modal' || this.kind(before) === 'aux' || this.kind(before) === 'pronoun')) named = this.thing(grammar.headAfter(this.t, to + 1, modifiers))
    if (named === 'named') this.reading.impact = true
    else if (named === 'who') this.reading.who = true
    else this.reading.trouble = true
  }

  /** "This should not cause any issues", "we do not expect any problems": a negated verb of causing or expecting before the trouble word is a no-impact statement. */
  noTroubleExpected(from: number): boolean {
    let verb = this.before(from)
    while (verb !== undefined && (this.kind(verb) === 'quantifier' || this.kind(verb) === 'vague')) verb = this.before(verb)
    if (verb === undefined || !troubleVerbs.has(this.norm(verb))) return false
    return this.kind(this.before(verb)) === 'negator'
  }

  /** The affect verb of a relative clause ("that impacted", "which is affecting"), past its auxiliaries. */
  relativeVerb(relative: number): number | undefined {
    let k = relative + 1
    while (this.joined(k) !== undefined && chain.has(this.kind(k)) && k - relative < 4) k++
    if (this.joined(k) === undefined) return undefined
    const kind = this.kind(k)
    return kind === 'affect' || (kind === 'affected' && /(?:ed|ing)$/.test(this.norm(k)) && !this.norm(k).startsWith('un')) ? k : undefined
  }

  affected(from: number, to: number): boolean {
    const bearer = grammar.bearer(this.t, from)
    if (bearer === undefined) return false
    const kind = this.kind(bearer)
    let negated = this.norm(from).startsWith('un') || this.norm(from) === 'not'
    for (let k = grammar.chainStart(this.t, from); k < from; k++) if (this.kind(k) === 'negator') negated = true
    const named = kind === 'audience' ? this.thing(bearer) : kind === undefined ? 'named' : undefined
    // "Customers may experience lower cache hit ratios", "users may see stale totals": what customers experience is named by its object.
    if (!negated && customerFacing.has(kind) && experiences.has(this.norm(from)) && this.isContent(grammar.headAfter(this.t, to + 1, modifiers))) return true
    if (named === 'who' && !negated) this.reading.who = true
    // A statement needs its verb: "users are not affected" is one, "the users not directly affected by it" is not.
    let auxiliary = false
    for (let k = grammar.chainStart(this.t, from); k < from; k++) if (this.kind(k) === 'aux' || this.kind(k) === 'modal') auxiliary = true
    if (!auxiliary) return false
    if (negated) return customerFacing.has(kind)
    // "Some customers may be impacted while using the Android app": the thing follows.
    const next = this.joined(to + 1)
    if (named === 'who' && next !== undefined && (this.kind(next) === 'when' || this.kind(next) === 'linker')) {
      return this.thing(grammar.headAfter(this.t, this.t.last[next]! + 1, modifiers)) === 'named' || this.activity(this.t.last[next]! + 1)
    }
    return named === 'named'
  }

  /** "work" at `next` is a verb when a modal or a form of "do" carries the negation at `from`: "might not work", "doesn't work", "will not work". */
  workVerb(from: number, next: number): boolean {
    if (!workVerbs.has(this.norm(next))) return false
    for (let k = grammar.chainStart(this.t, from); k <= from; k++) if (this.kind(k) === 'modal' || doForms.has(this.norm(k))) return true
    return false
  }

  /** "Invoices are not being generated": a negated verb said of a customer-facing noun; "Search returns no results": a negated object. */
  negated(from: number, to: number): boolean {
    const verb = this.before(from)
    if (this.norm(from) === 'no' && this.isContent(verb)) {
      const bearer = grammar.bearer(this.t, verb!)
      if (bearer !== undefined && customerFacing.has(this.kind(bearer))) return true
    }
    let next = to + 1
    while (this.joined(next) !== undefined && chain.has(this.kind(next)) && next - to < 4) next++
    // Any verb: "domains are not resolving", "the integration is not triggering"; "work" after a modal or "do" ("might not work", "don't work").
    const verbFollows = this.joined(next) !== undefined && !this.t.sentence.words[next]!.literal && (!notVerbs.has(this.kind(next)) || this.workVerb(from, next))
    // "Imports stopped with an exception": a halt needs no verb after it.
    if (!verbFollows && !halts.test(this.norm(from))) return false
    const bearer = grammar.bearer(this.t, from)
    return bearer !== undefined && customerFacing.has(this.kind(bearer))
  }

  read(): Reading {
    for (const [from, to] of this.t.ends) {
      if (this.reading.impact) break
      const kind = this.t.kinds[from]!
      let impact = false
      if (kind === 'symptom') impact = this.symptom(from, to)
      else if (kind === 'symptomNoun') impact = this.symptomNoun(from, to)
      else if (kind === 'inability') impact = this.inability(from, to)
      else if (kind === 'state') impact = this.state(from, to)
      else if (kind === 'restore') impact = this.restore(from, to)
      else if (kind === 'again') impact = this.again(from)
      else if (kind === 'phrasal') impact = this.phrasal(to)
      else if (kind === 'affect') {
        const named = this.thing(grammar.headAfter(this.t, to + 1, modifiers))
        if (named === 'who') this.reading.who = true
        impact = named === 'named'
      } else if (kind === 'affected') impact = this.affected(from, to)
      else if (kind === 'ended') impact = this.isImpact(grammar.bearer(this.t, from))
      else if (kind === 'negator') impact = this.negated(from, to)
      else if (kind === 'trouble') this.trouble(from, to)
      if (impact) this.reading.impact = true
      if (this.reading.impact) {
        const {words} = this.t.sentence
        this.reading.cue = {kind, start: words[from]!.start, end: words[to]!.end}
      }
    }
    return this.reading
  }
}

export function readImpact(text: string, sentence: Sentence): Reading {
  return new Reader(text, sentence).read()
}
