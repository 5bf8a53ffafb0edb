/**
 * Command-line flags, read with Node's `util.parseArgs` (strict: an unknown
 * flag is a usage error). Values that need the rule registry (`--rule`,
 * `--channel`) are checked later, in settings.ts, where it is loaded.
 */
import {parseArgs} from 'node:util'
import {UsageError} from './errors.ts'
import {closest} from '../core/did-you-mean.ts'
import {extensions} from './kinds.ts'
import {defaultMaxFileSize, parseSize} from './read.ts'

export const formatNames = ['stylish', 'json', 'sarif', 'github'] as const
export type FormatName = (typeof formatNames)[number]

export interface Args {
  patterns: string[]
  stdin: boolean
  stdinFilename: string | undefined
  config: string | undefined
  noConfig: boolean
  /** Search for a config above the repository root too. */
  configAboveRoot: boolean
  rules: string[]
  channel: string | undefined
  /** `--preset`: the preset for this run, in place of the config's. */
  preset: string | undefined
  /** `--ext`: only files with these extensions (with the dot) are taken from folders and globs. */
  ext: string[] | undefined
  /** `--messages-only`: named files that are not messages are passed by, as in a folder walk. */
  messagesOnly: boolean
  /** `--no-warn-ignored`: named files that are ignored are passed by silently. */
  warnIgnored: boolean
  /** `--fix` writes the safe fixes; `--fix-dry-run` only reports them (`output` in JSON). */
  fix: 'write' | 'dry-run' | undefined
  /** `--color` / `--no-color`; undefined leaves it to the environment. */
  color: boolean | undefined
  format: FormatName
  outputFile: string | undefined
  quiet: boolean
  maxWarnings: number | undefined
  /** Bytes; a larger draft is an error (exit 2), never read. */
  maxFileSize: number
  printConfig: string | undefined
  listRules: boolean
  version: boolean
  help: boolean
  debug: boolean
}

const options = {
  stdin: {type: 'boolean'},
  'stdin-filename': {type: 'string'},
  config: {type: 'string', short: 'c'},
  'no-config': {type: 'boolean'},
  'config-above-root': {type: 'boolean'},
  rule: {type: 'string', multiple: true},
  channel: {type: 'string'},
  preset: {type: 'string'},
  ext: {type: 'string', multiple: true},
  'messages-only': {type: 'boolean'},
  'no-warn-ignored': {type: 'boolean'},
  fix: {type: 'boolean'},
  'fix-dry-run': {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  format: {type: 'string', short: 'f'},
  'output-file': {type: 'string', short: 'o'},
  quiet: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  'max-file-size': {type: 'string'},
  'print-config': {type: 'string'},
  'list-rules': {type: 'boolean'},
  version: {type: 'boolean', short: 'v'},
  help: {type: 'boolean', short: 'h'},
  debug: {type: 'boolean'},
} as const

/** How --help and the README describe a flag. */
export interface FlagHelp {
  group: 'Input' | 'Configuration' | 'Fixing' | 'Output' | 'Information'
  /** The value's name, for flags that take one. */
  value?: string
  /**
   * What it does; a new line continues it. `{channels}`, `{presets}` and
   * `{formats}` stand for values that need the rule registry, filled in by
   * `describeFlag`.
   */
  text: string
}

/** One entry per flag: a flag without help does not compile. Order is the order of --help. */
export const flagHelp: Readonly<Record<keyof typeof options, FlagHelp>> = {
  stdin: {group: 'Input', text: 'Lint standard input'},
  'stdin-filename': {group: 'Input', value: '<name>', text: 'Its name: kind (.md, .txt, .yml, .json), config, reports'},
  'max-file-size': {group: 'Input', value: '<size>', text: 'Largest draft to read, e.g. 500kB, 10MiB (default 5MiB)'},
  ext: {group: 'Input', value: '<list>', text: 'Only these extensions from folders and globs, e.g. md,txt'},
  'messages-only': {group: 'Input', text: 'Pass by named files that are not messages, as a folder\nwalk does; finding none is not an error (pre-commit)'},
  'no-warn-ignored': {group: 'Input', text: 'Pass by named files that are ignored, without a warning'},
  config: {group: 'Configuration', value: '<file>', text: 'Use this config for every file (no search)'},
  'no-config': {group: 'Configuration', text: 'Use no config file: defaults and flags only'},
  'config-above-root': {group: 'Configuration', text: 'Search for a config above the repository root (the\nfolder holding .git) too; by default the search stops there'},
  rule: {group: 'Configuration', value: '<setting>', text: "Set a rule for this run (repeatable), e.g.\n--rule 'no-speculation: off'\n--rule 'max-length: [error, {channel: sms}]'"},
  channel: {group: 'Configuration', value: '<name>', text: 'Length channel for this run: {channels}'},
  preset: {group: 'Configuration', value: '<name>', text: "Preset for this run, in place of the config's: {presets}"},
  fix: {group: 'Fixing', text: 'Apply the safe fixes and write the files'},
  'fix-dry-run': {group: 'Fixing', text: 'Apply them in memory only (see "output" with -f json)'},
  format: {group: 'Output', value: '<name>', text: '{formats} (default: stylish)'},
  'output-file': {group: 'Output', value: '<file>', text: 'Write the report to a file instead of standard output'},
  quiet: {group: 'Output', text: 'Report errors only'},
  'max-warnings': {group: 'Output', value: '<n>', text: 'Exit 1 when there are more than n warnings (-1: no limit)'},
  color: {group: 'Output', text: 'Force colours on (default: on for a terminal, off with\nNO_COLOR; FORCE_COLOR=1 forces them)'},
  'no-color': {group: 'Output', text: 'Force colours off'},
  'print-config': {group: 'Information', value: '<file>', text: 'Print the configuration that applies to a file'},
  'list-rules': {group: 'Information', text: 'List the rules (with --format json: as JSON)'},
  debug: {group: 'Information', text: 'Show the config used for each file and why files are\npassed by; stack traces on failure'},
  help: {group: 'Information', text: 'Show this help'},
  version: {group: 'Information', text: 'Show the version'},
}

/** `-c, --config <file>`: a flag as the user types it. */
export function flagUsage(name: keyof typeof options): string {
  const spec = options[name] as {short?: string}
  const {value} = flagHelp[name]
  return `${spec.short ? `-${spec.short}, ` : ''}--${name}${value ? ` ${value}` : ''}`
}

/** A flag's help with its placeholders filled in. */
export function describeFlag(name: keyof typeof options, values: {channels: readonly string[]; presets: readonly string[]}): string {
  return flagHelp[name].text
    .replace('{channels}', values.channels.join(', '))
    .replace('{presets}', values.presets.join(', '))
    .replace('{formats}', formatNames.join(', '))
}

const flagNames = Object.keys(options).map((name) => `--${name}`)

/** parseArgs' messages explain its own API; ours name the flag and what to do. */
function explain(error: {code?: string; message: string}): string {
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // parseArgs quotes the flag: "Unknown option '--fromat'. …"
    const name = /'(-[^'=]*)/.exec(error.message)![1]!
    const guess = name.startsWith('--') ? closest(name, flagNames) : undefined
    return `unknown option ${name}${guess ? ` (did you mean ${guess}?)` : ''}; see liaison --help`
  }
  const flag = /--[a-z-]+/.exec(error.message)?.[0]
  /* v8 ignore next -- @preserve allowPositionals is on, so parseArgs raises no other error */
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || !flag) return error.message
  if (/argument missing/.test(error.message)) return `option ${flag} needs a value; see liaison --help`
  // `--max-warnings -1`: parseArgs will not take a value that looks like a flag.
  if (/ambiguous/.test(error.message)) return `option ${flag} needs a value; for one starting with "-", write ${flag}=<value>`
  return `option ${flag} does not take a value; see liaison --help`
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  const guess = closest(value, allowed)
  throw new UsageError(
    `${flag} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`,
  )
}

/** ESLint's `--max-warnings -1`: parseArgs will not take a value that looks like a flag, so it is joined to it. */
function joinNegative(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') return [...out, ...argv.slice(i)]
    if (argv[i] === '--max-warnings' && /^-\d+$/.test(argv[i + 1] ?? '')) out.push(`--max-warnings=${argv[++i]}`)
    else out.push(argv[i]!)
  }
  return out
}

/** `--ext md,txt --ext .yml` → ['.md', '.txt', '.yml'], each one liaison lints. */
function parseExt(values: readonly string[]): string[] {
  const out = new Set<string>()
  for (const value of values.flatMap((item) => item.split(','))) {
    const ext = `.${value.trim().replace(/^\./, '').toLowerCase()}`
    if (!extensions.includes(ext)) throw new UsageError(`--ext ${JSON.stringify(value.trim())} is not an extension liaison lints (${extensions.join(', ')})`)
    out.add(ext)
  }
  return [...out]
}

export function parseCliArgs(argv: readonly string[]): Args {
  let parsed
  try {
    parsed = parseArgs({args: joinNegative(argv), options, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(explain(error as {code?: string; message: string}))
  }
  const {values, positionals} = parsed
  const args: Args = {
    patterns: positionals,
    stdin: values.stdin ?? false,
    stdinFilename: values['stdin-filename'],
    config: values.config,
    noConfig: values['no-config'] ?? false,
    configAboveRoot: values['config-above-root'] ?? false,
    rules: values.rule ?? [],
    channel: values.channel,
    preset: values.preset,
    ext: values.ext === undefined ? undefined : parseExt(values.ext),
    messagesOnly: values['messages-only'] ?? false,
    warnIgnored: !values['no-warn-ignored'],
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
    color: values.color ? true : values['no-color'] ? false : undefined,
    format: values.format === undefined ? 'stylish' : oneOf('--format', values.format, formatNames),
    outputFile: values['output-file'],
    quiet: values.quiet ?? false,
    maxWarnings: undefined,
    maxFileSize: values['max-file-size'] === undefined ? defaultMaxFileSize : parseSize('--max-file-size', values['max-file-size']),
    printConfig: values['print-config'],
    listRules: values['list-rules'] ?? false,
    version: values.version ?? false,
    help: values.help ?? false,
    debug: values.debug ?? false,
  }
  const maxWarnings = values['max-warnings']
  if (maxWarnings !== undefined) {
    if (!/^(?:\d+|-1)$/.test(maxWarnings.trim())) {
      throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more, or -1 for no limit), got ${JSON.stringify(maxWarnings)}`)
    }
    // -1 is no limit, as in ESLint.
    if (Number(maxWarnings) >= 0) args.maxWarnings = Number(maxWarnings)
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together')
  if (values.fix && values.stdin) throw new UsageError('--fix writes files; for standard input use --fix-dry-run, which reports the fixed text')
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color cannot be used together')
  if (values['list-rules'] && args.format !== 'stylish' && args.format !== 'json') {
    throw new UsageError(`--list-rules prints a table, or JSON with --format json; --format ${args.format} is for lint results`)
  }
  if (args.config !== undefined && args.noConfig) throw new UsageError('--config and --no-config cannot be used together')
  if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError('--stdin-filename needs --stdin')
  if (args.stdin && args.patterns.length > 0) {
    throw new UsageError(`--stdin lints standard input; do not also pass paths (got ${args.patterns.join(' ')})`)
  }
  if (args.printConfig !== undefined && (args.patterns.length > 0 || args.stdin)) {
    throw new UsageError('--print-config prints the configuration for one file; do not also pass paths or --stdin')
  }
  for (const [flag, value] of [
    ['--config', args.config],
    ['--output-file', args.outputFile],
    ['--print-config', args.printConfig],
    ['--stdin-filename', args.stdinFilename],
  ] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a file name`)
  }
  return args
}
