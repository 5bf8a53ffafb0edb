/**
 * The import graph of the source, read with the TypeScript compiler API: the
 * layers test checks its direction, the start-up test what a command loads
 * before it does anything.
 */
import {readFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import ts from 'typescript'

export interface ImportKinds {
  /** Also `import type`, which is erased at run time; the CLI imports a type from a module it loads lazily (formatters, templates, init), and that is not a cycle a reader must untangle. */
  typesToo: boolean
  /** Also `import('./…')`, which loads the module only when the code runs. */
  dynamic: boolean
}

/** Relative imports and re-exports of `file`, as absolute paths. */
export function importsOf(file: string, {typesToo, dynamic}: ImportKinds): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const out: string[] = []
  const visit = (node: ts.Node) => {
    const typeOnly = (ts.isImportDeclaration(node) && node.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword) || (ts.isExportDeclaration(node) && node.isTypeOnly)
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && (typesToo || !typeOnly)) {
      const specifier = node.moduleSpecifier.text
      if (specifier.startsWith('.')) out.push(resolve(dirname(file), specifier))
    }
    if (dynamic && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments
      if (argument && ts.isStringLiteral(argument) && argument.text.startsWith('.')) out.push(resolve(dirname(file), argument.text))
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

/** Every module that loading `file` loads before any of its code runs: its static imports, transitively, itself included. */
export function loadedWith(file: string): Set<string> {
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    for (const target of importsOf(path, {typesToo: false, dynamic: false})) visit(target)
  }
  visit(file)
  return seen
}
