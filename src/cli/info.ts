/**
 * What the command prints about itself: --help and --list-rules.
 */
import type {RuleCatalog} from '../catalog.ts'
import {describeFlag, flagHelp, flagUsage} from './args.ts'
import {searchPlaces} from './config/load.ts'
import {channelValues} from '../settings.ts'
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

/** The flags by group, from their definitions in args.ts. */
function flagList(): string {
  const values = {channels: channelValues(), presets: Object.keys(presets)}
  const names = Object.keys(flagHelp) as (keyof typeof flagHelp)[]
  const groups = [...new Set(names.map((name) => flagHelp[name].group))]
  return groups
    .map((group) => {
      const lines = names
        .filter((name) => flagHelp[name].group === group)
        .map((name) => {
          const [first, ...rest] = describeFlag(name, values).split('\n')
          return [`  ${flagUsage(name).padEnd(29)}${first}`, ...rest.map((line) => `${' '.repeat(33)}${line}`)].join('\n')
        })
      return `${group}:\n${lines.join('\n')}\n`
    })
    .join('\n')
}

export function help(): string {
  return `Usage: liaison [options] [file | directory | glob ...]
       liaison init [dir] [--force]   Create a template repository
       liaison lsp --stdio            Start the language server for editors

Lints incident messages: drafts and templates (${extensions.join(', ')}).
With no paths, walks the current directory. A file found in a folder or by a
glob is linted when it is a message: when the config's "files" match it, by
default files under ${defaultFiles.filter((glob) => glob.endsWith('/**')).map((glob) => glob.slice(0, -2)).join(', ')}
and files named *.update.*. A file named on the command line is always linted.
node_modules, .git, .gitignore'd and .liaisonignore'd files and config files
are skipped.

${flagList()}
Config files, searched upward from each file (the nearest applies):
${wrap(searchPlaces.map((place) => (place === 'package.json' ? 'package.json ("liaison" key)' : place)))}

Exit codes: 0 no errors (and warnings within --max-warnings); 1 lint errors or
too many warnings; 2 usage, config or input errors.
`
}

/** Every rule the config knows (built-in, its vocabulary's, its plugins'), with the setting each preset gives it. */
export function listRules(asJson: boolean, catalog: RuleCatalog): string {
  const {rules, presets: settingsOf} = catalog
  if (asJson) return `${JSON.stringify(rules.map((rule) => rule.meta))}\n`
  const width = Math.max(...rules.map((rule) => rule.meta.id.length))
  // As the README's rules table has it: the setting each preset gives the rule.
  const settings = rules.map(({meta}) => `recommended: ${settingsOf.recommended[meta.id]!}, strict: ${settingsOf.strict[meta.id]!}`)
  const settingWidth = Math.max(...settings.map((setting) => setting.length))
  const lines = rules.map(({meta}, i) => `${meta.id.padEnd(width)}  ${settings[i]!.padEnd(settingWidth)}  ${meta.description}`)
  return `${lines.join('\n')}\n`
}
