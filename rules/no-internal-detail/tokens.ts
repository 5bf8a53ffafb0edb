/**
 * One whitespace-delimited token at a time: is it a ticket key, a channel,
 * a path, a commit, an image, an object reference, an exception or class
 * name, a metric or alert name, or a table name? Every test is a string
 * check or an anchored linear regex over one short token.
 */
import {objectReferenceAt} from '../../src/text/artifacts.ts'
import {vocabulary as v} from './vocabulary.ts'

export type DetailKind =
  | 'ticket'
  | 'channel'
  | 'stackTrace'
  | 'exception'
  | 'logLine'
  | 'path'
  | 'commit'
  | 'image'
  | 'objectReference'
  | 'sql'
  | 'metric'

export interface Detail {
  kind: DetailKind
  start: number
  end: number
  /** What exactly it is, for the message ("an exception name", "a class name"). */
  what: string
}

export interface Token {
  /** The token without the punctuation around it. */
  core: string
  start: number
  /** Up to three previous tokens' cores, nearest first, lower case. */
  before: readonly string[]
  /** Up to three next tokens' cores, nearest first, lower case. */
  after: readonly string[]
}

const hasDigit = (value: string) => /\d/.test(value)
const hasLetter = (value: string) => /[a-z]/i.test(value)
const upperCount = (value: string) => value.replace(/[^A-Z]/g, '').length

function ticketKind(core: string): string | undefined {
  // Two digits at least: PRO-2 and BIZ-5 are plan names, OPS-12 a ticket.
  const key = /^([A-Z][A-Z\d]{1,9})-\d{2,7}$/.exec(core)?.[1]
  if (key !== undefined && upperCount(key) >= 2 && !v.standardPrefixes.has(key) && !v.codePrefixes.has(key)) return 'a ticket key'
  // Phabricator tasks (T183999).
  if (/^T\d{5,7}$/.test(core)) return 'a ticket key'
  // ServiceNow-style numbers (INC0021063, PRB0010088, RITM0012345): capitals glued to a zero-padded number of seven or
  // eight digits; model numbers (KX4400123) are not padded.
  const prefix = /^([A-Z]{2,6})0\d{6,7}$/.exec(core)?.[1]
  if (prefix !== undefined && !v.standardPrefixes.has(prefix) && !v.codePrefixes.has(prefix)) return 'a ticket key'
  return undefined
}

/** A key right after a customer cue ("reference INC-4521"), or after a cue and a noun such as "number" ("quote request RITM0100233"). */
function quotedByCustomers(token: Token): boolean {
  const [first = '', second = ''] = token.before
  return v.customerCues.has(first) || (v.customerCueNouns.has(first) && v.customerCues.has(second))
}

/** `phab:T181315`, `gerrit:419090`, `jira:OPS-12`. */
function prefixedTicket(core: string): boolean {
  const colon = core.indexOf(':')
  if (colon === -1 || !v.ticketPrefixes.has(core.slice(0, colon).toLowerCase())) return false
  const rest = core.slice(colon + 1)
  return /^\d{3,9}$/.test(rest) || ticketKind(rest) !== undefined
}

function extension(core: string): string | undefined {
  const dot = core.lastIndexOf('.')
  return dot > 0 ? core.slice(dot + 1) : undefined
}

// Each test below first looks at the character its regex cannot do without: classifyToken runs them all on most tokens that are not plain words.
function pathKind(core: string): string | undefined {
  if ((core[1] === ':' || core[0] === '\\') && (/^[a-z]:\\./i.test(core) || /^\\\\[\w.-]+\\/.test(core))) return 'a file path on a server'
  if ((core[0] === '/' || core[0] === '~') && /^~?(?:\/[\w.@+-]+){2,}\/?$/.test(core)) {
    const segments = core.split('/').filter((segment) => segment !== '' && segment !== '~')
    if (v.filesystemRoots.has(segments[0]!) || v.fileExtensions.has(extension(segments.at(-1)!) ?? '') || core.startsWith('~/')) {
      return 'a file path on a server'
    }
    return undefined
  }
  // Relative paths and bare file names count by their extension: dblists/x.dblist, InitialiseSettings.php.
  if (v.fileExtensions.has(extension(core) ?? '') && /^[\w.-]+(?:\/[\w.-]+)*$/.test(core) && hasLetter(core.slice(0, core.lastIndexOf('.')))) {
    return core.includes('/') ? 'a file path on a server' : 'a file name from our servers'
  }
  return undefined
}

export function imageKind(core: string): string | undefined {
  if (core.includes('sha256:') && (/^[a-z\d][\w./-]*@sha256:[\da-f]{12,64}$/.test(core) || /^sha256:[\da-f]{64}$/.test(core))) return 'a container image digest'
  const colon = core.lastIndexOf(':')
  if (colon <= 0) return undefined
  const name = core.slice(0, colon)
  const tag = core.slice(colon + 1)
  if (!/^[a-z\d][a-z\d._/-]*$/.test(name) || name.endsWith('/') || !/[a-z]/.test(name)) return undefined
  if (!/^\w[\w.-]{0,127}$/.test(tag)) return undefined
  const versioned = hasDigit(tag) && !/^\d+$/.test(tag)
  return versioned || v.imageTags.has(tag) ? 'a container image tag' : undefined
}

// Neighbours are read from the token only where a test needs them (`token.before`, not destructured): building them costs more than the tests.
function commitKind(token: Token): string | undefined {
  const {core} = token
  if (core.length < 7 || core.length > 40 || !/^[\da-f]{7,40}$/.test(core) || !hasDigit(core) || !/[a-f]/.test(core)) return undefined
  if (core.length < 40 && token.before.slice(0, 2).some((word) => v.idCues.has(word))) return undefined
  return 'a commit hash'
}

/** CamelCase parts: `HighErrorRate` → High, Error, Rate. */
function humps(core: string): string[] | undefined {
  const first = core.charCodeAt(0)
  return first >= 0x41 && first <= 0x5a && /^(?:[A-Z][a-z\d]+)+$/.test(core) ? core.match(/[A-Z][a-z\d]+/g)! : undefined
}

function codeNameKind(token: Token): [DetailKind, string] | undefined {
  const {core} = token
  if (v.errorConstants.has(core)) return ['exception', 'an error constant from a log']
  // Wait events and scoped names: LWLock:BufferMapping, IO:DataFileRead (a scope of capitals, then CamelCase of two parts or more).
  const colon = core.indexOf(':')
  if (colon > 0 && upperCount(core.slice(0, colon)) >= 2 && /^[A-Z][A-Za-z]+$/.test(core.slice(0, colon)) && /^(?:[A-Z][a-z\d]+){2,}$/.test(core.slice(colon + 1))) {
    return ['exception', 'an identifier from our database or code']
  }
  const last = core.slice(core.lastIndexOf('.') + 1)
  const parts = humps(last)
  const qualified = last !== core && /^[a-z]\w*(?:\.[a-z]\w*)*$/.test(core.slice(0, core.length - last.length - 1))
  if (parts && parts.length >= 2 && v.exceptionSuffixes.some((suffix) => parts.at(-1) === suffix)) return ['exception', 'an exception name from our code']
  // An alert may carry a label after "_": `HighErrorRate_checkout`.
  const labelled = parts === undefined && /^(?:[A-Z][a-z\d]+)+(?:_[A-Za-z\d]+)+$/.test(last) ? humps(last.slice(0, last.indexOf('_'))) : parts
  if (last === core && labelled && labelled.length >= 2 && labelled.some((part) => v.alertWords.has(part))) {
    if (v.alertNouns.has(token.after[0] ?? '') || v.alertNouns.has(token.before[0] ?? '')) return ['metric', "an alert rule's name"]
  }
  // java.lang.Thread, com.acme.InvoiceService; not "unsuccessful.The", a missing space.
  const packages = core.length - last.length > 0 ? core.slice(0, core.length - last.length - 1).split('.').length : 0
  if (qualified && /^[A-Z]/.test(last) && (packages >= 2 || (parts?.length ?? 0) >= 2)) return ['exception', 'a class name from our code']
  // Product and extension names have two or three parts (PagerDuty, TimedMediaHandler); class names run longer, or are called classes.
  // Looked up only for a CamelCase word, and without building an array: this runs for every word.
  const called = () => [token.before[0], token.before[1], token.after[0]].some((word) => word !== undefined && v.codeCues.has(word))
  if (last === core && parts && (parts.length >= 4 || (parts.length >= 2 && called()))) return ['exception', 'a class name from our code']
  return undefined
}

function underscoreKind(token: Token): [DetailKind, string] | undefined {
  const core = token.core.includes('{') ? token.core.slice(0, token.core.indexOf('{')) : token.core
  if (!core.includes('_') || !/^[a-z][a-z\d]*(?:_[a-z\d]+)+$/.test(core)) return undefined
  const parts = core.split('_')
  if (parts.some((part) => v.metricParts.has(part))) {
    const alert = v.alertNouns.has(token.after[0] ?? '') || v.alertNouns.has(token.before[0] ?? '')
    return ['metric', alert ? "an alert rule's name" : 'a metric name']
  }
  if ([...token.before, ...token.after].some((word) => v.tableCues.has(word))) return ['sql', 'a database table name']
  return undefined
}

/** Letters only, at most the first one upper case: `/^[A-Za-z][a-z]*$/` as a loop over char codes. */
function hasPlainShape(core: string): boolean {
  const first = core.charCodeAt(0)
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return false
  for (let i = 1; i < core.length; i++) {
    const code = core.charCodeAt(i)
    if (code < 0x61 || code > 0x7a) return false
  }
  return true
}

/** The error constants a plain word could be: none in today's list (they are upper case), but the list is data. */
const plainErrorConstants = [...v.errorConstants].filter(hasPlainShape)

/**
 * "investigating", "Update": letters only, at most the first one upper case.
 * No test below can match such a word (each needs a digit, a second capital,
 * or one of `/ \\ : . - _ # @`), except an error constant, so most words of
 * a message skip a dozen regexes. Runs for every word of every message.
 */
export function isPlainWord(core: string): boolean {
  return hasPlainShape(core) && !plainErrorConstants.includes(core)
}

/** What `token` is, if it is an internal artifact; `text` is the whole file, for object references. */
export function classifyToken(token: Token, text: string): Detail | undefined {
  const {core, start} = token
  if (isPlainWord(core)) return undefined
  const end = start + core.length
  const found = (kind: DetailKind, what: string): Detail => ({kind, start, end, what})
  const slash = core.indexOf('/')
  if (slash > 0) {
    const reference = objectReferenceAt(text, start + slash + 1)
    if (reference && reference.start === start) return {kind: 'objectReference', start, end: reference.end, what: 'a Kubernetes object reference'}
  }
  const path = pathKind(core)
  if (path) return found('path', path)
  if (prefixedTicket(core)) return found('ticket', 'a ticket key')
  const ticket = ticketKind(core)
  // error ERR-1042, reference INC-4521: a code customers see or quote to support.
  if (ticket) return quotedByCustomers(token) ? undefined : found('ticket', ticket)
  if (/^#[a-z][a-z\d]*(?:[-_][a-z\d]+)+$/.test(core)) return found('channel', 'an internal chat channel')
  const commit = commitKind(token)
  if (commit) return found('commit', commit)
  const image = imageKind(core)
  if (image) return found('image', image)
  const named = codeNameKind(token) ?? underscoreKind(token)
  if (named) return found(named[0], named[1])
  return undefined
}
