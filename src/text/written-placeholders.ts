/**
 * Placeholders as published templates write them: guidance for the writer
 * between brackets, angle brackets, single braces or `$( )`, in any case,
 * with spaces, alternatives and line breaks: `[Feature Name]`,
 * `[start time + 1h]`, `[X]`, `<affected_service>`, `<SEV-1|SEV-2|SEV-3>`,
 * `{AFFECTED_SERVICES}`, `{ServiceName}`, `$(component)`.
 *
 * The boundary with prose, measured on the published templates in
 * eval/templates/ and the real updates in ../shared/corpus (none of which
 * may lose a word to a placeholder):
 * - Markdown stays Markdown: `[text](url)`, `[text][ref]`, `[ref]: url`,
 *   footnotes `[^1]`, task boxes `- [ ]`/`- [x]`, escaped `\[`, autolinks
 *   `<https://…>`, HTML tags (`<br>`, `<a href=…>`, `<b>…</b>`).
 * - Data stays data: `[1, 2, 3]`, `["api", "cdn"]`, `[14:02 UTC]`,
 *   `{"a": 1}`, `{color: red}`, `a < b > c`.
 * - Tags stay words: status labels (`[Resolved]`) and Title Case names that
 *   name no kind of value (`[Google BigQuery] Lower throughput`,
 *   `[US Multiregion]`, `[EU]`), which real status pages write; Title Case
 *   that names one (`[Feature Name]`, `[Service]`) is a placeholder.
 * - Things named exactly stay words, so the rules read them: a URL, a path,
 *   a host, an IP address or a ticket key between delimiters
 *   (`error in [/var/lib/app/config.yml]`, `[db-03.prod.internal]`,
 *   `[10.0.4.12]`, `[OPS-1234]`) is no blank to fill, however it is cased.
 * A placeholder ends at the first blank line and stays under 300 characters.
 * Every scan is linear: each delimiter is found once by a forward search.
 */
import data from './placeholder-words.json' with {type: 'json'}
import {wordSet} from './word-lists.ts'

/** What a scan found: where, and the guidance inside (whitespace collapsed). */
export interface WrittenPlaceholder {
  start: number
  end: number
  name: string
}

/** Longer than any guidance a template writes; longer stretches are prose with stray brackets. */
const maxWritten = 300
const maxBrace = 100
const maxShell = 64

const slotWords = wordSet(data.slotWords)
const statusLabels = wordSet(data.statusLabels)
const htmlElements = wordSet(data.htmlElements)
const voidElements = wordSet(data.voidElements)
const logLevels = wordSet(data.logLevels)
/** Letters a timestamp may hold: "[14:02 UTC]", "[9:30 am]" are data, not slots. */
const timeLetters = wordSet(data.timeLetters)
const hostSuffixes = wordSet(data.hostSuffixes)

const hostName = /^[a-z\d-]+(?:\.[a-z\d-]+)+(?::\d{1,5})?$/i

/**
 * Whether `text` (one token, no space) names one thing exactly: a URL, a
 * path (rooted, `~/`, `./`, a drive or a share, or ending in a file name:
 * `src/app/config.yml`), a dotted host (see hostSuffixes), or a ticket key
 * (`OPS-1234`, `INC0021063`). Alternatives written with slashes
 * (`[service/feature]`, `[a/b/c]`) have no root and no file name: still slots.
 */
function namesArtifact(text: string): boolean {
  if (/\s/.test(text)) return false
  if (text.includes('://') || /^www\./i.test(text)) return true
  if (/^(?:~|\.{1,2})?\/[\w.@+-]/.test(text) || /^[a-z]:\\/i.test(text) || text.startsWith('\\\\')) return true
  if (/[/\\]/.test(text) && /\.[a-z][a-z\d]{0,5}$/i.test(text)) return true
  if (hostName.test(text)) {
    const labels = text.replace(/:\d+$/, '').toLowerCase().split('.')
    return labels.length >= 3 || labels.some((label) => /[\d-]/.test(label)) || hostSuffixes.has(labels.at(-1)!)
  }
  return /^[A-Z][A-Z\d]{1,9}-\d{2,7}$/.test(text) || /^[A-Z]{2,6}0\d{6,7}$/.test(text)
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** `BigQuery` → big, query; `AFFECTED_SERVICES` → affected, services. */
function parts(word: string): string[] {
  return word
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/\P{L}+/u)
    .filter(Boolean)
}

/**
 * Whether text between delimiters reads as guidance for the writer rather
 * than as words of the message. `identifiers`: a single name such as
 * `{UptimePct}` or `<impacted_service>` counts (braces and angles are never
 * tags in prose), while in brackets a CamelCase word must name a slot.
 */
export function readsAsSlot(inner: string, identifiers: boolean): boolean {
  const text = collapse(inner)
  // An ellipsis alone is a blank to fill in: "Impact: < … >", "[...]".
  if (text === '…' || text === '...') return true
  if (namesArtifact(text)) return false
  const words = text.match(/[\p{L}\p{N}'’_-]+/gu) ?? []
  const lettered = words.filter((word) => /\p{L}/u.test(word))
  if (lettered.length === 0 || lettered.every((word) => timeLetters.has(word.toLowerCase()))) return false
  if (statusLabels.has(text.toLowerCase())) return false
  const single = words.length === 1 && /^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(text)
  // A numbered name in lower case is one thing, not a kind of value: "[worker-3]", "<mw1238>", "{node-07-eu}"
  // name a worker or a host. SHOUTING stays a template's convention: "<EU_WEST-1>", "[DB-PRIMARY-03]".
  if (single && /\p{Ll}/u.test(text) && /\p{N}$|-\p{N}+-/u.test(text)) return false
  if (single && (identifiers || text.includes('_'))) return true
  const letters = text.replace(/\P{L}/gu, '')
  // SHOUTING is a template convention; words of two capitals are codes ("[EU]", "[P1]", "[EU + US]").
  if (letters === letters.toUpperCase()) return lettered.some((word) => word.replace(/\P{L}/gu, '').length >= 3) || /^\p{Lu}$/u.test(text)
  // Alternatives to choose from: "[degraded / partial / full outage]", "<a|b|c>", "[one region OR all regions]".
  if (/[/|]/.test(text) || /\sOR\s/.test(text)) return true
  // Guidance in sentence case: "[What users experience]", "[if known]", "[X minutes]".
  if (lettered.some((word) => word === word.toLowerCase())) return true
  return lettered.some((word) => parts(word).some((part) => slotWords.has(part)))
}

/** The text from the start of `at`'s line up to `at`. */
function linePrefix(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - 120), at)
  return window.slice(window.lastIndexOf('\n') + 1)
}

/** A clock time as logs write it: `12:03`, `12:03:44,120`, `2024-06-01T12:03:44Z`, `[12:03]`. */
const clockTime = /^\[?(?:\d{4}-\d\d-\d\dT)?\d{1,2}:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?\]?$/

/**
 * Whether a log line's head stands just before `at`: a time, then a level
 * (`… 2024-06-01 12:03:44,120 ERROR [worker-3] …`), or, for a chat log's
 * nick (`angle`), a time that starts the line and an optional mode sign
 * (`17:32 +<icinga-wm> PROBLEM …`, `[12:03] <alice> …`). What follows is a
 * machine's output, so its brackets are a thread, a logger or a nick, never
 * a blank; a time alone before brackets is a timeline (`10:15 UTC [Service]`).
 */
function afterLogHead(text: string, at: number, angle: boolean): boolean {
  const prefix = linePrefix(text, at)
  const words = (angle ? trimEnd(prefix, '+@%') : prefix).trimStart().split(/\s+/)
  // The delimiter is a word of its own: the prefix ends in a space.
  if (words.pop() !== '') return false
  const level = words.at(-1)
  if (level !== undefined && logLevels.has(level.replace(/^\[|\]$|:$/g, ''))) words.pop()
  else if (!angle) return false
  // A chat log's time starts its line, after a list marker at most.
  else if (words.length > 2 || (words.length === 2 && !['-', '*', '+'].includes(words[0]!))) return false
  return clockTime.test(words.at(-1) ?? '')
}

/**
 * Delimiters a machine wrote rather than a template's author: a route's
 * parameter after a slash (`/{domain}/v1/page/{year}`, `/users/[id]`,
 * `/<int:id>`), and a log line's thread, logger or nick (above).
 */
function notWritten(text: string, start: number, angle: boolean): boolean {
  return text[start - 1] === '/' || afterLogHead(text, start, angle)
}

/** A blank line between `from` and `to` ends a placeholder. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(from, to))
}

/** Bracket pairs, matched with a stack in one pass; a blank line empties the stack. */
function bracketPairs(text: string): Array<[number, number]> {
  // Most messages have no bracket: one indexOf instead of a look at every character.
  if (!text.includes('[')) return []
  const stack: number[] = []
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') {
      let j = i + 1
      while (text[j] === ' ' || text[j] === '\t' || text[j] === '\r') j++
      if (text[j] === '\n') stack.length = 0
    } else if (char === '[' && text[i - 1] !== '\\') stack.push(i)
    else if (char === ']' && stack.length > 0) {
      const start = stack.pop()!
      if (i - start < maxWritten) pairs.push([start, i + 1])
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1])
}

function isBracketSlot(text: string, start: number, end: number): boolean {
  const after = text[end]
  const before = text[start - 1]
  const inner = text.slice(start + 1, end - 1)
  // Markdown links, references and footnotes: "[text](url)", "[text][ref]", "[ref]: url", "[^1]".
  if (after === '(' || after === '[' || before === ']' || inner.startsWith('^')) return false
  if (after === ':' && linePrefix(text, start).trim() === '') return false
  if (inner.startsWith('[') && inner.endsWith(']')) return false
  // IPv6 literals: "[fd00::1]:443", "http://[2001:db8::5]/".
  if (/^[\da-f:.%]+$/i.test(inner) && inner.split(':').length > 2) return false
  // Task-list boxes: "- [ ] todo", "1. [x] done".
  if (/^[ x]$/i.test(inner) && /^\s*(?:[-*+]|\d+[.)])\s+$/.test(linePrefix(text, start))) return false
  // Arrays written out: ["api", "cdn"]; brackets around another placeholder: "[{{severity}}]".
  if (/^\s*["'`]/.test(inner) && /["'`]\s*$/.test(inner)) return false
  if (/^\s*(?:\{\{|\{%|\$\{|%\()/.test(inner) && /(?:\}\}|%\}|\}|\)[sd])\s*$/.test(inner)) return false
  return readsAsSlot(inner, false)
}

function scanBrackets(text: string, out: WrittenPlaceholder[]): void {
  let reach = -1
  for (const [start, end] of bracketPairs(text)) {
    if (start < reach || !isBracketSlot(text, start, end) || notWritten(text, start, false)) continue
    out.push({start, end, name: collapse(text.slice(start + 1, end - 1))})
    reach = end
  }
}

/** Where each HTML closing tag last appears, found once per name: `<b>` is HTML when `</b>` follows it. */
function closingTags(text: string): (name: string, after: number) => boolean {
  const last = new Map<string, number>()
  return (name, after) => {
    let at = last.get(name)
    if (at === undefined) last.set(name, (at = text.toLowerCase().lastIndexOf(`</${name}`)))
    return at > after
  }
}

function isHtml(inner: string, end: number, closes: (name: string, after: number) => boolean): boolean {
  // Any element with attributes is markup, HTML or a component: <Callout type="warning">.
  if (/^[a-z][\w.:-]*\s/i.test(inner) && /[\w:-]=["'{]/.test(inner)) return true
  const match = /^([A-Z][A-Z0-9-]*)(?=\s|\/|$)/i.exec(inner)
  if (!match) return false
  const tag = match[1]!.toLowerCase()
  if (voidElements.has(tag)) return true
  if (!htmlElements.has(tag)) return false
  const rest = inner.slice(tag.length).trim()
  return rest.includes('=') || rest.endsWith('/') || (rest === '' && closes(tag, end))
}

function scanAngles(text: string, out: WrittenPlaceholder[]): void {
  let close = -2
  let open = -2
  let closes: ReturnType<typeof closingTags> | undefined
  for (let start = text.indexOf('<'); start !== -1; start = text.indexOf('<', start + 1)) {
    if (!/[A-Z]/i.test(text[start + 1] ?? '') && !/^<\s*(?:…|\.\.\.)\s*>/.test(text.slice(start, start + 12))) continue
    // The next ">" and the next "<" after this one, kept as the search moves forward: one pass.
    if (close !== -1 && close <= start) close = text.indexOf('>', start + 1)
    if (close === -1) return
    if (open !== -1 && open <= start) open = text.indexOf('<', start + 1)
    if ((open !== -1 && open < close) || close - start >= maxWritten || hasBlankLine(text, start, close)) continue
    const inner = text.slice(start + 1, close)
    // Autolinks and e-mail addresses: "<https://status.example.com>", "<ops@example.com>".
    if (inner.includes('://') || /^[^\s@]+@[^\s@]+$/.test(inner) || /^[a-z]+:/i.test(inner)) continue
    if (isHtml(inner, close, (closes ??= closingTags(text))) || !readsAsSlot(inner, true) || notWritten(text, start, true)) continue
    out.push({start, end: close + 1, name: collapse(inner)})
    start = close
  }
}

const braceName = /^\s*[\p{L}_][\p{L}\p{N}_ ./|,'’()+-]*$/u

function scanBraces(text: string, out: WrittenPlaceholder[]): void {
  let close = -2
  let open = -2
  let newline = -2
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const before = text[start - 1]
    const next = text[start + 1]
    // `{{…}}`, `{%…%}` and `${…}` are other syntaxes.
    if (before === '{' || before === '$' || before === '%' || next === '{' || next === '%') continue
    if (close !== -1 && close <= start) close = text.indexOf('}', start + 1)
    if (close === -1) return
    if (open !== -1 && open <= start) open = text.indexOf('{', start + 1)
    if (newline !== -1 && newline <= start) newline = text.indexOf('\n', start + 1)
    if ((open !== -1 && open < close) || (newline !== -1 && newline < close) || close - start > maxBrace || text[close + 1] === '}') continue
    const inner = text.slice(start + 1, close)
    // JSON, code and CSS hold ":", '"', "=" or ";": {"a": 1}, {color: red}.
    if (!braceName.test(inner) || !readsAsSlot(inner, true) || notWritten(text, start, false)) continue
    out.push({start, end: close + 1, name: collapse(inner)})
    start = close
  }
}

function scanShell(text: string, out: WrittenPlaceholder[]): void {
  for (let start = text.indexOf('$('); start !== -1; start = text.indexOf('$(', start + 1)) {
    // Names are short: look for ")" no further than that, so the scan stays linear.
    const close = text.slice(start + 2, start + 2 + maxShell).indexOf(')')
    if (close === -1) continue
    const inner = text.slice(start + 2, start + 2 + close)
    if (!/^\s*[A-Z_][\w .-]*$/i.test(inner)) continue
    out.push({start, end: start + 3 + close, name: collapse(inner)})
    start += 2 + close
  }
}

export const writtenScanners = {bracket: scanBrackets, angle: scanAngles, brace: scanBraces, shell: scanShell} as const

/** Markdown around a label: list markers, headings, emphasis. */
function cleanLabel(value: string): string {
  const label = value
    .slice(Math.max(value.lastIndexOf(':'), value.search(/[.!?]\s[^.!?]*$/)) + 1)
    .replace(/^\s*(?:[-*+•#>]+|\d+[.)])(?:\s+|$)/, '')
    .replace(/[*_#`[\]]/g, '')
    .trim()
  return label.split(/\s+/).slice(-6).join(' ')
}

/**
 * What stands before a placeholder on its line: the label it fills
 * (`Impact: [..]`, `**Next update**: [..]`, or a label alone on the line
 * above, as in `Current impact:\n- <..>`), else the one or two words just
 * before it (`ETA [time]`, `within [how long]`, `reports of [issue]`), lower-cased.
 */
export function labelBefore(text: string, start: number): {label?: string; lead?: string} {
  const prefix = linePrefix(text, start)
  const trimmed = trimEnd(prefix, ' \t\r*_')
  if (trimmed.endsWith(':')) {
    const label = cleanLabel(trimmed.slice(0, -1))
    return label ? {label} : {}
  }
  if (cleanLabel(trimmed) === '' && start - prefix.length > 0) {
    const above = trimEnd(linePrefix(text, start - prefix.length - 1), ' \t\r*_')
    const label = above.endsWith(':') ? cleanLabel(above.slice(0, -1)) : ''
    return label ? {label} : {}
  }
  const lead = lastWords(trimEnd(prefix, ' \t~≈'), 2)
  return lead ? {lead: lead.toLowerCase()} : {}
}

/** `value` without the `chars` it ends with; a loop, since `/[…]+$/` retries from every one of them. */
function trimEnd(value: string, chars: string): string {
  let end = value.length
  while (end > 0 && chars.includes(value[end - 1]!)) end--
  return value.slice(0, end)
}

/** Up to `count` words of letters that end `value`, separated by single spaces: "reports of". */
function lastWords(value: string, count: number): string {
  let start = value.length
  for (let taken = 0; taken < count; taken++) {
    const at = start - (taken > 0 ? 1 : 0)
    if (taken > 0 && value[at] !== ' ') break
    let letters = at
    while (letters > 0 && /\p{L}/u.test(value[letters - 1]!)) letters--
    if (letters === at) break
    start = letters
  }
  return value.slice(start)
}
