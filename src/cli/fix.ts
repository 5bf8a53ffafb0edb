/**
 * `--fix` and `--fix-dry-run`: ESLint's source-code-fixer, for drafts.
 *
 * A fix is a range of the file plus replacement text: a rule's first
 * `expected`, when the rule marks it `fixable` (it keeps the meaning, so no
 * person needs to choose). Suggestions that need a person, such as an impact
 * statement, are never applied. Per pass, fixes are sorted and applied when
 * they do not overlap one already taken; the file is then linted again, up to
 * `maxPasses` times, because one fix can make room for another. A file with a
 * problem that is not a rule's finding (a broken `liaison-…` comment) is never
 * fixed; a file that cannot be read or parsed stops the run before any file
 * is written (run.ts).
 *
 * A fix is only offered where it lands exactly:
 * - the source between its offsets reads exactly as the reported text (in a
 *   YAML or JSON scalar, an escape or folded line break breaks that, and
 *   templates.ts drops the offsets);
 * - in Markdown, the replacement holds no character that Markdown reads as
 *   syntax;
 * - in a template's YAML or JSON, the fixed file is read again and every
 *   message must come out exactly as intended (a quote, a colon or a trailing
 *   space can change how a scalar reads); fixes that do not are dropped.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {FileKind} from './kinds.ts'

export interface Fix {
  /** Offsets into the file's text: replace `range` with `text`. */
  range: [number, number]
  text: string
}

/** ESLint's limit: enough for fixes that make room for others, and a stop for fixes that undo each other. */
export const maxPasses = 10

/** Words, spaces and the punctuation of ordinary prose: nothing Markdown reads as syntax. */
const inertInMarkdown = /^[\p{L}\p{M}\p{N} ,.;:?'\u2019-]*$/u

/** A problem without a rule id is about the file itself (a broken comment); such a file is not fixed. */
function hasFileProblem(file: VFile): boolean {
  return file.messages.some((message) => !message.ruleId)
}

/** The fix a report offers, if it is marked fixable and lands exactly. */
export function fixOf(problem: VFileMessage, source: string, kind: FileKind): Fix | undefined {
  if (!problem.fixable || !problem.expected?.length || typeof problem.actual !== 'string') return undefined
  const {place} = problem
  const start = place && 'start' in place ? place.start.offset : undefined
  const end = place && 'end' in place ? place.end.offset : undefined
  if (start === undefined || end === undefined || source.slice(start, end) !== problem.actual) return undefined
  const text = problem.expected[0]!
  // An .mdx file is linted with its MDX syntax blanked out; a fix is not checked against that syntax, so none is made.
  if (kind === 'mdx') return undefined
  if (kind === 'markdown' && !inertInMarkdown.test(text)) return undefined
  return {range: [start, end], text}
}

/** The fixes of a linted file, or none when the file has a problem of its own. */
export function fixesOf(file: VFile, kind: FileKind): Map<VFileMessage, Fix> {
  const fixes = new Map<VFileMessage, Fix>()
  if (hasFileProblem(file)) return fixes
  const source = String(file.value)
  for (const problem of file.messages) {
    const fix = fixOf(problem, source, kind)
    if (fix) fixes.set(problem, fix)
  }
  return fixes
}

/** Applies `fixes` in order of position, skipping any that overlaps one already applied (ESLint's rule). */
export function applyFixes(source: string, fixes: Iterable<Fix>): {output: string; applied: Fix[]} {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])
  const applied: Fix[] = []
  let output = ''
  let at = 0
  let last = Number.NEGATIVE_INFINITY
  for (const fix of sorted) {
    const [start, end] = fix.range
    // As ESLint: a fix that starts where the last one ended waits for the next pass, like one that overlaps it.
    if (start <= last) continue
    output += source.slice(at, start) + fix.text
    at = end
    last = end
    applied.push(fix)
  }
  return {output: output + source.slice(at), applied}
}

/** Whether `after` reads as `before` with `applied`: a template file is read again to make sure. */
export type VerifyFixes = (before: string, after: string, applied: readonly Fix[]) => Promise<boolean>

export interface Fixed {
  /** The last lint: of the fixed text, or of the original when nothing was fixed. */
  file: VFile
  /** The fixed text; undefined when no fix applied. */
  output: string | undefined
}

/**
 * Lint, fix, lint again, until no fix applies or `maxPasses` is reached.
 * `verify` checks a pass's output; when it fails, each fix is tried alone and
 * only those that pass are kept.
 */
export async function lintAndFix(source: string, kind: FileKind, lint: (text: string) => Promise<VFile>, verify?: VerifyFixes): Promise<Fixed> {
  let text = source
  let file = await lint(text)
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = [...fixesOf(file, kind).values()]
    if (fixes.length === 0) break
    let {output, applied} = applyFixes(text, fixes)
    if (verify && !(await verify(text, output, applied))) {
      const alone: Fix[] = []
      for (const fix of applied) if (await verify(text, applyFixes(text, [fix]).output, [fix])) alone.push(fix)
      ;({output, applied} = applyFixes(text, alone))
      if (alone.length === 0 || !(await verify(text, output, applied))) break
    }
    /* v8 ignore next -- @preserve a fix whose text equals what it replaces is never offered: its report would not exist */
    if (output === text) break
    text = output
    file = await lint(text)
  }
  return {file, output: text === source ? undefined : text}
}
