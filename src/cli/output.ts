/**
 * Where a run's output goes and how it looks, shared by `liaison` and
 * `liaison audit`: colours, the terminal's width, and output files checked
 * before any work (a report with nowhere to go should not cost a run).
 */
import {stat} from 'node:fs/promises'
import {dirname} from 'node:path'
import {CliError} from './errors.ts'

interface OutputIO {
  env: Readonly<Record<string, string | undefined>>
  stdout: {isTTY?: boolean; columns?: number}
}

/** --color and --no-color first, then NO_COLOR and FORCE_COLOR, then whether standard output is a terminal. */
export function useColor(io: OutputIO, flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag
  const {NO_COLOR, FORCE_COLOR, TERM} = io.env
  if (toFile || NO_COLOR) return false
  if (FORCE_COLOR) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false'
  return io.stdout.isTTY === true && TERM !== 'dumb'
}

/** Columns to wrap stylish output at: the terminal's, or COLUMNS, or none (a pipe or a file keeps one line per problem). */
export function terminalWidth(io: OutputIO): number | undefined {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined
  const fromEnv = Number(io.env.COLUMNS)
  if (columns !== undefined && columns > 0) return columns
  return io.stdout.isTTY && Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined
}

/** `flag`'s file can be written: its folder exists and it is no folder itself. */
export async function checkOutput(flag: string, path: string, show: (path: string) => string): Promise<void> {
  const folder = await stat(dirname(path)).catch(() => undefined)
  if (!folder?.isDirectory()) throw new CliError(`${flag} ${show(path)}: folder ${show(dirname(path))} does not exist`)
  if ((await stat(path).catch(() => undefined))?.isDirectory()) throw new CliError(`${flag} ${show(path)}: is a directory`)
}
