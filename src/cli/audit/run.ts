/**
 * `liaison audit <file | folder | url> ...`: read incidents, lint each one
 * whole, and report like `liaison` does (the same formatters and exit
 * codes), plus `--report` for an HTML report. Rule settings come from the
 * config that applies to the first source (or `-c`), then `--preset` and
 * `--rule`, as for `liaison`.
 *
 * Input that cannot be read stops the run (exit 2) when it is the only
 * source; in a folder, each broken file gets its line on stderr, the others
 * are audited and reported, and the exit code is 2.
 */
import {writeFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {IncidentInputError} from '../../incident/adapters/index.ts'
import {CliError} from '../errors.ts'
import {displayPath, repositoryRoot} from '../paths.ts'
import {checkOutput, terminalWidth, useColor} from '../output.ts'
import type {CliIO} from '../run.ts'
import {line} from '../visible.ts'
import {type AuditArgs, auditHelp, parseAuditArgs} from './args.ts'
import {isAddress} from './fetch.ts'
import {type AuditedIncident, type AuditSettings, createAuditor} from './lint.ts'
import {createProgress} from './progress.ts'
import {auditResults} from './results.ts'
import {readSources} from './sources.ts'

async function settingsOf(args: AuditArgs, cwd: string): Promise<AuditSettings> {
  const m = await import('../lint-modules.ts')
  const overrides = await m.parseOverrides(args.rules, undefined, args.preset)
  const configs = m.createConfigLoader({cwd, configFile: args.config, noConfig: args.noConfig})
  // The config that would lint the first source (for an address: one in the working folder).
  const first = args.sources[0]!
  const path = isAddress(first) ? resolve(cwd, 'incidents.json') : resolve(cwd, first)
  const loaded = await configs.forFile(path)
  const blocks = await m.createBlockMatcher(loaded, repositoryRoot(cwd)).blocks(path)
  // The config's vocabulary and plugins too: an audit applies the same rules as linting the drafts.
  const {preset, rules, placeholders, vocabulary, plugins} = m.settingsFor(loaded, blocks, overrides)
  return {preset, rules, ...(placeholders && {placeholders}), ...(vocabulary && {vocabulary}), ...(plugins && {plugins}), ...(args.now !== undefined && {now: args.now})}
}

/** A rule setting that turns the rule off: `'off'`, `0`, or either as the first item of a list. */
function isOff(setting: unknown): boolean {
  const severity = Array.isArray(setting) ? (setting as unknown[])[0] : setting
  return severity === 'off' || severity === 0
}

async function auditAll(args: AuditArgs, io: CliIO): Promise<number> {
  const {cwd} = io
  const show = (path: string) => displayPath(path, cwd)
  const output = args.outputFile === undefined ? undefined : resolve(cwd, args.outputFile)
  const report = args.report === undefined ? undefined : resolve(cwd, args.report)
  if (report !== undefined && report === output) throw new CliError('--report and --output-file name the same file; give each its own')
  if (output) await checkOutput('--output-file', output, show)
  if (report) await checkOutput('--report', report, show)
  const settings = await settingsOf(args, cwd)
  const read = await readSources(args.sources, {cwd, from: args.from, maxBytes: args.maxFileSize, timeout: args.timeout})
  for (const problem of read.broken) io.stderr.write(line(`liaison: ${problem}`))

  const auditOne = createAuditor(settings, {promises: report !== undefined})
  const progress = createProgress(io.stderr, read.incidents.length)
  const audited: AuditedIncident[] = []
  try {
    for (const incident of read.incidents) {
      audited.push(auditOne(incident))
      progress.tick()
    }
  } finally {
    progress.done()
  }
  const results = auditResults(audited)
  const m = await import('../lint-modules.ts')
  const shown = args.quiet ? results.map(m.errorsOnly) : results
  const context = {cwd, color: useColor(io, args.color, output !== undefined), width: terminalWidth(io)}
  const text = await (await m.loadFormatter(args.format))(shown, context)
  if (output) await write(output, text, show)
  else io.stdout.write(text)
  if (report) {
    const {renderReport} = await import('./report/html.ts')
    const activeRules = new Set(Object.entries(settings.rules ?? {}).filter(([, setting]) => !isOff(setting)).map(([id]) => id))
    await write(report, await renderReport(audited, results, {sources: args.sources, activeRules, show}), show)
  }
  if (read.broken.length > 0) return 2
  return m.exitCode(shown, args.maxWarnings, io.stderr)
}

async function write(path: string, text: string, show: (path: string) => string): Promise<void> {
  try {
    await writeFile(path, text)
  } catch (error) {
    throw new CliError(`cannot write ${show(path)}: ${(error as Error).message}`)
  }
}

/** `liaison audit …` (argv without "audit"): resolves to the exit code; failures are reported as `liaison` reports them. */
export async function audit(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseAuditArgs(argv)
  if (args.help) {
    io.stdout.write(auditHelp())
    return 0
  }
  try {
    return await auditAll(args, io)
  } catch (error) {
    // Input in the wrong shape is the user's to fix, as a config error is: one line, exit 2.
    if (error instanceof IncidentInputError) throw new CliError(error.message)
    throw error
  }
}
