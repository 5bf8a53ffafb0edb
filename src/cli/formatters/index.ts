/**
 * Formatters, one file each, loaded only when chosen: a run pays for the
 * one it prints. The default, stylish, comes with the lint run itself.
 */
import type {LiaisonRule} from '../../engine/rule.ts'
import type {FormatName} from '../args.ts'
import type {LintResult} from '../results.ts'
import {stylish} from './stylish.ts'

export interface FormatContext {
  /** Paths are shown relative to it where they lie inside it. */
  cwd: string
  /** ANSI colours: --color/--no-color, else only on a TTY, never with NO_COLOR or --output-file. */
  color: boolean
  /** The terminal's width in columns, to wrap at; undefined when not writing to a terminal. */
  width?: number | undefined
  /** Every rule the run's configs know (built-in, vocabularies', plugins'), for formats that describe rules (SARIF). */
  rules?: readonly LiaisonRule[]
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string | Promise<string>

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return stylish
    case 'json':
      return (await import('./json.ts')).json
    case 'sarif':
      return (await import('./sarif.ts')).sarif
    case 'github':
      return (await import('./github.ts')).github
  }
}
