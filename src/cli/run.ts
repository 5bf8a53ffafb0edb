/**
 * The `liaison` command as a function: `run(argv, io)` resolves to the exit
 * code, so tests can call it in-process; bin.ts wires it to the process.
 *
 * Exit codes: 0 clean (warnings within --max-warnings), 1 lint errors or too
 * many warnings, 2 anything that stopped the run (usage, config, internal
 * failure) or a file that could not be linted. A file that cannot be read or
 * parsed (invalid UTF-8, too big, a broken template) does not stop the run:
 * each gets its `liaison: file:line:column: …` line on stderr, the other
 * files are linted and reported on stdout as usual (with --fix, nothing is
 * written), and the exit code is 2. Anything else that stops the run leaves
 * stdout empty and writes one `liaison: …` line (plus the stack with
 * --debug). Input files are only read, unless --fix writes.
 */
import {stat, writeFile} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {type Args, parseCliArgs} from './args.ts'
import {CliError, NotTemplatesError, UsageError} from './errors.ts'
import type {FindOptions} from './files.ts'
import {type FileKind, fileKind, whyNotLinted} from './kinds.ts'
import {displayPath} from './paths.ts'
import {binaryWarning, readDraft, readStdinDraft} from './read.ts'
import type {LintResult} from './results.ts'
import type {FileLintOptions} from './templates.ts'
import {hasFrontMatter} from '../templates/front-matter.ts'
import {checkOutput, terminalWidth, useColor} from './output.ts'
import {line, safeJson} from './visible.ts'

export interface CliIO {
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  stdin: AsyncIterable<string | Uint8Array>
  stdout: {write(chunk: string): unknown; isTTY?: boolean; columns?: number}
  stderr: {write(chunk: string): unknown; isTTY?: boolean}
}

interface Input {
  /** Where the text lives (or, for stdin, is said to): config lookup, ignores. */
  path: string
  /** What reports call it. */
  filePath: string
  kind: FileKind
  text?: string
  /** Named on the command line (or standard input): a YAML or JSON file that is no collection of templates is then an error. */
  named: boolean
}

/**
 * Whether `a` and `b` are one file: the same device and inode, so a hard
 * link or a symlink to a draft counts, not only the same path. A file that
 * does not exist yet is no draft.
 */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)])
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino
}

/** The modules a lint run needs (see lint-modules.ts). */
async function loadRunModules() {
  return import('./lint-modules.ts')
}

type RunModules = Awaited<ReturnType<typeof loadRunModules>>

/** The drafts to lint, results already decided (files named but ignored), and files passed by. */
async function gatherInputs(args: Args, io: CliIO, m: RunModules, judges: Pick<FindOptions, 'configIgnores' | 'notMessage'>) {
  const inputs: Input[] = []
  const results: LintResult[] = []
  if (!args.stdin) {
    const found = await m.findFiles(args.patterns, io.cwd, {...judges, ext: args.ext, messagesOnly: args.messagesOnly})
    for (const {path, reason} of found.ignored) results.push(m.ignoredResult(path, reason))
    for (const {path, kind, named} of found.files) inputs.push({path, filePath: path, kind, named})
    return {inputs, results, skipped: found.skipped}
  }
  const name = args.stdinFilename
  const path = resolve(io.cwd, name ?? m.stdinPath)
  const kind = name === undefined ? 'text' : fileKind(name)
  if (!kind) throw new UsageError(`--stdin-filename ${name}: ${whyNotLinted(name!)}`)
  const draft = await readStdinDraft(io.stdin, args.maxFileSize)
  if (draft.binary !== undefined) {
    io.stderr.write(line(binaryWarning('standard input', draft.binary)))
    return {inputs, results, skipped: []}
  }
  const {text} = draft
  const reason = name === undefined ? undefined : await m.createIgnoreCheck(io.cwd, judges.configIgnores)(path)
  if (reason) results.push(m.ignoredResult(path, reason))
  else inputs.push({path, filePath: name === undefined ? m.stdinPath : path, kind, text, named: true})
  return {inputs, results, skipped: []}
}

async function lintAll(args: Args, io: CliIO): Promise<number> {
  const {cwd} = io
  const m = await loadRunModules()
  const debug = (text: string) => {
    if (args.debug) io.stderr.write(line(`liaison: debug: ${text}`))
  }
  const overrides = await m.parseOverrides(args.rules, args.channel, args.preset)
  const project = m.createProject({cwd, configFile: args.config, noConfig: args.noConfig, aboveRoot: args.configAboveRoot, overrides})
  const show = (path: string) => displayPath(path, cwd)

  if (args.printConfig !== undefined) {
    const {loaded, found} = await project.judge(resolve(cwd, args.printConfig))
    io.stdout.write(`${safeJson(JSON.stringify(m.printableConfig(loaded, project.settingsOf(loaded, found.blocks), found), null, 2))}\n`)
    return 0
  }

  const output = args.outputFile === undefined ? undefined : resolve(cwd, args.outputFile)
  if (output) await checkOutput('--output-file', output, show)

  const configIgnores = project.configIgnores
  const notMessage = async (path: string) => (await project.judge(path)).found.why

  const gathered = await gatherInputs(args, io, m, {configIgnores, notMessage})
  const {inputs} = gathered
  let {results} = gathered
  if (!args.warnIgnored) {
    for (const result of results) debug(`${show(result.filePath)}: passed by (--no-warn-ignored): ${result.messages[0]!.message}`)
    results = []
  }
  if (output) {
    for (const {path} of [...inputs, ...results.map((result) => ({path: result.filePath}))]) {
      if (path === output || (await sameFile(output, path))) {
        const which = path === output ? 'is one of the files being linted' : `is ${show(path)} (the same file, through a link), which is being linted`
        throw new CliError(`--output-file ${show(output)} ${which}; refusing to overwrite it`)
      }
    }
  }

  // Fixed files are written once every file has been linted: a run that exits 2 changes nothing.
  const writes: Array<{path: string; text: string}> = []
  /** Files that could not be read or parsed: each is reported, the others still linted. */
  const broken: string[] = []
  for (const input of inputs) {
    const {loaded, blocks: applying, settings, options} = await project.setup(input.path, input.filePath, show(input.path))
    const blocks = loaded.config.blocks.length > 1 ? ` (blocks: ${applying.map((index) => m.blockLabel(loaded, index)).join(', ') || 'none'})` : ''
    debug(`${show(input.path)} (${input.kind}) uses ${loaded.label}${blocks}`)
    try {
      let text = input.text
      let bom = false
      if (text === undefined) {
        // Measured before it is read; binary drafts are skipped, invalid UTF-8 is an error (read.ts).
        const draft = await readDraft(input.path, show(input.path), args.maxFileSize)
        if (draft.binary !== undefined) {
          io.stderr.write(line(binaryWarning(show(input.path), draft.binary)))
          continue
        }
        text = draft.text
        bom = draft.bom === true
      }
      const lint = (value: string, options: FileLintOptions) => m.lintFile(input.kind, value, options)
      if (args.fix === undefined) {
        const file = await lint(text, options)
        results.push(m.toResult(input.filePath, file, m.fixesOf(file, input.kind)))
        continue
      }
      const hasTemplates = input.kind === 'yaml' || input.kind === 'json' || hasFrontMatter(text)
      const verify = hasTemplates ? (await import('./template-fixes.ts')).verifyTemplateFixes(input.kind, Object.keys(settings.templates.fields)) : undefined
      const fixed = await m.lintAndFix(text, input.kind, (value) => lint(value, options), verify)
      const result = m.toResult(input.filePath, fixed.file, m.fixesOf(fixed.file, input.kind))
      if (fixed.output !== undefined) {
        result.output = fixed.output
        if (args.fix === 'write') writes.push({path: input.path, text: bom ? `\uFEFF${fixed.output}` : fixed.output})
      }
      results.push(result)
    } catch (error) {
      // A draft over one of Markdown's shape limits (src/text/markdown-shape.ts): a problem with this input, named.
      if ((error as Error).name === 'LimitError') broken.push(`${show(input.path)}: ${(error as Error).message}`)
      // A YAML or JSON file found in a folder that is no collection of templates is some other file: passed by.
      else if (error instanceof NotTemplatesError && !input.named && input.text === undefined) {
        debug(`${show(input.path)}: passed by, not a message: ${error.message.slice(error.message.indexOf(': ') + 2)}`)
      } else if (error instanceof CliError) broken.push(error.message)
      else throw error
    }
  }
  if (broken.length > 0) writes.length = 0
  for (const {path, reason} of gathered.skipped) debug(`${show(path)}: passed by, ${reason}`)
  for (const {path, text} of writes) {
    try {
      await writeFile(path, text)
    } catch (error) {
      throw new CliError(`cannot write the fixes to ${show(path)}: ${(error as Error).message}`)
    }
  }
  results.sort((a, b) => m.byPath({path: a.filePath}, {path: b.filePath}))

  const shown = args.quiet ? results.map(m.errorsOnly) : results
  const {loadFormatter} = m
  // Each config's own rules, once: SARIF describes every rule a result can name.
  const rules = [...new Map([...project.allSettings()].flatMap((settings) => m.catalogFor(settings.vocabulary, settings.plugins).rules).map((rule) => [rule.meta.id, rule])).values()]
  const context = {cwd, color: useColor(io, args.color, output !== undefined), width: terminalWidth(io), ...(rules.length > 0 ? {rules} : {})}
  const report = await (await loadFormatter(args.format))(shown, context)
  if (output) {
    try {
      await writeFile(output, report)
    } catch (error) {
      throw new CliError(`cannot write ${show(output)}: ${(error as Error).message}`)
    }
  } else {
    io.stdout.write(report)
  }

  for (const message of broken) io.stderr.write(line(`liaison: ${message}`))
  if (broken.length > 0) return 2
  return m.exitCode(shown, args.maxWarnings, io.stderr)
}

/** The rules the config for the working directory knows: built-in ones, its vocabulary's and plugins'. */
async function catalogOf(args: Args, cwd: string) {
  const m = await loadRunModules()
  const loaded = await m.createConfigLoader({cwd, configFile: args.config, noConfig: args.noConfig, aboveRoot: args.configAboveRoot}).forFile(join(cwd, 'update.md'))
  return m.catalogFor(loaded.config.vocabulary, loaded.config.plugins)
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let debug = argv.includes('--debug')
  try {
    // `liaison init [dir]`; a folder named "init" is linted with `liaison ./init`.
    if (argv[0] === 'init') return await (await import('./init.ts')).init(argv.slice(1), io)
    // `liaison audit <source>`; a folder named "audit" is linted with `liaison ./audit`.
    if (argv[0] === 'audit') return await (await import('./audit/run.ts')).audit(argv.slice(1), io)
    // `liaison lsp --stdio`: the language server for editors (lsp/server.ts); a folder named "lsp" is linted with `liaison ./lsp`.
    if (argv[0] === 'lsp') return await (await import('./lsp/command.ts')).lsp(argv.slice(1), io)
    const args = parseCliArgs(argv)
    debug = args.debug
    if (args.help || args.version || args.listRules) {
      if (args.version) io.stdout.write(`${(await import('./version.ts')).version()}\n`)
      else if (args.help) io.stdout.write((await import('./info.ts')).help())
      else io.stdout.write((await import('./info.ts')).listRules(args.format === 'json', await catalogOf(args, io.cwd)))
      return 0
    }
    return await lintAll(args, io)
  } catch (error) {
    const {name, message, stack} = error as Error
    const expected = error instanceof CliError || name === 'ConfigError'
    io.stderr.write(line(`liaison: ${expected ? message : `internal error: ${message}${debug ? '' : ' (rerun with --debug for the stack)'}`}`))
    // The stack's own first line holds the message raw, and the message may quote a file: rebuilt, escaped.
    if (debug && stack) io.stderr.write(line(`${name}: ${message}`) + stack.split('\n').filter((frame) => /^\s+at /.test(frame)).map(line).join(''))
    return 2
  }
}
