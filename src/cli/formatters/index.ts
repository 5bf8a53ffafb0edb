/**
 * Formatters, one file each, loaded only when chosen: a run pays for the
 * one it prints.
 */
import type {FormatName} from '../args.ts'
import type {LintResult} from '../results.ts'

export interface FormatContext {
  /** Paths are shown relative to it where they lie inside it. */
  cwd: string
  /** ANSI colours: only on a TTY, never with NO_COLOR or --output-file. */
  color: boolean
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string | Promise<string>

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.ts')).stylish
    case 'json':
      return (await import('./json.ts')).json
    case 'sarif':
      return (await import('./sarif.ts')).sarif
    case 'github':
      return (await import('./github.ts')).github
  }
}
