/**
 * Linting one open document as `liaison` would lint the file: the same
 * project module (config discovery, `files` and `ignores` blocks, ignore
 * files, settings, placeholders, per-template settings) and the same
 * lintFile(). What the command line prints on stderr for a file it cannot
 * lint (too big, a broken template or config, a draft over Markdown's limits)
 * becomes an error diagnostic on the document, so nothing fails silently.
 *
 * It runs in a worker thread when the server is built (see runner.ts), so it
 * takes and returns plain data only.
 */
import {sep} from 'node:path'
import {CliError, NotTemplatesError} from '../errors.ts'
import {createIgnoreCheck, IgnoreFiles} from '../files.ts'
import type {FileKind} from '../kinds.ts'
import {displayPath} from '../paths.ts'
import {defaultMaxFileSize, tooBig} from '../read.ts'
import {createProject, type Project} from '../project.ts'
import {lintFile} from '../templates.ts'
import {messageLengths} from './lengths.ts'
import {type DocumentProblem, type Outcome, problemsOf, fileProblem} from './problems.ts'

export interface LintRequest {
  /** The document's file path (for a document that is not a file, where it would be: in the first workspace folder). */
  path: string
  /** From the path, or for a document without a linted extension, from its language. */
  kind: FileKind
  text: string
  /** Whether the file is on disk: only then do `files` and ignores decide whether it is linted (an unsaved draft always is). */
  onDisk: boolean
}

interface Root {
  dir: string
  project: Project
  ignored: (path: string) => Promise<string | undefined>
}

function createRoot(dir: string): Root {
  const project = createProject({cwd: dir, overrides: {rules: {}, flags: {}, channel: undefined}})
  return {dir, project, ignored: createIgnoreCheck(dir, project.configIgnores, new IgnoreFiles())}
}

/**
 * Lints documents for the workspace folders `roots` (the first one holds
 * documents outside every folder). Configs and ignore files are read once
 * and cached until `reset()`, which the server calls when one changes.
 */
export function createDocumentLinter(roots: readonly string[]) {
  let made = roots.map(createRoot)

  /** The deepest workspace folder holding `path`. */
  function rootOf(path: string): Root {
    const inside = made.filter((root) => path === root.dir || path.startsWith(root.dir.endsWith(sep) ? root.dir : root.dir + sep))
    return inside.sort((a, b) => b.dir.length - a.dir.length)[0] ?? made[0]!
  }

  async function lint({path, kind, text, onDisk}: LintRequest): Promise<Outcome> {
    const root = rootOf(path)
    const label = displayPath(path, root.dir)
    const notes: string[] = []
    try {
      if (onDisk) {
        const ignored = await root.ignored(path)
        if (ignored) return {problems: [], notes: [`${label}: not linted, because ${ignored}`]}
        const {found} = await root.project.judge(path)
        if (found.why) return {problems: [], notes: [`${label}: not linted, because ${found.why}`]}
      }
      // Measured as the file would be on disk: the command line's limit (--max-file-size's default).
      const bytes = Buffer.byteLength(text)
      if (bytes > defaultMaxFileSize) throw tooBig(label, bytes, defaultMaxFileSize)
      const {options} = await root.project.setup(path, path, label)
      const file = await lintFile(kind, text, options)
      return {problems: problemsOf(file), notes, messages: await messageLengths(kind, text, options)}
    } catch (error) {
      const {name, message} = error as Error
      if (error instanceof NotTemplatesError && onDisk) return {problems: [], notes: [`${label}: not linted, as it is no collection of templates: ${message}`]}
      // As the command line: a problem with this input (its size, its shape, a broken template or config) is named, the rest is a bug.
      const expected = error instanceof CliError || name === 'LimitError' || name === 'ConfigError'
      const problem: DocumentProblem = fileProblem(expected ? message : `internal error: ${message}`, label)
      return {problems: [problem], notes: [`${label}: ${problem.message}${expected ? '' : `\n${(error as Error).stack ?? ''}`}`]}
    }
  }

  return {
    lint,
    /** Forget every config and ignore file read so far: one of them changed. */
    reset(): void {
      made = roots.map(createRoot)
    },
  }
}

export type DocumentLinter = ReturnType<typeof createDocumentLinter>
