/**
 * require-impact's vocabulary: the kinds its lexicon (require-impact.json)
 * tags words with, the grammar built on them, and the sets of kinds the
 * reader asks about. Data and its checks, apart from the reading itself.
 */
import {Grammar} from '../../src/text/grammar.ts'
import {Lexicon} from '../../src/text/lexicon.ts'
import {entriesOf, wordSet} from '../../src/text/word-lists.ts'
import data from '../require-impact.json' with {type: 'json'}

const kinds = [
  'symptom', 'symptomNoun', 'inability', 'writerVerb', 'state', 'restore', 'trouble', 'affect', 'affected', 'linker',
  'prep', 'when', 'clause', 'consequence', 'aux', 'modal', 'adverb', 'negator', 'again', 'notFailure', 'writer', 'work', 'workVerb', 'ended',
  'relative', 'internal', 'hosted', 'generic', 'audience', 'quantifier', 'owner', 'pronoun', 'vague', 'shadow', 'causative', 'phrasal',
] as const
export type Kind = (typeof kinds)[number]
export const lexicon = new Lexicon(entriesOf(data.wordClasses, kinds), (entry) => entry.phrases)
/** Auxiliaries, adverbs and negators: the verb group between a subject and its predicate. */
const chainKinds: Kind[] = ['aux', 'modal', 'adverb', 'negator', 'again']
export const grammar = new Grammar<Kind>({
  chain: chainKinds,
  preposition: ['linker', 'prep'],
  quantifier: ['quantifier', 'owner'],
  clause: ['clause', 'when'],
  noun: ['audience', 'generic', 'internal', 'hosted', 'work', 'writer', 'pronoun', 'trouble', 'owner'],
  modifier: ['vague', 'affected', 'symptom'],
  relative: ['relative'],
})

export type K = Kind | undefined
const set = (...list: K[]): ReadonlySet<K> => new Set(list)
/** Bearers that are not customer-facing: what they bear is not impact. */
export const notCustomer = set('writer', 'work', 'workVerb', 'internal', 'pronoun', 'trouble')
/** Nouns that qualify nothing: "customers on our end", "users of this". */
export const vacant = set('writer', 'work', 'pronoun')
/** What can head a noun phrase that bears a predicate; `undefined` is a content word. */
export const nouns = set(undefined, 'audience', 'generic', 'internal', 'work', 'writer', 'pronoun', 'trouble')
/** Skipped when reading what a trouble word or an affect verb names: "an ongoing issue with affected accounts". */
export const modifiers = set('vague', 'affected')
/** What ties a trouble word to its thing: "issues with", "an issue affecting", "trouble when". */
export const links = set('linker', 'when', 'affect')
export const chain = set(...chainKinds)
/** Nouns a customer sees: content words, audiences and the general "services". */
export const customerFacing = set(undefined, 'audience', 'generic')
/** Nouns that can follow a symptom as its object ("failed logins", "delaying messages"). */
export const objectNouns = set(undefined, 'audience', 'internal')
/** Verb forms among the symptoms: participles and the irregular pasts that take an object. */
export const verbForm = /(?:ing|ed|en)$|^(?:broke|lost|hung|froze)$/
/** "have" before a state's bearer: "to have billing back". */
export const haves = wordSet(data.haves)
/** Forms of "do" and negated modals that make the "work" after them a verb: "doesn't work", "won't work". */
export const doForms = wordSet(data.doForms)
/** "work" as a verb after a negated modal or "do", not the noun ("the work is ongoing"). */
export const workVerbs = wordSet(data.workVerbs)
/** Negated before a trouble word, a no-impact statement: "should not cause any issues". */
export const troubleVerbs = wordSet(data.troubleVerbs)
/** Clause openers that make a state a condition still to come: "once service is restored". */
export const futureConditions = wordSet(data.futureConditions)
/** Nouns that extend a subject's noun phrase: "production builds", "the database node". */
export const subjectNouns = set(undefined, 'internal', 'generic', 'audience')
/** What an -ing word after a trouble word can be: "trouble connecting", "issues loading", "issues logging in". */
export const activities = set(undefined, 'state', 'phrasal', 'prep')
/** Tagged verbs that "again" can follow: "payments work again", "mail is syncing again". */
export const againVerbs = set('work', 'state')
/** What cannot follow a negated verb group as its verb ("is not the cause", "are not our customers"), or has its own reading ("not affected", "not loading"). */
export const notVerbs = set('quantifier', 'owner', 'work', 'writer', 'internal', 'generic', 'audience', 'trouble', 'pronoun', 'linker', 'prep', 'clause', 'relative', 'when', 'notFailure', 'vague', 'shadow', 'affected', 'symptom', 'state', 'inability')
/** Among the 'affected' verbs, those whose object is what customers experience: "may experience lower cache hit ratios". */
export const experiences = wordSet(data.experienceVerbs)
/** Among the 'affected' verbs, seeing: "we have seen SMTP connections improve" states what was seen. */
export const perceptions = wordSet(data.perceptionVerbs)
/** Negators that halt on their own: "Imports stopped", "Syncing has ceased". */
export const halts = /^(?:stop|cease)/
/** Particles of phrasal verbs before "again": "sign in again", "warmed up again". */
export const particles = wordSet(data.particles)
/** What may stand between "no" and "impact". */
export const impactModifiers = set(undefined, 'audience', 'vague', 'quantifier')
/** After "unable to", the writer's own work: "unable to provide an ETA", "cannot reproduce the problem". */
export const writersWork = set('writerVerb', 'workVerb', 'work')
