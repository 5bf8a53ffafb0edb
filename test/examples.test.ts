/**
 * Every example in the README and docs/ shows what the code does. A fenced
 * block marked `example` is run:
 *
 * - `js example`: the code runs against the source (imports of `liaison`,
 *   `liaison/markdown` and `retext` only), and what it logs must equal the
 *   next block, marked `output`.
 * - `console example`: each `$ liaison …` line runs the command in a fresh
 *   folder holding the doc's `file=<path>` blocks; the lines after it are its
 *   output (standard output, then standard error).
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {format} from 'node:util'
import type {Code} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {cli, project} from './cli/support.ts'
import {root} from './support/fixtures.ts'

interface Block {
  lang: string
  meta: string[]
  value: string
  line: number
}

function blocks(path: string): Block[] {
  const tree = unified().use(remarkParse).parse(readFileSync(path, 'utf8'))
  return tree.children
    .filter((node): node is Code => node.type === 'code')
    .map((node) => ({lang: node.lang ?? '', meta: (node.meta ?? '').split(/\s+/).filter(Boolean), value: node.value, line: node.position!.start.line}))
}

const docs = [join(root, 'README.md'), ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(root, 'docs', name))]

const modules: Record<string, () => Promise<unknown>> = {
  liaison: () => import('../src/index.ts'),
  'liaison/markdown': () => import('../src/markdown.ts'),
  retext: () => import('retext'),
}

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>

/** Run a JS example with its imports resolved here, and return what it logged. */
async function runJs(code: string): Promise<string> {
  const loaded: Record<string, unknown> = {}
  const body = await replaceImports(code, loaded)
  const logged: string[] = []
  const console = {log: (...values: unknown[]) => logged.push(format(...values))}
  await new AsyncFunction('modules', 'console', body)(loaded, console)
  return logged.join('\n')
}

async function replaceImports(code: string, loaded: Record<string, unknown>): Promise<string> {
  const lines = []
  for (const line of code.split('\n')) {
    const match = /^import\s+\{([^}]*)\}\s+from\s+'([^']+)'$/.exec(line.trim())
    if (!match) {
      lines.push(line)
      continue
    }
    const [, names, specifier] = match
    const load = modules[specifier!]
    if (!load) throw new Error(`an example imports "${specifier}"; examples may import ${Object.keys(modules).join(', ')}`)
    loaded[specifier!] = await load()
    const bindings = names!.split(',').map((name) => name.trim().replace(/\s+as\s+/, ': ')).filter(Boolean)
    lines.push(`const {${bindings.join(', ')}} = modules[${JSON.stringify(specifier)}]`)
  }
  return lines.join('\n')
}

/** `liaison -c 'a b' x` → ['-c', 'a b', 'x']: single and double quotes, no expansion. */
function words(command: string): string[] {
  const out: string[] = []
  for (const match of command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(match[1] ?? match[2] ?? match[3]!)
  return out
}

interface Example {
  doc: string
  line: number
  run: () => Promise<void>
}

function examples(path: string): Example[] {
  const doc = relative(root, path)
  const all = blocks(path)
  const files: Record<string, string> = {}
  for (const block of all) {
    const name = block.meta.find((item) => item.startsWith('file='))
    if (name) files[name.slice('file='.length)] = `${block.value}\n`
  }
  const out: Example[] = []
  for (const [index, block] of all.entries()) {
    if (!block.meta.includes('example')) continue
    if (block.lang === 'js') {
      const output = all[index + 1]
      if (!output?.meta.includes('output')) throw new Error(`${doc}:${block.line}: a js example needs an "output" block after it`)
      out.push({doc, line: block.line, run: async () => expect(await runJs(block.value)).toBe(output.value)})
    } else if (block.lang === 'console') {
      out.push({
        doc,
        line: block.line,
        run: async () => {
          const cwd = project(files)
          if (!block.value.startsWith('$ ')) throw new Error(`${doc}:${block.line}: a console example starts with "$ liaison …"`)
          for (const step of block.value.split(/^(?=\$ )/m)) {
            const [command, ...output] = step.split('\n')
            const [program, ...argv] = words(command!.slice(2))
            if (program !== 'liaison') throw new Error(`${doc}:${block.line}: examples run "liaison", not "${program}"`)
            const {stdout, stderr} = await cli(cwd, argv)
            expect(`${stdout}${stderr}`.trimEnd(), `$ ${command!.slice(2)}`).toBe(output.join('\n').trimEnd())
          }
        },
      })
    } else throw new Error(`${doc}:${block.line}: examples are "js" or "console", not "${block.lang}"`)
  }
  return out
}

const all = docs.flatMap(examples)

describe('examples in the docs', () => {
  it.each(all.map((example) => [`${example.doc}:${example.line}`, example] as const))('%s', async (_, example) => {
    await example.run()
  })

  it('finds the examples (a broken scan would pass vacuously)', () => {
    expect(all.filter((example) => example.doc === 'README.md').length).toBeGreaterThan(0)
    expect(all.length).toBeGreaterThan(5)
  })
})
