/**
 * What the shipped source holds, read with the TypeScript compiler API rather
 * than kept by hand: every regular expression (literals, and `new RegExp` /
 * `RegExp` calls whose arguments are literals) and the word lists the engine
 * keeps in arrays. A new regex or word is picked up without editing a test.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import ts from 'typescript'
import {root} from './fixtures.ts'

export interface FoundRegex {
  /** Repository-relative file and 1-based line, for messages. */
  where: string
  source: string
  flags: string
}

/** Every `.ts` file under `dirs` (repository-relative), sorted. */
export function sourceFiles(dirs: readonly string[] = ['src', 'rules']): string[] {
  return filesUnder(dirs, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
}

/** The JSON data under `dirs` (lexicons, word lists), sorted. */
export function dataFiles(dirs: readonly string[]): string[] {
  return filesUnder(dirs, (name) => name.endsWith('.json'))
}

function filesUnder(dirs: readonly string[], keep: (name: string) => boolean): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (keep(entry.name)) out.push(path)
    }
  }
  for (const dir of dirs) walk(join(root, dir))
  return out.sort()
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
}

function where(file: ts.SourceFile, node: ts.Node): string {
  return `${relative(root, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`
}

/** A string the compiler can read without running code: `'a'`, `"a"`, or a template with no substitutions. */
function literalText(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text
  return undefined
}

/** Regex literals and `new RegExp('…', '…')` / `RegExp('…')` calls with literal arguments. */
export function findRegexes(files: readonly string[] = sourceFiles()): FoundRegex[] {
  const found: FoundRegex[] = []
  for (const path of files) {
    const file = parse(path)
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const text = node.text
        const close = text.lastIndexOf('/')
        found.push({where: where(file, node), source: text.slice(1, close), flags: text.slice(close + 1)})
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? []
        const source = literalText(pattern)
        if (source !== undefined) found.push({where: where(file, node), source, flags: literalText(flags) ?? ''})
      }
      ts.forEachChild(node, visit)
    }
    visit(file)
  }
  return found
}

/**
 * The string literals in array literals of `files` (word lists such as
 * phase.ts's markers, mask.ts's placeholder
 * delimiters), deduplicated and sorted.
 */
export function arrayStrings(files: readonly string[]): string[] {
  const out = new Set<string>()
  for (const path of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isArrayLiteralExpression(node)) {
        for (const element of node.elements) {
          const text = literalText(element)
          if (text !== undefined && text.trim() !== '') out.add(text)
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(parse(path))
  }
  return [...out].sort()
}

/** Every string in a JSON value, with the key it sits under (`phrases`, `words`, `note`, …). */
export function jsonStrings(value: unknown, key = ''): Array<{key: string; value: string}> {
  if (typeof value === 'string') return [{key, value}]
  if (Array.isArray(value)) return value.flatMap((item) => jsonStrings(item, key))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => jsonStrings(item, name))
  }
  return []
}
