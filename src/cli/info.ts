/**
 * What the command prints about itself: --help and --list-rules.
 */
import {rules} from '../../rules/index.ts'
import {formatNames} from './args.ts'
import {channelValues, searchPlaces} from './config.ts'
import {presets} from '../presets.ts'
import {defaultFiles} from './blocks.ts'
import {extensions} from './kinds.ts'

/** A comma-separated list, indented, in lines of at most 80 characters. */
function wrap(items: readonly string[]): string {
  const lines = ['']
  for (const [i, item] of items.entries()) {
    const word = `${item}${i < items.length - 1 ? ',' : ''}`
    if (lines.at(-1)!.length + word.length + 3 > 80) lines.push('')
    lines[lines.length - 1] += `${lines.at(-1) ? ' ' : ''}${word}`
  }
  return lines.map((line) => `  ${line}`).join('\n')
}

export function help(): string {
  return `Usage: liaison [options] [file | directory | glob ...]
       liaison init [dir] [--force]   Create a template repository

Lints incident messages: drafts and templates (${extensions.join(', ')}).
With no paths, walks the current directory. A file found in a folder or by a
glob is linted when it is a message: when the config's "files" match it, by
default files under ${defaultFiles.filter((glob) => glob.endsWith('/**')).map((glob) => glob.slice(0, -2)).join(', ')}
and files named *.update.*. A file named on the command line is always linted.
node_modules, .git, .gitignore'd and .liaisonignore'd files and config files
are skipped.

Input:
  --stdin                      Lint standard input
  --stdin-filename <name>      Its name: kind (.md, .txt, .yml, .json), config, reports
  --max-file-size <size>       Largest draft to read, e.g. 500kB, 10MiB (default 5MiB)
  --ext <list>                 Only these extensions from folders and globs, e.g. md,txt
  --messages-only              Pass by named files that are not messages, as a folder
                                 walk does; finding none is not an error (pre-commit)
  --no-warn-ignored            Pass by named files that are ignored, without a warning

Configuration:
  -c, --config <file>          Use this config for every file (no search)
  --no-config                  Use no config file: defaults and flags only
  --config-above-root          Search for a config above the repository root (the
                               folder holding .git) too; by default the search stops there
  --rule <setting>             Set a rule for this run (repeatable), e.g.
                                 --rule 'no-speculation: off'
                                 --rule 'max-length: [error, {channel: sms}]'
  --channel <name>             Length channel for this run: ${channelValues().join(', ')}
  --preset <name>              Preset for this run, in place of the config's: ${Object.keys(presets).join(', ')}

Fixing:
  --fix                        Apply the safe fixes and write the files
  --fix-dry-run                Apply them in memory only (see "output" with -f json)

Output:
  -f, --format <name>          ${formatNames.join(', ')} (default: stylish)
  -o, --output-file <file>     Write the report to a file instead of standard output
  --quiet                      Report errors only
  --max-warnings <n>           Exit 1 when there are more than n warnings (-1: no limit)
  --color, --no-color          Force colours on or off (default: on for a terminal,
                                 off with NO_COLOR; FORCE_COLOR=1 forces them)

Information:
  --print-config <file>        Print the configuration that applies to a file
  --list-rules                 List the rules (with --format json: as JSON)
  --debug                      Show the config used for each file and why files are
                                 passed by; stack traces on failure
  -h, --help                   Show this help
  -v, --version                Show the version

Config files, searched upward from each file (the nearest applies):
${wrap(searchPlaces.map((place) => (place === 'package.json' ? 'package.json ("liaison" key)' : place)))}

Exit codes: 0 no errors (and warnings within --max-warnings); 1 lint errors or
too many warnings; 2 usage, config or input errors.
`
}

export function listRules(asJson: boolean): string {
  if (asJson) return `${JSON.stringify(rules.map((rule) => rule.meta))}\n`
  const width = Math.max(...rules.map((rule) => rule.meta.id.length))
  const lines = rules.map(({meta}) => {
    const setting = meta.recommended ? `${meta.severity} (recommended)` : `${meta.severity} (strict only)`
    return `${meta.id.padEnd(width)}  ${setting.padEnd(21)}  ${meta.description}`
  })
  return `${lines.join('\n')}\n`
}
