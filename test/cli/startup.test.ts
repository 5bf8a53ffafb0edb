/**
 * What a command loads before it does its work (no clock: start-up is timed
 * by `npm run bench` and `npm run bench:lsp`). From the import graph of the
 * source: the language server answers `initialize` before the linting
 * machinery is loaded (its worker loads it), and --version and --help load
 * no rule. From the built command (scripts/build-cli.mjs): the files Node
 * loads, since each costs a resolve, a read, a compile and a link: its entry,
 * an ES module, and the CommonJS chunks it loads with the code cache (which
 * says so under NODE_DEBUG=liaison).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {root} from '../support/fixtures.ts'
import {loadedWith} from '../support/imports.ts'
import {bin} from './support.ts'

/** The files of `dirs` that loading `file` loads at once. */
function loadedFrom(file: string, dirs: readonly string[]): string[] {
  return [...loadedWith(join(root, file))].map((path) => relative(root, path)).filter((path) => dirs.some((dir) => path.startsWith(dir)))
}

const machinery = ['rules/', 'src/engine/', 'src/text/', 'src/analysis/', 'src/cli/config/', 'src/cli/templates.ts', 'src/cli/project.ts']

describe('start-up, in the source', () => {
  it('the language server loads no linting machinery before it answers initialize', () => {
    expect(loadedFrom('src/cli/lsp/command.ts', machinery)).toEqual([])
  })

  it('the command loads no linting machinery before it reads its arguments', () => {
    expect(loadedFrom('src/cli/bin.ts', machinery)).toEqual([])
    expect(loadedFrom('src/cli/run.ts', machinery)).toEqual([])
  })
})

describe('start-up, in the built command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-startup-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  writeFileSync(join(dir, 'draft.txt'), 'We are investigating errors on checkout for some customers. Next update in 30 minutes.\n')

  /** The files of the built command (dist/src/cli) that `liaison …argv` loads: ES modules recorded by a module hook (node:module register), then the chunks. */
  function loadedBy(argv: string[]): string[] {
    const log = join(dir, `loaded-${argv.join('-')}.txt`)
    writeFileSync(log, '')
    const hooks = `import {appendFileSync} from 'node:fs'; let log; export function initialize(data) { log = data.log } export async function load(url, context, next) { const result = await next(url, context); appendFileSync(log, url + ' ' + result.format + '\\n'); return result }`
    const register = `import {register} from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)}, {data: {log: ${JSON.stringify(log)}}})`
    const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, ...argv], {cwd: dir, encoding: 'utf8', env: {PATH: process.env.PATH, NODE_DEBUG: 'liaison'}})
    expect(result.status, result.stderr).not.toBeNull()
    const cli = join(root, 'dist/src/cli')
    const loads = readFileSync(log, 'utf8').split('\n').filter((entry) => entry.startsWith('file:')).map((entry) => entry.split(' '))
    // The entry is CommonJS: Node starts it without its ES module loader (scripts/build-cli.mjs).
    for (const [url, format] of loads) if (url!.endsWith('/bin.js')) expect(format).toBe('commonjs')
    const modules = loads.map(([url]) => fileURLToPath(url!)).filter((path) => path.startsWith(cli)).map((path) => basename(path))
    const chunks = [...result.stderr.matchAll(/^LIAISON \d+: loaded (\S+),/gm)].map((match) => match[1]!)
    return [...modules, ...chunks]
  }

  /** The chunk of the rules and the engine (bin-lint-<hash>.cjs). */
  const isLint = (name: string) => /^bin-lint-[\w-]{8}\.cjs$/.test(name)

  it('a one-file lint loads four files (25 when each set of shared modules was a chunk, 7 before the code cache)', () => {
    const files = loadedBy(['draft.txt'])
    expect(files[0]).toBe('bin.js')
    expect(files).toContain('run.cjs')
    expect(files.filter(isLint)).toHaveLength(1)
    expect(files.length).toBeLessThanOrEqual(4)
  })

  /** How many Intl.Segmenters `liaison file` makes, counted by a preloaded subclass. */
  function segmentersFor(file: string, text: string): string {
    writeFileSync(join(dir, file), text)
    const count = `let made = 0; const {Segmenter} = Intl; Intl.Segmenter = class extends Segmenter { constructor(...args) { super(...args); made++ } }; process.on('exit', () => process.stderr.write('segmenters ' + made + '\\n'))`
    const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(count)}`, bin, file], {cwd: dir, encoding: 'utf8', env: {PATH: process.env.PATH}})
    return /segmenters \d+/.exec(result.stderr)?.[0] ?? result.stderr
  }

  it('a one-file lint of plain text makes no Intl.Segmenter (the first loads ICU break rules, ~8 ms); a combining mark needs one', () => {
    expect(segmentersFor('ascii.txt', 'We are investigating errors on checkout for some customers. Next update in 30 minutes.\n')).toBe('segmenters 0')
    expect(segmentersFor('combining.txt', 'We are investigating errors on the cafe\u0301 checkout for some customers. Next update in 30 minutes.\n')).toBe('segmenters 1')
  })

  it('--version, and the language server before it answers, load no rule', () => {
    for (const argv of [['--version'], ['lsp']]) {
      const files = loadedBy(argv)
      expect(files[0]).toBe('bin.js')
      expect(files.filter(isLint)).toEqual([])
    }
  })
})
