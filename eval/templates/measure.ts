/**
 * Lints the template repository in eval/templates/repo/ the way a new user
 * would: `liaison init` in an empty folder, the templates copied into its
 * templates/ folder (where init's config says messages are), then the
 * built CLI (dist/, so `npm run build` first) run over every file on its own
 * and over the whole folder, under `strict` (what init writes) and
 * `recommended`. Every flag is looked up in judgments.yml, which says whether
 * it is correct; the tables print flags per rule with correct and false
 * counts, the files that stop the run (exit 2), and the flags still unjudged.
 *
 *   npx tsx eval/templates/measure.ts            # tables
 *   npx tsx eval/templates/measure.ts --list     # every flag with its verdict
 *   npx tsx eval/templates/measure.ts --json     # machine-readable
 */
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {parseArgs} from 'node:util'
import {parse} from 'yaml'

const {values} = parseArgs({options: {list: {type: 'boolean', default: false}, json: {type: 'boolean', default: false}}})

const here = new URL('.', import.meta.url).pathname
// LIAISON_BIN measures another build (e.g. main's, for the numbers before a change).
const bin = process.env.LIAISON_BIN ?? join(here, '../../dist/src/cli/bin.js')
if (!existsSync(bin)) {
  console.error('measure: no dist/src/cli/bin.js; run `npm run build` first')
  process.exit(2)
}

type Verdict = 'correct' | 'false'
interface Judgment {
  verdict: Verdict
  why: string
}
/** `file:line:rule` → verdict; a flag's place is stable because the templates never change. */
const judgments: Record<string, Judgment> = (parse(readFileSync(join(here, 'judgments.yml'), 'utf8')) as Record<string, Judgment> | null) ?? {}

interface Flag {
  key: string
  file: string
  line: number
  rule: string
  message: string
  verdict?: Verdict
}

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? files(path, base) : [relative(base, path)]
    })
}

function measure(preset: 'strict' | 'recommended') {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-templates-'))
  try {
    const init = run(dir, ['init'])
    if (init.status !== 0) throw new Error(`liaison init failed: ${init.stderr}`)
    // Only init's config stays: its own templates pass, and are not what is measured.
    rmSync(join(dir, 'templates'), {recursive: true})
    const configPath = join(dir, '.liaisonrc.yaml')
    // init's config is a list of blocks; its "templates" block sets the preset.
    let config = readFileSync(configPath, 'utf8').replace(/^(\s*)(?:preset|extends): strict$/m, `$1preset: ${preset}`)
    // The one syntax no default covers, declared the way the docs say (ignored by versions without it).
    const extra = join(here, 'config-extra.yaml')
    if (existsSync(extra)) config += readFileSync(extra, 'utf8')
    writeFileSync(configPath, config)
    cpSync(join(here, 'repo'), join(dir, 'templates'), {recursive: true})
    const flags: Flag[] = []
    const broken: Array<{file: string; error: string}> = []
    for (const file of files(join(here, 'repo'))) {
      const result = run(dir, ['--format', 'json', join('templates', file)])
      if (result.status === 2) {
        broken.push({file, error: result.stderr.trim()})
        continue
      }
      for (const entry of JSON.parse(result.stdout) as Array<{messages: Array<{ruleId: string | null; line?: number; message: string}>}>) {
        for (const message of entry.messages) {
          const rule = message.ruleId ?? '(none)'
          const key = `${file}:${message.line ?? 0}:${rule}`
          flags.push({key, file, line: message.line ?? 0, rule, message: message.message, verdict: judgments[key]?.verdict})
        }
      }
    }
    const whole = run(dir, ['--format', 'json'])
    return {preset, flags, broken, whole: {status: whole.status, stderr: whole.stderr.trim()}}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

const results = [measure('strict'), measure('recommended')]
if (values.json) {
  console.log(JSON.stringify(results, null, 2))
  process.exit(0)
}
for (const {preset, flags, broken, whole} of results) {
  console.log(`\n## ${preset}: ${flags.length} flags, ${broken.length} files stop the run (exit 2); whole folder exits ${whole.status}\n`)
  console.log('| Rule | Flags | Correct | False | Unjudged |\n| --- | ---: | ---: | ---: | ---: |')
  const rules = [...new Set(flags.map((flag) => flag.rule))].sort()
  for (const rule of [...rules, 'all']) {
    const mine = rule === 'all' ? flags : flags.filter((flag) => flag.rule === rule)
    const count = (verdict: Verdict | undefined) => mine.filter((flag) => flag.verdict === verdict).length
    console.log(`| ${rule} | ${mine.length} | ${count('correct')} | ${count('false')} | ${count(undefined)} |`)
  }
  for (const {file, error} of broken) console.log(`\nexit 2: ${file}: ${error}`)
  if (values.list) for (const flag of flags) console.log(`${flag.verdict ?? 'UNJUDGED'}\t${flag.key}\t${flag.message}`)
}
