/**
 * What the server knows of a document before it is linted: its kind and, for
 * an unsaved one, where it would be. Apart from document-linter.ts, which
 * loads the rules, so that the server answers `initialize` without them.
 */
import {basename, join, relative} from 'node:path'
import {type FileKind, fileKind} from '../kinds.ts'

/** Languages an editor names, for documents whose name says nothing (an unsaved draft). */
const byLanguage: Readonly<Record<string, FileKind>> = {markdown: 'markdown', mdx: 'mdx', plaintext: 'text', yaml: 'yaml', json: 'json'}

/** How the server decides a document's kind: its file name first (as the command line), else its language. */
export function documentKind(path: string, languageId: string): FileKind | undefined {
  const name = basename(path)
  return name.includes('.') ? fileKind(path) : Object.hasOwn(byLanguage, languageId) ? byLanguage[languageId] : undefined
}

/** Where an unsaved document is linted as if it were: its name in the first workspace folder. */
export function untitledPath(root: string, name: string): string {
  return join(root, relative('/', `/${name}`))
}
