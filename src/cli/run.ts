/**
 * The `liaison` command as a function: `run(argv, io)` resolves to the exit
 * code, so tests can call it in-process; bin.ts wires it to the process.
 *
 * Exit codes: 0 clean (warnings within --max-warnings), 1 lint errors or too
 * many warnings, 2 anything that stopped the run (usage, config, input,
 * internal failure). On 2, stdout stays empty and stderr gets one
 * `liaison: …` line (plus the stack with --debug). Input files are only read.
 */
import {realpath, stat, writeFile} from 'node:fs/promises'
import {dirname, relative, resolve} from 'node:path'
import type {Ignore} from 'ignore'
import {type Args, parseCliArgs} from './args.ts'
import type {LoadedConfig} from './config.ts'
import {CliError, UsageError} from './errors.ts'
import {type FileKind, fileKind, linterFor, whyNotLinted} from './kinds.ts'
import {displayPath, posix} from './paths.ts'
import {binaryWarning, readDraft, readStdinDraft} from './read.ts'
import type {LintResult} from './results.ts'
import type {Settings} from './settings.ts'

export interface CliIO {
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  stdin: AsyncIterable<string | Uint8Array>
  stdout: {write(chunk: string): unknown; isTTY?: boolean}
  stderr: {write(chunk: string): unknown}
}

interface Input {
  /** Where the text lives (or, for stdin, is said to): config lookup, ignores. */
  path: string
  /** What reports call it. */
  filePath: string
  kind: FileKind
  text?: string
}

function useColor(io: CliIO, toFile: boolean): boolean {
  const {NO_COLOR, FORCE_COLOR, TERM} = io.env
  if (toFile || NO_COLOR) return false
  if (FORCE_COLOR) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false'
  return io.stdout.isTTY === true && TERM !== 'dumb'
}

/** -o is checked before linting: a report with nowhere to go should not cost a run. */
async function checkOutput(path: string, show: (path: string) => string): Promise<void> {
  const folder = await stat(dirname(path)).catch(() => undefined)
  if (!folder?.isDirectory()) throw new CliError(`--output-file ${show(path)}: folder ${show(dirname(path))} does not exist`)
  if ((await stat(path).catch(() => undefined))?.isDirectory()) throw new CliError(`--output-file ${show(path)}: is a directory`)
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const real = async (path: string) => realpath(path).catch(() => path)
  return (await real(a)) === (await real(b))
}

/** The modules a lint run needs, loaded on demand so --help and --version never load the rules. */
async function loadRunModules() {
  const [config, files, results, settings] = await Promise.all([
    import('./config.ts'),
    import('./files.ts'),
    import('./results.ts'),
    import('./settings.ts'),
  ])
  return {...config, ...files, ...results, ...settings}
}

type RunModules = Awaited<ReturnType<typeof loadRunModules>>

/** The drafts to lint, and results already decided (files named but ignored). */
async function gatherInputs(args: Args, io: CliIO, m: RunModules, configIgnores: (path: string) => Promise<string | undefined>) {
  const inputs: Input[] = []
  const results: LintResult[] = []
  if (!args.stdin) {
    const found = await m.findFiles(args.patterns, io.cwd, configIgnores)
    for (const {path, reason} of found.ignored) results.push(m.ignoredResult(path, reason))
    for (const {path, kind} of found.files) inputs.push({path, filePath: path, kind})
    return {inputs, results}
  }
  const name = args.stdinFilename
  const path = resolve(io.cwd, name ?? m.stdinPath)
  const kind = name === undefined ? 'text' : fileKind(name)
  if (!kind) throw new UsageError(`--stdin-filename ${name}: ${whyNotLinted(name!)}`)
  const draft = await readStdinDraft(io.stdin, args.maxFileSize)
  if (draft.binary !== undefined) {
    io.stderr.write(binaryWarning('standard input', draft.binary))
    return {inputs, results}
  }
  const {text} = draft
  const reason = name === undefined ? undefined : await m.createIgnoreCheck(io.cwd, configIgnores)(path)
  if (reason) results.push(m.ignoredResult(path, reason))
  else inputs.push({path, filePath: name === undefined ? m.stdinPath : path, kind, text})
  return {inputs, results}
}

async function lintAll(args: Args, io: CliIO): Promise<number> {
  const {cwd} = io
  const m = await loadRunModules()
  const overrides = await m.parseOverrides(args.rules, args.channel)
  const configs = m.createConfigLoader({cwd, configFile: args.config, noConfig: args.noConfig})
  const settingsCache = new Map<LoadedConfig, Settings>()
  const settingsOf = (loaded: LoadedConfig): Settings => {
    let settings = settingsCache.get(loaded)
    if (!settings) settingsCache.set(loaded, (settings = m.settingsFor(loaded, overrides)))
    return settings
  }
  const show = (path: string) => displayPath(path, cwd)

  if (args.printConfig !== undefined) {
    const loaded = await configs.forFile(resolve(cwd, args.printConfig))
    io.stdout.write(`${JSON.stringify(m.printableConfig(loaded, settingsOf(loaded)), null, 2)}\n`)
    return 0
  }

  const output = args.outputFile === undefined ? undefined : resolve(cwd, args.outputFile)
  if (output) await checkOutput(output, show)

  const matchers = new Map<LoadedConfig, Promise<Ignore>>()
  const configFile = args.config === undefined ? undefined : resolve(cwd, args.config)
  const configIgnores = async (path: string): Promise<string | undefined> => {
    // A config given with -c may sit among the templates, and may be YAML or JSON itself.
    if (path === configFile) return 'it is the config file given with --config'
    const loaded = await configs.forFile(path)
    const patterns = loaded.config.ignores
    if (!patterns || patterns.length === 0) return undefined
    const rel = posix(relative(loaded.base, path))
    if (rel.startsWith('../')) return undefined
    let matcher = matchers.get(loaded)
    if (!matcher) matchers.set(loaded, (matcher = m.createMatcher(patterns)))
    return (await matcher).ignores(rel) ? `of "ignores" in ${loaded.label}` : undefined
  }

  const {inputs, results} = await gatherInputs(args, io, m, configIgnores)
  if (output) {
    for (const {path} of [...inputs, ...results.map((result) => ({path: result.filePath}))]) {
      if (await sameFile(output, path)) {
        throw new CliError(`--output-file ${show(output)} is one of the files being linted; refusing to overwrite it`)
      }
    }
  }

  for (const input of inputs) {
    const loaded = await configs.forFile(input.path)
    if (args.debug) io.stderr.write(`liaison: debug: ${show(input.path)} (${input.kind}) uses ${loaded.label}\n`)
    let text = input.text
    if (text === undefined) {
      // Measured before it is read; binary drafts are skipped, invalid UTF-8 stops the run (read.ts).
      const draft = await readDraft(input.path, show(input.path), args.maxFileSize)
      if (draft.binary !== undefined) {
        io.stderr.write(binaryWarning(show(input.path), draft.binary))
        continue
      }
      text = draft.text
    }
    const lint = await linterFor(input.kind)
    const file = await lint(text, {...m.lintOptions(settingsOf(loaded)), path: input.filePath, label: show(input.path)})
    results.push(m.toResult(input.filePath, file))
  }
  results.sort((a, b) => m.byPath({path: a.filePath}, {path: b.filePath}))

  const shown = args.quiet ? results.map(m.errorsOnly) : results
  const {loadFormatter} = await import('./formatters/index.ts')
  const report = await (await loadFormatter(args.format))(shown, {cwd, color: useColor(io, output !== undefined)})
  if (output) {
    try {
      await writeFile(output, report)
    } catch (error) {
      throw new CliError(`cannot write ${show(output)}: ${(error as Error).message}`)
    }
  } else {
    io.stdout.write(report)
  }

  const {errors, warnings} = m.totals(shown)
  if (errors > 0) return 1
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr.write(`liaison: too many warnings (${warnings}; --max-warnings is ${args.maxWarnings})\n`)
    return 1
  }
  return 0
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let debug = argv.includes('--debug')
  try {
    // `liaison init [dir]`; a folder named "init" is linted with `liaison ./init`.
    if (argv[0] === 'init') return await (await import('./init.ts')).init(argv.slice(1), io)
    const args = parseCliArgs(argv)
    debug = args.debug
    if (args.help || args.version || args.listRules) {
      if (args.version) io.stdout.write(`${(await import('./version.ts')).version()}\n`)
      else {
        const info = await import('./info.ts')
        io.stdout.write(args.help ? info.help() : info.listRules(args.format === 'json'))
      }
      return 0
    }
    return await lintAll(args, io)
  } catch (error) {
    const {name, message, stack} = error as Error
    const expected = error instanceof CliError || name === 'ConfigError'
    io.stderr.write(`liaison: ${expected ? message : `internal error: ${message}${debug ? '' : ' (rerun with --debug for the stack)'}`}\n`)
    if (debug && stack) io.stderr.write(`${stack}\n`)
    return 2
  }
}
