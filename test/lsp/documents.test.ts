/**
 * The language server on documents of every kind and on bad input, in this
 * process (see client.ts): the same config discovery, ignores, `files` and
 * template settings as the command line; problems with a file as error
 * diagnostics; hovers and the Markdown disable comment.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {project, write} from '../cli/support.ts'
import {type Client, startClient, uriOf} from './client.ts'

const guess = 'We think the outage was caused by a bad deploy. Customers may see errors when paying. Next update in 30 minutes.\n'
const repository = {'.git/HEAD': 'ref: refs/heads/main\n'}

async function session(files: Record<string, string | object>, run: (client: Client, dir: string) => Promise<void>, watch = true): Promise<void> {
  const dir = project({...repository, ...files})
  const client = await startClient({cwd: dir, watch})
  try {
    await run(client, dir)
  } finally {
    expect(await client.stop()).toBe(0)
  }
}

const codes = (diagnostics: Array<{code?: string | number}>) => diagnostics.map((diagnostic) => diagnostic.code)

describe('documents', () => {
  it('lints only messages, as `liaison` with no paths would, and says why in the log', async () => {
    await session({'.liaisonignore': 'drafts/old/\n'}, async (client, dir) => {
      expect(codes(await client.open(join(dir, 'drafts/a.md'), guess))).toEqual(['no-speculation'])
      expect(await client.open(join(dir, 'README.md'), guess)).toEqual([])
      expect(client.logs.join('\n')).toContain('README.md: not linted, because it is not where messages are kept by default')
      expect(await client.open(join(dir, 'drafts/old/b.md'), guess)).toEqual([])
      expect(client.logs.join('\n')).toContain('drafts/old/b.md: not linted, because of a pattern in .liaisonignore')
      // Config files are never messages, whatever their extension.
      expect(await client.open(join(dir, 'drafts/package.json'), '{}', 'json')).toEqual([])
    })
  })

  it('lints an unsaved draft by its language, and forgets a closed one', async () => {
    await session({}, async (client, dir) => {
      const untitled = 'untitled:Untitled-1'
      expect(codes(await client.open(untitled, guess, 'markdown'))).toEqual(['no-speculation'])
      expect(await client.close(untitled)).toEqual([])
      expect(await client.open(join(dir, 'drafts/notes'), guess, 'rust')).toEqual([])
    })
  })

  it('lints YAML templates with their own settings', async () => {
    const templates = [
      '- title: Checkout errors',
      '  channel: sms',
      `  body: ${'Checkout is failing for some customers and we are investigating the cause right now. '.repeat(2)}Next update in 30 minutes.`,
      '',
    ].join('\n')
    await session({}, async (client, dir) => {
      const found = await client.open(join(dir, 'templates/outage.yml'), templates, 'yaml')
      expect(found.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([['max-length', 2]])
      expect(found[0]!.message).toMatch(/for sms/)
      expect(await client.hover(join(dir, 'templates/outage.yml'), 2, 200)).toMatch(/^\*\*max-length\*\*: .*for sms/)
    })
  })

  it('hovers a template message with its worst-case length per channel', async () => {
    const templates = ['- title: "{{component}} is down"', '  body: "{{component}} is failing. Next update in 30 minutes."', '  placeholders: {component: 40}', ''].join('\n')
    await session({}, async (client, dir) => {
      const path = join(dir, 'templates/outage.yml')
      expect(await client.open(path, templates, 'yaml')).toEqual([])
      const hover = await client.hover(path, 1, 12)
      expect(hover).toMatch(/^\*\*body\*\*: worst-case length, every placeholder at its widest\n/)
      // 40 for the component and 39 characters of text, on every channel; status pages and e-mail have no limit.
      expect(hover).toContain('| twitter | 79 | 280 |\n| sms | 79 | 160 |')
      expect(hover).toContain('| statuspage | 79 | none |')
      expect(await client.hover(path, 0, 14)).toMatch(/^\*\*title\*\*: .*\n[\s\S]*\| twitter \| 48 \| 280 \|/)
      expect(await client.hover(path, 2, 5)).toBeUndefined()
    })
  })

  it('follows the config that applies: files blocks, per-folder rules, a save of the config', async () => {
    const config = [{files: ['copy/**']}, {files: ['copy/tweets/**'], rules: {'no-speculation': 'off'}}]
    await session({'liaison.config.json': config}, async (client, dir) => {
      expect(codes(await client.open(join(dir, 'copy/a.md'), guess))).toEqual(['no-speculation'])
      expect(await client.open(join(dir, 'copy/tweets/a.md'), guess)).toEqual([])
      expect(await client.open(join(dir, 'drafts/a.md'), guess)).toEqual([])
      // A client that watches nothing still saves: saving a config edited in the editor re-lints.
      const changed = JSON.stringify([{files: ['copy/**'], rules: {'no-speculation': 'error'}}])
      expect(await client.open(join(dir, 'liaison.config.json'), changed, 'json')).toEqual([])
      write(dir, {'liaison.config.json': changed})
      const relinted = client.next(join(dir, 'copy/a.md'))
      client.saved(join(dir, 'liaison.config.json'))
      expect((await relinted).map((diagnostic) => diagnostic.severity)).toEqual([1])
    }, false)
  })

  it('lints the newest text: quick changes end with the last version\'s diagnostics, never an older one\'s after it', async () => {
    await session({}, async (client, dir) => {
      const path = join(dir, 'drafts/a.md')
      const opened = client.open(path, guess)
      const end = {line: 1, character: 0}
      // Three keystrokes in a row, none awaited: the last one's lint is the one that counts.
      void client.change(path, [{range: {start: end, end}, text: 'We'}])
      void client.change(path, [{range: {start: {line: 1, character: 2}, end: {line: 1, character: 2}}, text: ' suspect'}])
      const last = await client.change(path, [{range: {start: {line: 1, character: 10}, end: {line: 1, character: 10}}, text: ' the cache.'}])
      void opened
      expect(last.map((diagnostic) => diagnostic.range.start.line)).toEqual([0, 1])
      const versions = client.published.filter((entry) => entry.uri === uriOf(path)).map((entry) => entry.version)
      // Never an older version's diagnostics after a newer one's: a stale result is dropped, not shown over fresh ones.
      expect(versions).toEqual([...versions].sort((a, b) => a! - b!))
      expect(versions.at(-1)).toBe(4)
    })
  })

  it('registers no watcher with a client that cannot watch', async () => {
    await session({}, async (client, dir) => {
      await client.open(join(dir, 'drafts/a.md'), guess)
      expect(client.registrations).toEqual([])
    }, false)
  })
})

describe('hover and code actions', () => {
  it('hovers a problem with its note and doc link, and nothing elsewhere', async () => {
    await session({}, async (client, dir) => {
      const path = join(dir, 'drafts/a.md')
      await client.open(path, guess)
      const hover = await client.hover(path, 0, 3)
      expect(hover).toMatch(/^\*\*no-speculation\*\*: "We think" is a guess/)
      expect(hover).toMatch(/\[no-speculation documentation\]\(.*rules\/no-speculation\.md\)$/)
      expect(await client.hover(path, 0, 60)).toBeUndefined()
    })
  })

  it('disables a rule for the paragraph with the comment Markdown reads', async () => {
    const text = '---\ntitle: Checkout errors\n---\n\nWe suspect the cache.\n\nCustomers may see errors.\nWe think the outage was caused by a bad deploy.\n\n  We think it is the network.\n'
    await session({}, async (client, dir) => {
      const path = join(dir, 'drafts/a.md')
      const found = await client.open(path, text)
      expect(found.map((diagnostic) => diagnostic.range.start.line)).toEqual([4, 7, 9])
      const actions = await client.codeActions(path, found[1]!.range)
      const disable = actions.find((action) => action.title === 'Disable no-speculation for this paragraph')!
      expect((await client.apply(path, disable)).map((diagnostic) => diagnostic.range.start.line)).toEqual([4, 10])
      expect(client.text(path)).toContain('\n\n<!-- liaison-ignore-next no-speculation -->\nCustomers may see errors.\n')
      const indented = await client.codeActions(path, {start: {line: 10, character: 2}, end: {line: 10, character: 2}})
      expect((await client.apply(path, indented.at(-1)!)).map((diagnostic) => diagnostic.range.start.line)).toEqual([4])
      expect(client.text(path)).toMatch(/\n\n {2}<!-- liaison-ignore-next no-speculation -->\n {2}We think it is the network\.\n$/)
      // In front matter, a comment would be YAML: no such action there.
      const [title] = await client.change(path, [{range: {start: {line: 1, character: 7}, end: {line: 1, character: 7}}, text: 'We think '}])
      expect(title!.range.start.line).toBe(1)
      expect((await client.codeActions(path, title!.range)).map((action) => action.title)).toEqual(['Replace "We think" with "We are investigating whether"'])
    })
  })

  it('offers no disable comment where Markdown has none, and nothing for a stale version', async () => {
    await session({}, async (client, dir) => {
      const path = join(dir, 'drafts/a.txt')
      const [problem] = await client.open(path, guess, 'plaintext')
      expect((await client.codeActions(path, problem!.range)).map((action) => action.title)).toEqual([
        'Replace "We think" with "We are investigating whether"',
      ])
      const everything = {start: {line: 0, character: 0}, end: {line: 9, character: 0}}
      expect(await client.codeActions(join(dir, 'drafts/unopened.md'), everything)).toEqual([])
      expect(await client.hover(join(dir, 'drafts/unopened.md'), 0, 0)).toBeUndefined()
    })
  })
})

describe('bad input', () => {
  it('reports a document over 5 MiB as an error, and keeps serving', async () => {
    await session({}, async (client, dir) => {
      const path = join(dir, 'drafts/huge.txt')
      const [problem, ...rest] = await client.open(path, 'x'.repeat(5 * 1024 * 1024 + 1), 'plaintext')
      expect(rest).toEqual([])
      expect(problem).toMatchObject({severity: 1, range: {start: {line: 0, character: 0}}})
      expect(problem!.message).toBe(
        'liaison could not lint this file: drafts/huge.txt is 5 MiB (5242881 bytes), over the 5 MiB --max-file-size limit; raise the limit if the draft is meant to be that long',
      )
      expect(codes(await client.open(join(dir, 'drafts/a.md'), guess))).toEqual(['no-speculation'])
    })
  })

  it('survives positions outside the document and inside a surrogate pair', async () => {
    await session({}, async (client, dir) => {
      const path = join(dir, 'drafts/a.md')
      await client.open(path, `🚀 ${guess}`)
      const far = {line: 4_000_000_000, character: -7}
      // The middle of 🚀 (two UTF-16 code units), then a range past every line, then one that ends before it starts.
      await client.change(path, [{range: {start: {line: 0, character: 1}, end: {line: 0, character: 1}}, text: 'x'}])
      await client.change(path, [{range: {start: far, end: far}, text: ' Probably the cache.'}])
      const found = await client.change(path, [{range: {start: {line: 0, character: 9}, end: {line: 0, character: 2}}, text: ''}])
      expect(found.every((diagnostic) => diagnostic.source === 'liaison')).toBe(true)
      expect(await client.hover(path, -1, 1e9)).toBeUndefined()
      expect(await client.codeActions(path, {start: far, end: {line: -3, character: 0}})).toEqual([])
    })
  })

  it('reports a broken config on every document it would apply to, at its line', async () => {
    await session({'.liaisonrc.yaml': 'rules:\n  no-speculation: eror\n'}, async (client, dir) => {
      const [problem] = await client.open(join(dir, 'drafts/a.md'), guess)
      expect(problem).toMatchObject({severity: 1, source: 'liaison'})
      expect(problem!.message).toMatch(/^liaison could not lint this file: \.liaisonrc\.yaml:2:3: Rule "no-speculation": invalid severity "eror"/)
      expect(client.logs.join('\n')).toContain('.liaisonrc.yaml:2:3')
      // Fixed on disk: the watched-file event re-lints.
      write(dir, {'.liaisonrc.yaml': 'rules:\n  no-speculation: error\n'})
      const relinted = client.next(join(dir, 'drafts/a.md'))
      client.watched([{uri: uriOf(join(dir, '.liaisonrc.yaml')), type: 2}])
      expect((await relinted).map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['no-speculation', 1]])
    })
  })

  it('reports a broken template at its place', async () => {
    await session({}, async (client, dir) => {
      const [problem] = await client.open(join(dir, 'templates/broken.yml'), '- title: a\n  body: [unclosed\n', 'yaml')
      expect(problem).toMatchObject({severity: 1, range: {start: {line: 2}}})
      expect(problem!.message).toMatch(/^liaison could not lint this file: templates\/broken\.yml:3:1: /)
    })
  })
})
