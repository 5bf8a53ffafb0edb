/**
 * `liaison audit` flags. The output flags mean what they mean for `liaison`
 * (same names, same checks); the rest say where incidents come from and how
 * the report is written. `--help` is generated from the table below.
 */
import {parseArgs} from 'node:util'
import {incidentFormats, type IncidentFormat} from '../../incident/adapters/index.ts'
import {toIsoTime} from '../../incident/adapters/input.ts'
import {closest} from '../../core/did-you-mean.ts'
import {type FormatName, formatNames} from '../args.ts'
import {UsageError} from '../errors.ts'
import {parseSize} from '../read.ts'

const MiB = 1024 * 1024
/** Histories are larger than drafts: 10,000 updates in Statuspage's JSON are ~8 MiB. */
export const defaultAuditMaxSize = 64 * MiB
export const defaultTimeoutSeconds = 30

export interface AuditArgs {
  sources: string[]
  from: IncidentFormat | undefined
  format: FormatName
  outputFile: string | undefined
  /** `--report`: the HTML report's file. */
  report: string | undefined
  quiet: boolean
  maxWarnings: number | undefined
  rules: string[]
  preset: string | undefined
  config: string | undefined
  noConfig: boolean
  /** ISO 8601: the time unresolved incidents are judged at (default: now). */
  now: string | undefined
  /** Milliseconds. */
  timeout: number
  maxFileSize: number
  color: boolean | undefined
  debug: boolean
  help: boolean
}

const options = {
  from: {type: 'string'},
  format: {type: 'string', short: 'f'},
  'output-file': {type: 'string', short: 'o'},
  report: {type: 'string'},
  quiet: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  rule: {type: 'string', multiple: true},
  preset: {type: 'string'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  now: {type: 'string'},
  timeout: {type: 'string'},
  'max-file-size': {type: 'string'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  debug: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
} as const

/** One line per flag, in --help order. */
export const auditFlagHelp: Readonly<Record<keyof typeof options, {value?: string; text: string}>> = {
  from: {value: '<shape>', text: `Read the sources as ${incidentFormats.join(', ')} (default: detected)`},
  report: {value: '<file>', text: 'Also write a self-contained HTML report'},
  format: {value: '<name>', text: `${formatNames.join(', ')} (default: stylish)`},
  'output-file': {value: '<file>', text: 'Write the results to a file instead of standard output'},
  quiet: {text: 'Report errors only'},
  'max-warnings': {value: '<n>', text: 'Exit 1 when there are more than n warnings'},
  rule: {value: '<setting>', text: "Set a rule for this run (repeatable), as for liaison"},
  preset: {value: '<name>', text: "Preset for this run, in place of the config's"},
  config: {value: '<file>', text: 'Use this config (no search)'},
  'no-config': {text: 'Use no config file'},
  now: {value: '<time>', text: 'Judge open incidents at this ISO 8601 time (default: now)'},
  timeout: {value: '<seconds>', text: `Give up on an address after this long (default ${defaultTimeoutSeconds})`},
  'max-file-size': {value: '<size>', text: 'Largest file or answer to read (default 64MiB)'},
  color: {text: 'Force colours on'},
  'no-color': {text: 'Force colours off'},
  debug: {text: 'Stack traces on failure'},
  help: {text: 'Show this help'},
}

export function auditHelp(): string {
  const flags = (Object.keys(auditFlagHelp) as (keyof typeof options)[]).map((name) => {
    const {value, text} = auditFlagHelp[name]
    const short = (options[name] as {short?: string}).short
    return `  ${`${short ? `-${short}, ` : ''}--${name}${value ? ` ${value}` : ''}`.padEnd(29)}${text}`
  })
  return `Usage: liaison audit [options] <file | folder | https://status.example.com> ...

Lints whole incidents: every update with its phase, and the incident rules
over the sequence. Reads Statuspage's /api/v2/incidents.json (fetched from a
status page's address, or saved), cState-style Markdown incident files (a
file or a folder), or liaison's own JSON, JSON Lines or YAML
(schemas/incidents.schema.json).

Options:
${flags.join('\n')}

Exit codes: 0 no errors; 1 errors or too many warnings; 2 usage or input errors.
`
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  const guess = closest(value, allowed)
  throw new UsageError(`${flag} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`)
}

export function parseAuditArgs(argv: readonly string[]): AuditArgs {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options, allowPositionals: true, strict: true})
  } catch (error) {
    const {message} = error as Error
    const name = /'(-[^'=]*)/.exec(message)?.[1]
    const guess = name?.startsWith('--') ? closest(name, Object.keys(options).map((flag) => `--${flag}`)) : undefined
    throw new UsageError(
      name && /Unknown option/.test(message)
        ? `unknown option ${name}${guess ? ` (did you mean ${guess}?)` : ''}; see liaison audit --help`
        : `${message.replace(/\.$/, '')}; see liaison audit --help`,
    )
  }
  const {values, positionals} = parsed
  const args: AuditArgs = {
    sources: positionals,
    from: values.from === undefined ? undefined : oneOf('--from', values.from, incidentFormats),
    format: values.format === undefined ? 'stylish' : oneOf('--format', values.format, formatNames),
    outputFile: values['output-file'],
  report: values.report,
      quiet: values.quiet ?? false,
    maxWarnings: undefined,
    rules: values.rule ?? [],
    preset: values.preset,
    config: values.config,
    noConfig: values['no-config'] ?? false,
    now: values.now,
    timeout: defaultTimeoutSeconds * 1000,
    maxFileSize: values['max-file-size'] === undefined ? defaultAuditMaxSize : parseSize('--max-file-size', values['max-file-size']),
    color: values.color ? true : values['no-color'] ? false : undefined,
    debug: values.debug ?? false,
    help: values.help ?? false,
  }
  if (args.now !== undefined && toIsoTime(args.now) === undefined) {
    throw new UsageError(`--now expects an ISO 8601 time with an offset, e.g. 2026-03-01T14:05:00Z; got ${JSON.stringify(args.now)}`)
  }
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout)
    if (!(seconds > 0 && seconds <= 600)) throw new UsageError(`--timeout expects seconds between 0 and 600, got ${JSON.stringify(values.timeout)}`)
    args.timeout = seconds * 1000
  }
  const maxWarnings = values['max-warnings']
  if (maxWarnings !== undefined) {
    if (!/^\d+$/.test(maxWarnings.trim())) throw new UsageError(`--max-warnings expects a whole number of warnings, got ${JSON.stringify(maxWarnings)}`)
    args.maxWarnings = Number(maxWarnings)
  }
  if (args.help) return args
  if (args.sources.length === 0) throw new UsageError('liaison audit needs a file, a folder or a status page address; see liaison audit --help')
  if (args.config !== undefined && args.noConfig) throw new UsageError('--config and --no-config cannot be used together')
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color cannot be used together')
  for (const [flag, value] of [
    ['--output-file', args.outputFile],
    ['--report', args.report],
    ['--config', args.config],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a file name`)
  }
  return args
}
