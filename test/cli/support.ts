/**
 * Helpers for the CLI tests: throwaway project folders under the OS temp
 * directory, `run()` in-process with captured output, and the built binary
 * spawned as a user would run it.
 *
 * Tests must not depend on rules still being written, so they switch every
 * rule off except max-length (deterministic) with `onlyMaxLength()`.
 */
import {type SpawnSyncReturns, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {Readable} from 'node:stream'
import type {Log} from 'sarif'
import {afterEach} from 'vitest'
import {rules} from '../../rules/index.ts'
import type {LintResult} from '../../src/cli/results.ts'
import {type CliIO, run} from '../../src/cli/run.ts'
import {root} from '../support/fixtures.ts'

export const bin = join(root, 'dist/src/cli/bin.js')

/** The package's version, as --version prints it and `init` pins it. */
export const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}

/** Every rule off except max-length, at `setting`. */
export function onlyMaxLength(setting: unknown = 'error'): Record<string, unknown> {
  return Object.fromEntries(rules.map((rule) => [rule.meta.id, rule.meta.id === 'max-length' ? setting : 'off']))
}

/** The same, as one `--rule` flag (JSON is YAML). */
export function onlyMaxLengthFlag(setting: unknown = 'error'): string[] {
  return ['--rule', JSON.stringify(onlyMaxLength(setting))]
}

/** A message of `length` characters that max-length measures plainly (ASCII words). */
export function words(length: number): string {
  const text = 'Checkout is failing for some customers and we are investigating. '.repeat(Math.ceil(length / 66) + 1)
  return `${text.slice(0, length - 1).trimEnd()}.`
}

const made: string[] = []

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/**
 * A temporary folder holding `files` (path → content; objects become JSON).
 * Removed after the test. Its real path is returned, as /tmp may be a link.
 */
export function project(files: Record<string, string | object> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'liaison-cli-')))
  made.push(dir)
  write(dir, files)
  return dir
}

export function write(dir: string, files: Record<string, string | object>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name)
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  }
}

export interface Outcome {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  stdin?: string
  env?: Record<string, string | undefined>
  isTTY?: boolean
  /** The terminal's width, as a TTY reports it. */
  columns?: number
}

/** `run()` in-process, as bin.ts calls it, with output captured. */
export async function cli(cwd: string, argv: string[], options: RunOptions = {}): Promise<Outcome> {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    cwd,
    env: options.env ?? {},
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: {write: (chunk: string) => (stdout += chunk), isTTY: options.isTTY ?? false, ...(options.columns === undefined ? {} : {columns: options.columns})},
    stderr: {write: (chunk: string) => (stderr += chunk), isTTY: options.isTTY ?? false},
  }
  const code = await run(argv, io)
  return {code, stdout, stderr}
}

/** The built executable, spawned. vitest's global setup builds it (test/global-setup.ts). */
/** The code cache folder of this test run (test/global-setup.ts), for a command run with an environment of its own. */
export function codeCacheEnv(): {XDG_CACHE_HOME?: string} {
  const home = process.env.XDG_CACHE_HOME
  return home ? {XDG_CACHE_HOME: home} : {}
}

export function spawnBin(cwd: string, argv: string[], options: RunOptions = {}): Outcome {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: vitest's global setup builds it (test/global-setup.ts)`)
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [bin, ...argv], {
    cwd,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: {PATH: process.env.PATH, ...codeCacheEnv(), ...options.env},
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** What `--format json` prints: ESLint's result shape, as the CLI's own type states it. */
export type JsonResult = LintResult & {fatalErrorCount: number; fixableErrorCount: number; fixableWarningCount: number}

/** `--format json` output, read as its type (the formatter tests pin the shape itself). */
export function jsonResults(text: string): JsonResult[] {
  return JSON.parse(text) as JsonResult[]
}

/** `--format sarif` output, read as a SARIF 2.1.0 log (the formatter tests validate it against the schema). */
export function sarifLog(text: string): Log {
  return JSON.parse(text) as Log
}

/** What `--print-config` prints (src/cli/settings.ts printableConfig): each rule as [severity] or [severity, options]. */
export interface PrintedConfig {
  configFile: string | null
  message: boolean
  why?: string
  blocks: string[]
  preset: string
  ignores: string[]
  rules: Record<string, [string, Record<string, unknown>?]>
  placeholders: Record<string, unknown>
  templates: Record<string, unknown>
}

export function printedConfig(text: string): PrintedConfig {
  return JSON.parse(text) as PrintedConfig
}

/** Standard input that gives `chunk` and then fails with `message`, as a broken pipe does. */
export function failingStream(chunk: string, message: string): Readable {
  return new Readable({
    read() {
      this.push(chunk)
      this.destroy(new Error(message))
    },
  })
}

/** The GitHub workflow that `liaison init` writes, as the tests read it. */
export interface Workflow {
  on: Record<string, unknown>
  jobs: {templates: {permissions: Record<string, string>; steps: WorkflowStep[]}}
}

export interface WorkflowStep {
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, string>
}
