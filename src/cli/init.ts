/**
 * `liaison init [dir] [--force]`: a ready template repository.
 *
 * One template per phase for the status page and a tweet-length variant of
 * each (the wording is src/templates/defaults.ts, the single source), a
 * config (which files are messages, `strict`, placeholder widths, and a
 * block per channel: status-page .md without a length limit, .tweet.txt at
 * 280), liaison as a dev dependency in package.json, a GitHub Actions
 * workflow that installs it from there (pull-request annotations and SARIF
 * for code scanning) and a README for the team. Linting the folder right
 * after reports nothing.
 *
 * Existing files are never overwritten without --force, and the check comes
 * first: when init refuses, it has written nothing.
 */
import {randomBytes} from 'node:crypto'
import {link, lstat, mkdir, readFile, rename, rm, rmdir, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {type IncidentPhase, phases} from '../analysis/phase.ts'
import {defaultTemplates} from '../templates/defaults.ts'
import {searchPlaces} from './config/load.ts'
import {isRecord as isPlainObject} from '../core/shape.ts'
import {CliError, UsageError} from './errors.ts'
import {displayPath} from './paths.ts'
import {visible} from './visible.ts'
import type {CliIO} from './run.ts'
import {version} from './version.ts'

const configName = '.liaisonrc.yaml'

const uses: Readonly<Record<IncidentPhase, string>> = {
  investigating: 'first update: customers see a problem and you are looking into it',
  identified: 'the cause is known and a fix is being worked on',
  monitoring: 'a fix is in place and you are watching it',
  resolved: 'the incident is over',
}

function frontMatter(fields: Record<string, string>): string {
  return `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n`
}

const config = `# liaison's settings for this repository: https://github.com/liaison-lint/liaison
# A list of blocks, as in ESLint's flat config: each applies to the files its
# "files" globs match, and later blocks win. Files no block names (this
# README, the workflow) are not messages, so liaison passes them by.

# Every template: every rule on, as an error, because these messages are
# reviewed before an incident, not written during one.
- name: templates
  files: [templates/**]
  preset: strict
  # max-length measures a template with each placeholder at its widest.
  # Without a width here or in a template's front matter, a placeholder counts 20.
  placeholders:
    widths:
      component: 30   # the longest component name on your status page
      status_url: 23  # Twitter counts every link as 23

# Status-page updates (.md): Statuspage sets no length limit on an update.
# Give max-length a limit here if your team keeps a house style.
- name: status page
  files: [templates/**/*.md]
  channel: statuspage

# Tweets: 280 weighted characters, links counted as 23.
- name: tweets
  files: [templates/**/*.tweet.txt]
  channel: twitter
`

/** The version range init writes into package.json: this release and compatible ones. */
function range(): string {
  return `^${version()}`
}

function workflow(): string {
  return `# Lints the incident-message templates on every push and pull request:
# problems show up as annotations on the pull request's diff, and as
# code-scanning alerts from the SARIF upload. liaison comes from this
# repository's package.json (devDependencies), so every run uses the version
# you chose; commit package-lock.json to pin it exactly.
name: liaison

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read

jobs:
  templates:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write # to upload SARIF
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install liaison
        run: if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
      - name: Lint the templates (annotations on the pull request)
        run: npx --no -- liaison --format github
      - name: Lint the templates (SARIF for code scanning)
        if: success() || failure()
        run: npx --no -- liaison --format sarif --output-file liaison.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: success() || failure()
        with:
          sarif_file: liaison.sarif
          category: liaison
`
}

function readme(): string {
  const rows = phases.flatMap((phase) => [
    `| \`templates/${phase}.md\` | Status page, ${uses[phase]} |`,
    `| \`templates/${phase}.tweet.txt\` | The same on Twitter (280 characters) |`,
  ])
  return `# Incident message templates

Pre-approved updates for the status page and Twitter, one per incident phase,
written calmly ahead of time so that nobody writes from scratch while something
is broken. [liaison](https://github.com/liaison-lint/liaison) checks them on
every push and pull request.

## What is here

| File | Use it for |
| --- | --- |
${rows.join('\n')}
| \`${configName}\` | liaison's settings: which files are messages, every rule on, as an error |
| \`package.json\` | liaison as a dev dependency, so the workflow and \`npx liaison\` use the same version |
| \`.github/workflows/liaison.yml\` | Runs liaison on pushes and pull requests |

## During an incident

1. Open the template for the current phase and copy the text below its
   \`---\` block (the block is for liaison, not for customers).
2. Replace every placeholder: \`{{component}}\` with the affected feature as
   customers know it, \`{{status_url}}\` with the incident's page,
   \`{{workaround}}\` with what customers can do meanwhile, \`{{start_time}}\`
   and \`{{end_time}}\` with times and a time zone.
3. Post it, and keep the promise it makes about the next update.

## Changing a template

Every update says how customers are affected, what you are doing and when the
next update comes. It never promises a fix time, guesses at the cause, or
names internal systems. liaison checks all of that:

\`\`\`sh
npm install            # once: installs liaison from package.json
npx liaison            # lint every template
npx liaison templates/identified.md
\`\`\`

Status-page templates (\`.md\`) have no length limit; tweet templates
(\`.tweet.txt\`) must fit in 280 characters. \`${configName}\` says so, one block
per kind of file: add a block there for a new folder or channel.

The block at the top of a template tells liaison how to read it:

\`\`\`yaml
---
phase: identified         # investigating, identified, monitoring or resolved
channel: twitter          # twitter, sms, mastodon or bluesky: its length limit
placeholders:
  workaround: 120         # the longest a placeholder's value can be
---
\`\`\`

A template is measured with every placeholder at its widest: 20 characters
unless its front matter or \`${configName}\` says otherwise.

Templates may also be YAML or JSON collections in the Statuspage shape (a list
of \`name\`, \`title\`, \`body\`, \`update_status\`); liaison checks each
\`title\` and \`body\`.
`
}

/** What init writes, by path relative to the folder. */
export function initFiles(): Record<string, string> {
  const files: Record<string, string> = {[configName]: config, 'README.md': readme(), '.github/workflows/liaison.yml': workflow()}
  for (const phase of phases) {
    const {body, tweet} = defaultTemplates[phase]
    files[`templates/${phase}.md`] = `${frontMatter({phase})}${body}\n`
    files[`templates/${phase}.tweet.txt`] = `${frontMatter({phase, channel: 'twitter'})}${tweet}\n`
  }
  return files
}

const usage = 'usage: liaison init [dir] [--force]'

async function kindOf(path: string): Promise<'file' | 'folder' | undefined> {
  const found = await stat(path).catch(() => undefined)
  return found === undefined ? undefined : found.isDirectory() ? 'folder' : 'file'
}

/** A config of another kind in the folder would make liaison refuse to choose between it and ours. */
async function otherConfig(dir: string): Promise<string | undefined> {
  for (const place of searchPlaces) {
    if (place === configName || (await kindOf(join(dir, place))) !== 'file') continue
    if (place !== 'package.json') return place
    let pkg: unknown
    try {
      pkg = JSON.parse(await readFile(join(dir, place), 'utf8'))
    } catch {
      // Not JSON, so no "liaison" key; liaison reports the broken file itself when it searches for a config.
    }
    if (pkg !== null && typeof pkg === 'object' && 'liaison' in pkg) return 'package.json ("liaison" key)'
  }
  return undefined
}

/**
 * Checks every path init would write, before it writes any: each folder on
 * the way and the file itself, from the top, since a symbolic link anywhere
 * would send the write somewhere else (a `templates` link to a folder
 * outside, a file linked to one outside, a dangling link). Returns the
 * names that exist already.
 */
async function checkTargets(dir: string, names: readonly string[], show: (path: string) => string): Promise<string[]> {
  const existing: string[] = []
  for (const name of names) {
    const parts = name.split('/')
    for (let i = 1; i <= parts.length; i++) {
      const path = join(dir, ...parts.slice(0, i))
      const found = await lstat(path).catch(() => undefined)
      if (!found) break
      const isFile = i === parts.length
      if (found.isSymbolicLink()) throw new CliError(`init: ${show(path)} is a symbolic link; nothing was written (init never writes through a link)`)
      if (isFile && found.isDirectory()) throw new CliError(`init: ${show(path)} is a folder; nothing was written`)
      if (isFile && !found.isFile()) throw new CliError(`init: ${show(path)} is not a regular file; nothing was written`)
      if (!isFile && !found.isDirectory()) throw new CliError(`init: ${show(path)} is a file, not a folder; nothing was written`)
      if (isFile) existing.push(name)
    }
  }
  return existing
}

/**
 * Writes every file atomically: each goes to a temporary file beside it
 * first, and only when all are written are they moved into place, so a
 * failure leaves nothing behind. A move replaces a file's directory entry,
 * never writes into it, so a hard link to a file elsewhere is left alone.
 * A file that is not to be replaced is linked into place, which fails
 * rather than overwrite one that appeared since the check.
 */
async function writeAll(dir: string, files: ReadonlyArray<{name: string; content: string; replace: boolean}>, show: (path: string) => string): Promise<void> {
  const made: string[] = []
  const staged: Array<[string, string, boolean]> = []
  let current = dir
  try {
    const missing: string[] = []
    for (let folder = dir; !(await lstat(folder).catch(() => undefined)); folder = dirname(folder)) missing.unshift(folder)
    for (const folder of missing) {
      current = folder
      await mkdir(folder)
      made.push(folder)
    }
    for (const {name, content, replace} of files) {
      const path = join(dir, name)
      const parts = name.split('/').slice(0, -1)
      for (let i = 1; i <= parts.length; i++) {
        current = join(dir, ...parts.slice(0, i))
        if (!(await lstat(current).catch(() => undefined))) {
          await mkdir(current)
          made.push(current)
        }
      }
      current = path
      const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
      staged.push([temporary, path, replace])
      await writeFile(temporary, content, {flag: 'wx'})
    }
    for (const [temporary, path, replace] of staged) {
      current = path
      if (replace) await rename(temporary, path)
      else {
        await link(temporary, path)
        await unlink(temporary)
      }
    }
    /* v8 ignore start -- @preserve run by test/cli/filesystem.test.ts as an unprivileged user in a child process, which coverage does not see */
  } catch (error) {
    for (const [temporary] of staged) await rm(temporary, {force: true})
    for (const folder of made.reverse()) await rmdir(folder).catch(() => undefined)
    throw new CliError(`init: cannot write ${show(current)}: ${(error as Error).message}; nothing was written`)
  }
  /* v8 ignore stop */
}

export async function init(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], options: {force: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(`init: ${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')}; ${usage}`)
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout.write(`${usage}\n\nCreates a template repository in dir (default: the current folder): one template\nper incident phase for the status page and for Twitter, a ${configName} config,\na GitHub Actions workflow and a README. --force overwrites existing files.\n`)
    return 0
  }
  if (positionals.length > 1) throw new UsageError(`init takes one folder, got ${positionals.join(' ')}; ${usage}`)
  const dir = resolve(io.cwd, positionals[0] ?? '.')
  const show = (path: string) => displayPath(path, io.cwd)
  if ((await kindOf(dir)) === 'file') throw new CliError(`init: ${show(dir)} is a file, not a folder`)
  const other = await otherConfig(dir)
  if (other) throw new CliError(`init: ${show(dir)} already has a liaison config (${other}); remove it first, so that ${configName} is the only one`)

  const manifest = await packageJson(dir, show)
  const files = Object.entries(initFiles())
  const existing = await checkTargets(dir, files.map(([name]) => name), show)
  if (existing.length > 0 && !values.force) {
    throw new CliError(`init: ${show(dir)} already has ${existing.join(', ')}; nothing was written (--force overwrites them)`)
  }
  // package.json is added to when it exists, so it is replaced even without --force, but checked and written the same way.
  if (manifest.content !== undefined) await checkTargets(dir, ['package.json'], show)
  const writes = files.map(([name, content]) => ({name, content, replace: values.force === true}))
  if (manifest.content !== undefined) writes.push({name: 'package.json', content: manifest.content, replace: true})
  await writeAll(dir, writes, show)
  const where = visible(show(dir))
  const listed = [...files.map(([name]) => `  ${name}${existing.includes(name) ? ' (overwritten)' : ''}`), `  package.json (${manifest.note})`]
  io.stdout.write(
    `Created a template repository in ${where}:\n${listed.join('\n')}\n\n` +
      `Install liaison with \`npm install\`${where === '.' ? '' : ` in ${where}`}, then check the templates with \`npx liaison\`; see README.md for the team's part.\n`,
  )
  return 0
}

/**
 * package.json with liaison among its dev dependencies, so that the workflow
 * and \`npx liaison\` run the version the team chose: created when missing;
 * otherwise liaison is added to what is there (never changing any other
 * entry, and keeping its indentation, as npm does), or left alone when the
 * file already lists it. A package.json that is not a JSON object stops init
 * before it writes anything.
 */
async function packageJson(dir: string, show: (path: string) => string): Promise<{content?: string; note: string}> {
  const path = join(dir, 'package.json')
  const kind = await kindOf(path)
  if (kind === 'folder') throw new CliError(`init: ${show(path)} is a folder; nothing was written`)
  if (kind === undefined) {
    return {content: `${JSON.stringify({private: true, devDependencies: {liaison: range()}}, null, 2)}\n`, note: `created, with liaison ${range()} as a dev dependency`}
  }
  const text = await readFile(path, 'utf8')
  let pkg: unknown
  try {
    pkg = JSON.parse(text)
  } catch (error) {
    throw new CliError(`init: ${show(path)} is not valid JSON (${(error as Error).message}); fix it first, as init adds liaison to its devDependencies. Nothing was written`)
  }
  if (!isPlainObject(pkg)) throw new CliError(`init: ${show(path)} is not a JSON object; fix it first, as init adds liaison to its devDependencies. Nothing was written`)
  for (const key of ['dependencies', 'devDependencies']) {
    const listed = pkg[key]
    if (isPlainObject(listed) && Object.hasOwn(listed, 'liaison')) return {note: `already lists liaison in ${key}; left as it was`}
  }
  const devDependencies = pkg.devDependencies ?? {}
  if (!isPlainObject(devDependencies)) throw new CliError(`init: ${show(path)}: "devDependencies" is not an object; fix it first. Nothing was written`)
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? 2
  const updated = {...pkg, devDependencies: {...devDependencies, liaison: range()}}
  return {content: `${JSON.stringify(updated, null, indent)}${text.endsWith('\n') ? '\n' : ''}`, note: `liaison ${range()} added to devDependencies`}
}
