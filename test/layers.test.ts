/**
 * The tree shows the layers, and imports point down them: a newcomer can
 * trust that `src/text` knows nothing of phases and `src/core` nothing of
 * text. Read from the source with the TypeScript compiler API, so a new file
 * is checked without editing this test.
 */
import {dirname, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root} from './support/fixtures.ts'
import {importsOf} from './support/imports.ts'
import {sourceFiles} from './support/source-scan.ts'

/** Lowest first: a file may import its own layer and the layers before it. */
const layers = ['src/core', 'src/text', 'src/analysis', 'src/engine', 'rules', 'src/vocabulary', 'src/templates', 'src/incident', 'src', 'src/cli'] as const

function layerOf(file: string): number {
  const dir = dirname(relative(root, file))
  const found = layers.findIndex((layer) => dir === layer || (layer !== 'src' && dir.startsWith(`${layer}/`)))
  if (found === -1) throw new Error(`${relative(root, file)} is in no layer; add its folder to test/layers.test.ts`)
  return found
}

const files = sourceFiles(['src', 'rules'])
const graph = (typesToo: boolean) => new Map(files.map((file) => [file, importsOf(file, {typesToo, dynamic: true})]))

describe('layers', () => {
  it('imports point down the layers', () => {
    const upward: string[] = []
    for (const [file, targets] of graph(true)) {
      for (const target of targets) {
        if (layerOf(target) > layerOf(file)) upward.push(`${relative(root, file)} → ${relative(root, target)}`)
      }
    }
    expect(upward).toEqual([])
  })

  it('has no import cycle at run time', () => {
    const imports = graph(false)
    const cycles = new Set<string>()
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const visit = (file: string) => {
      state.set(file, 'open')
      stack.push(file)
      for (const target of new Set(imports.get(file))) {
        if (state.get(target) === 'open') cycles.add([...stack.slice(stack.indexOf(target)), target].map((path) => relative(root, path)).join(' → '))
        else if (!state.has(target)) visit(target)
      }
      stack.pop()
      state.set(file, 'done')
    }
    for (const file of files) if (!state.has(file)) visit(file)
    expect([...cycles]).toEqual([])
  })
})
