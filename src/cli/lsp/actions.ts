/**
 * Code actions on a document's problems:
 * - each replacement a rule suggests (`expected`) is a quick fix, the first
 *   one preferred, as the command line's `suggestions`;
 * - in Markdown, "Disable <rule> for this paragraph" puts
 *   `<!-- liaison-ignore-next <rule> -->` on its own line before the
 *   paragraph the problem is in (src/comment-control.ts): the next block is
 *   the unit Markdown comments can switch a rule off for. Not offered inside
 *   front matter, where a comment would be YAML, nor for plain text, YAML or
 *   JSON, which have no comment liaison reads.
 */
import type {CodeAction, Range} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {findFrontMatter} from '../../templates/front-matter.ts'
import type {FileKind} from '../kinds.ts'
import {suggestionTitle} from '../results.ts'
import type {DocumentProblem} from './problems.ts'

const quickFix = 'quickfix'

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character)
  return !before(a.end, b.start) && !before(b.end, a.start)
}

/** The offset where the paragraph holding `offset` starts: after the last blank line before it (or the front matter). */
function paragraphStart(text: string, offset: number, floor: number): number {
  let lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1
  while (lineStart > floor) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1
    if (text.slice(previousStart, lineStart).trim() === '') break
    lineStart = previousStart
  }
  return Math.max(lineStart, floor)
}

function disableAction(document: TextDocument, problem: DocumentProblem, rule: string): CodeAction | undefined {
  const text = document.getText()
  const floor = findFrontMatter(text)?.body ?? 0
  const offset = document.offsetAt(problem.range.start)
  if (offset < floor) return undefined
  const start = paragraphStart(text, offset, floor)
  const indent = /^[ \t]*/.exec(text.slice(start))![0]
  const at = document.positionAt(start + indent.length)
  return {
    title: `Disable ${rule} for this paragraph`,
    kind: quickFix,
    diagnostics: [problem],
    edit: {changes: {[document.uri]: [{range: {start: at, end: at}, newText: `<!-- liaison-ignore-next ${rule} -->\n${indent}`}]}},
  }
}

export function codeActions(document: TextDocument, kind: FileKind, problems: readonly DocumentProblem[], range: Range): CodeAction[] {
  const actions: CodeAction[] = []
  const disables = new Map<string, CodeAction>()
  for (const problem of problems) {
    if (!overlaps(problem.range, range)) continue
    const {actual, expected = []} = problem.data ?? {}
    expected.forEach((text, index) => {
      actions.push({
        title: suggestionTitle(actual, text),
        kind: quickFix,
        diagnostics: [problem],
        isPreferred: index === 0,
        edit: {changes: {[document.uri]: [{range: problem.range, newText: text}]}},
      })
    })
    const rule = typeof problem.code === 'string' ? problem.code : undefined
    if (kind !== 'markdown' || rule === undefined) continue
    const action = disableAction(document, problem, rule)
    // One per rule and paragraph: several problems of a rule in one paragraph share the comment.
    const key = action && JSON.stringify([rule, action.edit!.changes![document.uri]![0]!.range.start])
    if (action && !disables.has(key!)) disables.set(key!, action)
  }
  return [...actions, ...disables.values()]
}
