/**
 * Which files liaison lints, and how: the one place that decides a file's
 * kind from its name. Later kinds (templates) are added here.
 */
import type {VFile} from 'vfile'
import type {LintOptions} from '../lint.ts'

export type FileKind = 'markdown' | 'text'

type Linter = (text: string, options: LintOptions) => Promise<VFile>

const byExtension: Readonly<Record<string, FileKind>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
}

export const extensions: readonly string[] = Object.keys(byExtension)

export function fileKind(path: string): FileKind | undefined {
  const dot = path.lastIndexOf('.')
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  if (dot <= slash + 1) return undefined
  const extension = path.slice(dot).toLowerCase()
  return Object.hasOwn(byExtension, extension) ? byExtension[extension] : undefined
}

/** Loaded on first use, so a run over plain text never loads remark. */
export async function linterFor(kind: FileKind): Promise<Linter> {
  if (kind === 'markdown') return (await import('../markdown.ts')).lintMarkdown
  return (await import('../lint.ts')).lint
}
