/**
 * no-internal-detail: the artifacts of internal work are noise to customers.
 * Ticket keys, chat channels, stack traces, log lines, file paths, commits,
 * container images, Kubernetes object references, SQL, metric and alert
 * names tell a customer nothing they can act on. Host names, addresses and
 * internal domains are no-internal-hostname's; see rules/no-internal-detail.md
 * for the boundary and for what customers do see (error codes, public URLs).
 *
 * One pass over the lines of the text: line-level details (traces, logs,
 * SQL) from lines.ts, then every whitespace-delimited token through
 * tokens.ts. Only what customers read counts: prose sentences and code
 * (Markdown code through `doc.codeSpans`), never placeholders.
 */
import {defineRule} from '../src/engine/define-rule.ts'
import type {Doc} from '../src/engine/doc.ts'
import {maskLookup} from '../src/text/mask.ts'
import {compilePatterns, type PatternList} from '../src/text/patterns.ts'
import {wordIndex} from '../src/text/walk.ts'
import {type SpaceToken, splitOnWhitespace} from '../src/text/whitespace.ts'
import {type LineDetail, lineDetails} from './no-internal-detail/lines.ts'
import {classifyToken, type Detail, type DetailKind, imageKind, isPlainWord, type Token} from './no-internal-detail/tokens.ts'
import {vocabulary as v} from './no-internal-detail/vocabulary.ts'

const id = 'no-internal-detail'

interface Range {
  start: number
  end: number
}

/** The range in `ranges` (sorted, not overlapping) holding `offset`. */
function rangeAt(ranges: readonly Range[], offset: number): Range | undefined {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const range = ranges[mid]!
    if (offset < range.start) hi = mid - 1
    else if (offset >= range.end) lo = mid + 1
    else return range
  }
  return undefined
}

/** Punctuation trimmed around a token, as char codes: looked up for every word. */
const codes = (chars: string) => new Set([...chars].map((char) => char.charCodeAt(0)))
const leading = codes('([{"\'“‘*`')
const trailing = codes(')]}"\'”’.,;:!?*~`')

/**
 * A token with its neighbours for context, read only when a test asks: most
 * tokens are plain words and never look at theirs.
 */
class LineToken implements Token {
  readonly core: string
  readonly start: number
  readonly #cores: readonly string[]
  readonly #index: number
  #before: readonly string[] | undefined
  #after: readonly string[] | undefined

  constructor(core: string, start: number, cores: readonly string[], index: number) {
    this.core = core
    this.start = start
    this.#cores = cores
    this.#index = index
  }

  get before(): readonly string[] {
    return (this.#before ??= this.#cores.slice(Math.max(0, this.#index - 3), this.#index).reverse().map((core) => core.toLowerCase()))
  }

  get after(): readonly string[] {
    return (this.#after ??= this.#cores.slice(this.#index + 1, this.#index + 4).map((core) => core.toLowerCase()))
  }
}

/**
 * The tokens of one line worth classifying, with the punctuation around
 * them trimmed. A plain word (isPlainWord) is never a detail, so it gets no
 * token, but it still counts as a neighbour of the tokens around it.
 */
function tokensOf(words: readonly SpaceToken[], offset: number): Token[] {
  const cores: string[] = []
  const starts: number[] = []
  for (const {text: word, start} of words) {
    let from = 0
    let to = word.length
    while (from < to && leading.has(word.charCodeAt(from))) from++
    while (to > from && trailing.has(word.charCodeAt(to - 1))) to--
    if (to > from && to - from <= 256) {
      cores.push(word.slice(from, to))
      starts.push(offset + start + from)
    }
  }
  const tokens: Token[] = []
  for (let index = 0; index < cores.length; index++) {
    if (!isPlainWord(cores[index]!)) tokens.push(new LineToken(cores[index]!, starts[index]!, cores, index))
  }
  return tokens
}

/** Customers see this code on screen ("customers see error E-1042"): it is theirs to recognise. */
function customerFacing(sentence: string): boolean {
  const lower = sentence.toLowerCase()
  return v.customerSees.some((phrase) => lower.includes(phrase))
}

function linkDetail(host: string): Pick<Detail, 'kind' | 'what'> | undefined {
  const under = (domains: readonly string[]) => domains.some((domain) => host === domain || host.endsWith(`.${domain}`))
  // "status.slack.com" is the chat vendor's public status page, not a workspace.
  const vendorPage = v.channelHosts.some((domain) => host.endsWith(`.${domain}`) && v.publicSubdomains.has(host.slice(0, -domain.length - 1)))
  if (under(v.channelHosts) && !vendorPage) return {kind: 'channel', what: 'a link into our team chat'}
  if (under(v.trackerHosts)) return {kind: 'ticket', what: 'a link into our internal tracker'}
  return undefined
}

function findDetails(doc: Doc, allow: PatternList): Detail[] {
  const {text} = doc
  const sentences = doc.sentences
  const code = doc.codeSpans
  const placeholder = maskLookup(doc.masks.filter((mask) => mask.kind === 'placeholder'))
  const link = maskLookup(doc.masks.filter((mask) => mask.kind === 'link'))
  const inProse = wordIndex(() => sentences)
  const found: Detail[] = []
  /** Where a line-level detail ends: its line in code, its sentence in prose. */
  const lineEnd = (detail: LineDetail, start: number, end: number): number => {
    const within = rangeAt(code, start) ?? rangeAt(sentences, start)
    let stop = Math.min(end, within ? within.end : end)
    while (stop > start && /[\s.]/.test(text[stop - 1]!)) stop--
    return detail.end ?? stop
  }
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart)
    const lineStop = newline === -1 ? text.length : newline
    const line = text.slice(lineStart, lineStop)
    const words = splitOnWhitespace(line)
    for (const detail of lineDetails(line, words)) {
      const start = lineStart + detail.start
      found.push({...detail, start, end: lineEnd({...detail, end: detail.end && lineStart + detail.end}, start, lineStop)})
    }
    for (const token of tokensOf(words, lineStart)) {
      // A registry host makes an image reference look like a bare link (ghcr.io/acme/api:v3.1); a URL with a scheme is a link.
      const linked = link(token.start, token.start + token.core.length) !== undefined
      if (linked && (token.core.includes('://') || !imageKind(token.core))) continue
      const detail = classifyToken(token, text)
      if (detail) found.push(detail)
    }
    lineStart = lineStop + 1
  }
  for (const {start, end, host} of doc.links) {
    const detail = linkDetail(host)
    if (detail) found.push({...detail, start, end})
  }
  const kept: Detail[] = []
  let reach = -1
  for (const detail of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (detail.start < reach) continue
    const sentence = rangeAt(sentences, detail.start)
    // Only what customers read: words of the prose, or code; never a Markdown comment or link target.
    if (!rangeAt(code, detail.start) && !inProse(detail.start, detail.end)) continue
    if (placeholder(detail.start, detail.end) || allow.match(text.slice(detail.start, detail.end))) continue
    if ((detail.kind === 'ticket' || detail.kind === 'exception') && sentence && customerFacing(text.slice(sentence.start, sentence.end))) continue
    const previous = kept.at(-1)
    if (previous && continues(previous, detail, text)) Object.assign(previous, {kind: detail.kind, what: detail.what, end: detail.end})
    else kept.push({...detail})
    reach = detail.end
  }
  return kept
}

/**
 * A trace or a log is one detail however many lines it has: a frame on the
 * next line joins the exception or frame before it, a log line the log line
 * before it. The exception's line may go on (": closed"); a frame's may not.
 */
function continues(previous: Detail, next: Detail, text: string): boolean {
  const after = previous.kind === 'stackTrace' || previous.kind === 'exception' ? 'stackTrace' : previous.kind === 'logLine' ? 'logLine' : undefined
  if (next.kind !== after) return false
  const between = text.slice(previous.end, next.start)
  const newline = between.indexOf('\n')
  if (newline === -1 || between.indexOf('\n', newline + 1) !== -1 || between.slice(newline).trim() !== '') return false
  return previous.kind === 'exception' || between.trim() === ''
}

/** Long details (a whole trace line) are quoted by their start in the message. */
function quote(value: string): string {
  const line = value.split('\n')[0]!
  return line.length > 60 || line !== value ? `${line.slice(0, 57)}…` : line
}

const messages: Record<DetailKind, string> = {
  ticket: '"{detail}" is {what}: customers can\'t open it. Say what you are doing about the problem instead, e.g. "we are rolling back the change"',
  channel: '"{detail}" is {what}, which customers can\'t join. Point them to the status page for updates instead',
  stackTrace: '"{detail}" is {what}: it tells customers nothing they can act on. Say which feature fails for them instead',
  exception: '"{detail}" is {what}: customers don\'t know what it means. Describe what they see instead, e.g. "previews fail to load"',
  logLine: '"{detail}" is {what}: customers can\'t act on it. Describe what they see instead',
  path: '"{detail}" is {what}: customers can\'t see or use it. Say which feature is affected instead, e.g. "file storage filled up"',
  commit: '"{detail}" is {what}: it means nothing to customers. Say what changed instead, e.g. "we rolled back the latest release"',
  image: '"{detail}" is {what}: customers can\'t act on it. Say what changed instead, e.g. "we rolled back an update to the upload service"',
  objectReference: '"{detail}" is {what}: customers can\'t act on it. Say which feature is affected instead',
  sql: '"{detail}" is {what}: customers can\'t act on it. Say what they experienced instead, e.g. "a slow database query made the order page time out"',
  metric: '"{detail}" is {what} from our dashboards, which customers can\'t see. Say what they experience instead, e.g. "pages are loading slowly"',
}

export const noInternalDetail = defineRule({
  id,
  description: 'No ticket keys, chat channels, stack traces, logs, paths, commits, images, object references, SQL or metric names in customer messages',
  severity: 'warn',
  recommended: true,
  messages,
  note: 'Internal artifacts are noise to customers: they cannot open the ticket, join the channel or read the dashboard, and the detail hides what they need to know. Say what customers experience and what you are doing. Error codes customers see on screen, public links, product and region names and version numbers of their own software are fine.',
  options: {
    allow: {
      type: 'string[]',
      default: [],
      regex: true,
      description: 'Details never to flag: a literal, a `*` glob, or `/regex/flags` (e.g. a ticket prefix your customers quote, `SUP-*`)',
    },
  },
  create(options) {
    const allow = compilePatterns(id, 'allow', options.allow)
    return ({doc, report}) => {
      for (const {kind, start, end, what} of findDetails(doc, allow)) {
        report({messageId: kind, start, end, data: {detail: quote(doc.text.slice(start, end)), what}})
      }
    }
  },
})
