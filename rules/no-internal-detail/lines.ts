/**
 * Details that only show as a whole line: stack frames and tracebacks, log
 * lines (a timestamp then a level, a syslog `process[pid]:`, a chat log's
 * `<nick>`, a monitoring notification) and SQL statements. Each detector
 * reads one line and returns where the detail starts; the caller decides
 * where it ends (the line in code, the sentence in prose).
 */
import type {SpaceToken} from '../../src/text/whitespace.ts'
import type {Detail} from './tokens.ts'
import {wordSet} from '../../src/text/word-lists.ts'
import data from '../no-internal-detail.json' with {type: 'json'}
import {vocabulary as v} from './vocabulary.ts'

/** A line-level detail; `end` is set when the detail ends before the line does (SQL). */
export type LineDetail = Omit<Detail, 'end'> & {end?: number}

/** Lines longer than this are prose paragraphs, not log or trace lines; only their tokens are read. */
const maxLine = 4096

function stackFrame(line: string): number | undefined {
  const indent = line.length - line.trimStart().length
  const body = line.slice(indent)
  // Java, JavaScript and .NET frames: "at com.acme.Foo.bar(Foo.java:42)", "at Object.<anonymous> (/app/x.js:1:5)".
  if (/^at [\w$.<>[\]`]+ ?\(/.test(body) && (/:\d+\)$/.test(body) || body.endsWith('(Native Method)') || body.endsWith('(Unknown Source)'))) return indent
  if (body.startsWith('at ') && body.includes(') in ') && /:line \d+$/.test(body)) return indent
  // Python: 'File "report.py", line 41, in render'; Go: "goroutine 1 [running]:", "panic: …".
  if (/^File "[^"]+", line \d+/.test(body) || /^goroutine \d+ \[/.test(body) || /^panic: /.test(body)) return indent
  return undefined
}

const timestamp = [
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/,
  /^\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?$/,
  /^\[\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?\]$/,
]

// Every timestamp shape starts with a digit or "[": most words are ruled out by their first character.
const startsTimestamp = (code: number) => (code >= 0x30 && code <= 0x39) || code === 0x5b
const isTimestamp = (word: string) => startsTimestamp(word.charCodeAt(0)) && timestamp.some((pattern) => pattern.test(word))
const isLevel = (word: string) => v.logLevels.has(word.replace(/^\[|\]$|:$/g, ''))
const isNick = (word: string) => /^\+?<[\w.-]+>$/.test(word)
// "systemd[1]:": the colon is checked first, since this runs for every word of every line.
const isProcess = (word: string) => word.endsWith(':') && /^[\w.-]+\[\d+\]:$/.test(word)

const months = wordSet(data.months)

/** Where the timestamp at `index` starts, with a date written before it: `2024-05-01 10:22:03`, `Apr 28 16:15:29`. */
function dateBefore(words: readonly SpaceToken[], index: number): number {
  const previous = words[index - 1]?.text ?? ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(previous)) return words[index - 1]!.start
  if (/^\d{1,2}$/.test(previous) && months.has((words[index - 2]?.text ?? '').toLowerCase())) return words[index - 2]!.start
  return words[index]!.start
}

/** A plugin state followed by its output: "CRITICAL:", or "WARNING" and a dash. */
function checkState(word: string, next: string | undefined): boolean {
  const state = word.endsWith(':') ? word.slice(0, -1) : word
  return v.checkStates.has(state) && (state !== word || next === '-')
}

function logLine(words: readonly SpaceToken[]): LineDetail | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.text
    const what = 'a log line'
    if (isTimestamp(word)) {
      // A level, a chat nick or a syslog process within the next few words: "… 10:22:03Z ERROR", "Apr 28 16:15:29 host systemd[1]:".
      for (const next of words.slice(i + 1, i + 4)) {
        if (isLevel(next.text) || isNick(next.text) || isProcess(next.text)) return {kind: 'logLine', start: dateBefore(words, i), what}
      }
    }
    // "level=error": the "=" is looked at before the regex runs.
    if (isProcess(word) || (word[5] === '=' && /^level=(?:error|warn|warning|info|debug|fatal)$/i.test(word))) return {kind: 'logLine', start: words[i]!.start, what}
    // ("[ERROR]" at the start of a line would be here too, but it reads as a bracket placeholder first.)
    if (i === 0 && (isNick(word) || /^(?:ERROR|FATAL|PANIC):$/.test(word))) {
      return {kind: 'logLine', start: words[i]!.start, what}
    }
    if (words[i + 1]?.text === '-' && v.monitoringStates.has(word)) return {kind: 'logLine', start: words[i]!.start, what: 'a monitoring alert'}
    // A check plugin's output: "HTTP CRITICAL: HTTP/1.1 500", "DISK WARNING - free space".
    if (v.checkPlugins.has(word) && checkState(words[i + 1]?.text ?? '', words[i + 2]?.text)) return {kind: 'logLine', start: words[i]!.start, what: 'a monitoring alert'}
  }
  return undefined
}

/** Upper-case SQL, or lower-case forms no English sentence has ("select * from"), up to the table. */
const statements = [
  /\bselect \* from\s+[\w."]+/,
  /\b(?:INSERT INTO|DELETE FROM|ALTER TABLE|DROP TABLE|TRUNCATE TABLE|CREATE (?:UNIQUE )?INDEX|CREATE TABLE|insert into|alter table|drop table|create index)\s+[\w."]+/,
  /\bUPDATE\s+[\w."]+\s+SET\b/,
]

/** English after FROM: never a table. */
const articles = wordSet(data.articles)

/** How far FROM may stand from SELECT: a column list, not a paragraph. */
const selectReach = 200

/** `SELECT … FROM table`, found with indexOf: a bounded lazy regex here backtracks polynomially. */
function select(line: string): LineDetail | undefined {
  for (let at = line.indexOf('SELECT '); at !== -1; at = line.indexOf('SELECT ', at + 1)) {
    if (at > 0 && /\w/.test(line[at - 1]!)) continue
    const from = line.slice(at, at + selectReach).indexOf(' FROM ')
    // A column list holds no sentence break: "the SELECT tier is fine; please SELECT a plan FROM the list" is shouting, not SQL.
    if (from === -1 || /[.;!?] /.test(line.slice(at, at + from))) continue
    const table = /^\s+[\w."]+/.exec(line.slice(at + from + 5, at + from + 5 + 128))
    if (table && !articles.has(table[0].trim().toLowerCase())) return {kind: 'sql', start: at, end: at + from + 5 + table[0].length, what: 'a SQL statement'}
  }
  return undefined
}

function sql(line: string): LineDetail | undefined {
  const found = select(line)
  if (found) return found
  for (const pattern of statements) {
    const match = pattern.exec(line)
    if (match) return {kind: 'sql', start: match.index, end: match.index + match[0].length, what: 'a SQL statement'}
  }
  return undefined
}

/** Details in one line, offsets relative to the line; `words` are its tokens (splitOnWhitespace), which the caller reads too. */
export function lineDetails(line: string, words: readonly SpaceToken[]): LineDetail[] {
  if (line.length > maxLine) return []
  const found: LineDetail[] = []
  const frame = stackFrame(line)
  if (frame !== undefined) found.push({kind: 'stackTrace', start: frame, what: 'a stack trace'})
  const traceback = line.indexOf('Traceback (most recent call last)')
  if (traceback !== -1) found.push({kind: 'stackTrace', start: traceback, what: 'a stack trace'})
  const log = frame === undefined ? logLine(words) : undefined
  if (log) found.push(log)
  const statement = sql(line)
  if (statement) found.push(statement)
  return found
}
