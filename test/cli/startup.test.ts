/**
 * What a command loads before it does its work, read from the import graph
 * (no clock: start-up is timed by `npm run bench` and `npm run bench:lsp`).
 * The language server answers `initialize` before the linting machinery is
 * loaded (its worker loads it); --version and --help load no rule.
 */
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from '../support/fixtures.ts'
import {loadedWith} from '../support/imports.ts'

/** The files of `dirs` that loading `file` loads at once. */
function loadedFrom(file: string, dirs: readonly string[]): string[] {
  return [...loadedWith(join(root, file))].map((path) => relative(root, path)).filter((path) => dirs.some((dir) => path.startsWith(dir)))
}

const machinery = ['rules/', 'src/engine/', 'src/text/', 'src/analysis/', 'src/cli/config/', 'src/cli/templates.ts', 'src/cli/project.ts']

describe('start-up', () => {
  it('the language server loads no linting machinery before it answers initialize', () => {
    expect(loadedFrom('src/cli/lsp/command.ts', machinery)).toEqual([])
  })

  it('the command loads no linting machinery before it reads its arguments', () => {
    expect(loadedFrom('src/cli/bin.ts', machinery)).toEqual([])
    expect(loadedFrom('src/cli/run.ts', machinery)).toEqual([])
  })
})
