/**
 * Which files a run lints: paths, directories, globs, and every source of
 * ignores (.gitignore, .liaisonignore, config `ignores`, node_modules, .git).
 */
import {symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {cli, onlyMaxLength, project} from './support.ts'

/** The files a run linted, relative to `dir`, with their messages' texts. */
async function linted(dir: string, argv: string[] = []) {
  const {code, stdout, stderr} = await cli(dir, ['-f', 'json', ...argv])
  expect(stderr).toBe('')
  const results = JSON.parse(stdout) as Array<{filePath: string; messages: Array<{message: string; ruleId: string | null}>}>
  return {
    code,
    files: results.map((result) => result.filePath.replace(`${dir}/`, '')),
    messages: results.flatMap((result) => result.messages.map((message) => message.message)),
  }
}

/** Every file is a message here: these tests are about walking, globs and ignores (messages.test.ts is about `files`). */
const config = {'.liaisonrc.json': {files: ['**'], rules: onlyMaxLength()}}

describe('finding files', () => {
  it('walks the current directory by default, linting .md, .markdown and .txt only', async () => {
    const dir = project({...config, 'a.md': 'A.', 'b.txt': 'B.', 'c.markdown': 'C.', 'd.rst': 'D.', 'sub/e.TXT': 'E.', 'sub/deeper/f.md': 'F.'})
    expect((await linted(dir)).files).toEqual(['a.md', 'b.txt', 'c.markdown', 'sub/deeper/f.md', 'sub/e.TXT'])
  })

  it('skips node_modules and .git, but not other dot folders', async () => {
    const dir = project({...config, 'node_modules/x/a.md': 'A.', '.git/b.md': 'B.', '.github/c.md': 'C.', 'sub/node_modules/d.md': 'D.'})
    expect((await linted(dir)).files).toEqual(['.github/c.md'])
  })

  it('takes files, directories and globs together, each file once', async () => {
    const dir = project({...config, 'drafts/a.md': 'A.', 'drafts/b.txt': 'B.', 'notes/c.md': 'C.', 'notes/d.md': 'D.'})
    expect((await linted(dir, ['drafts', 'drafts/a.md', 'notes/c*.md', 'notes/*.md'])).files).toEqual([
      'drafts/a.md',
      'drafts/b.txt',
      'notes/c.md',
      'notes/d.md',
    ])
  })

  it('accepts paths outside the working directory', async () => {
    const dir = project({...config, 'elsewhere/a.md': 'A.', 'here/.keep': ''})
    expect((await linted(join(dir, 'here'), ['../elsewhere'])).files).toEqual([`${dir}/elsewhere/a.md`])
  })

  it('follows file symlinks inside the folder, but not directory symlinks or file links out of it', async () => {
    const dir = project({...config, 'real/a.md': 'A.', 'drafts/b.md': 'B.'})
    symlinkSync(join(dir, 'real/a.md'), join(dir, 'drafts/link.md'))
    symlinkSync('b.md', join(dir, 'drafts/inside.md'))
    symlinkSync(join(dir, 'real'), join(dir, 'drafts/linked-dir'))
    symlinkSync(join(dir, 'missing.md'), join(dir, 'drafts/dangling.md'))
    expect((await linted(dir, ['drafts'])).files).toEqual(['drafts/b.md', 'drafts/inside.md'])
  })

  it.each([
    [['missing.md'], 'missing.md: no such file or directory'],
    [['notes.rst'], 'notes.rst: liaison lints .md, .markdown, .mdx, .txt, .yml, .yaml, .json files'],
    [['empty'], 'empty: no .md, .markdown, .mdx, .txt, .yml, .yaml, .json files found'],
    [['*.rst'], '*.rst: no .md, .markdown, .mdx, .txt, .yml, .yaml, .json files match'],
    [['old'], 'old: nothing to lint (1 file found): old/a.md is ignored because of a pattern in .gitignore'],
    [['old/*.md'], 'old/*.md: nothing to lint (1 file matches): old/a.md is ignored because of a pattern in .gitignore'],
    [['drafts'], 'drafts: nothing to lint: every folder in it is ignored'],
  ])('fails on %j', async (argv, message) => {
    const dir = project({...config, 'notes.rst': 'x', 'empty/notes.rst': 'x', 'old/a.md': 'A.', 'drafts/old/b.md': 'B.', '.gitignore': 'old/\n'})
    expect(await cli(dir, argv)).toEqual({code: 2, stdout: '', stderr: `liaison: ${message}\n`})
  })

  it('fails on a path it cannot read', async () => {
    const dir = project()
    symlinkSync('loop.md', join(dir, 'loop.md'))
    expect(await cli(dir, ['loop.md'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `liaison: cannot read loop.md: ELOOP: too many symbolic links encountered, stat '${dir}/loop.md'\n`,
    })
  })

  it('fails when the current directory has nothing to lint', async () => {
    expect(await cli(project(), [])).toEqual({code: 2, stdout: '', stderr: 'liaison: .: no .md, .markdown, .mdx, .txt, .yml, .yaml, .json files found\n'})
  })
})

describe('ignores', () => {
  it('reads .gitignore and .liaisonignore in every folder up to the repository root', async () => {
    const dir = project({
      // The config search stops at the repository root too, so the repository holds its own.
      'repo/.liaisonrc.json': config['.liaisonrc.json'],
      '.gitignore': 'build/\n',
      'repo/.git/HEAD': '',
      'repo/.gitignore': 'private.md\n*.tmp.md\ngenerated/\n',
      'repo/generated/g.md': 'G.',
      'repo/drafts/.liaisonignore': '\n',
      'repo/.liaisonignore': 'drafts/old/**\n',
      'repo/drafts/.gitignore': '!keep.tmp.md\n*.txt\n',
      'repo/drafts/a.md': 'A.',
      'repo/drafts/b.txt': 'B.',
      'repo/drafts/keep.tmp.md': 'K.',
      'repo/drafts/old/c.md': 'C.',
      'repo/private.md': 'P.',
      'repo/build/d.md': 'D.',
      'repo/x.tmp.md': 'X.',
    })
    // repo/ holds .git, so the .gitignore above it does not apply (build/ is linted); the deeper file's `!` wins.
    expect((await linted(join(dir, 'repo'))).files).toEqual(['build/d.md', 'drafts/a.md', 'drafts/keep.tmp.md'])
    expect((await linted(dir, ['repo/drafts'])).files).toEqual(['repo/drafts/a.md', 'repo/drafts/keep.tmp.md'])
  })

  it('fails on an ignore file it cannot read', async () => {
    const dir = project({...config, 'a.md': 'A.'})
    symlinkSync('.liaisonignore', join(dir, '.liaisonignore'))
    const {code, stdout, stderr} = await cli(dir, [])
    expect({code, stdout}).toEqual({code: 2, stdout: ''})
    expect(stderr).toMatch(new RegExp(`^liaison: cannot read ${dir}/\\.liaisonignore: ELOOP`))
  })

  it('applies the "ignores" of the config that applies to the file, relative to it', async () => {
    const dir = project({
      '.liaisonrc.json': {files: ['**'], rules: onlyMaxLength(), ignores: ['archive/', '*.draft.md']},
      'a.md': 'A.',
      'b.draft.md': 'B.',
      'archive/c.md': 'C.',
      'team/.liaisonrc.json': {files: ['**'], rules: onlyMaxLength(), ignores: ['old/**']},
      'team/d.draft.md': 'D.',
      'team/old/e.md': 'E.',
    })
    expect((await linted(dir)).files).toEqual(['a.md', 'team/d.draft.md'])
  })

  it('with -c, takes the config\'s "ignores" relative to the working directory', async () => {
    const dir = project({
      'ci/liaison.json': {files: ['**'], rules: onlyMaxLength(), ignores: ['drafts/old/**']},
      'drafts/a.md': 'A.',
      'drafts/old/b.md': 'B.',
      'other/c.md': 'C.',
    })
    expect((await linted(dir, ['-c', 'ci/liaison.json'])).files).toEqual(['drafts/a.md', 'other/c.md'])
    // From drafts/, "drafts/old/**" no longer matches, and ../other lies outside the base: only named, it is linted.
    expect((await linted(join(dir, 'drafts'), ['-c', '../ci/liaison.json', '.', '../other/c.md'])).files).toEqual([
      'a.md',
      'old/b.md',
      `${dir}/other/c.md`,
    ])
  })

  it('warns about a file named explicitly but ignored, saying why', async () => {
    const dir = project({
      '.liaisonrc.json': {rules: onlyMaxLength(), ignores: ['c.md']},
      '.liaisonignore': 'b.md\n',
      'a.md': 'A.',
      'b.md': 'B.',
      'c.md': 'C.',
      'node_modules/d.md': 'D.',
    })
    const result = await linted(dir, ['a.md', 'b.md', 'c.md', 'node_modules/d.md'])
    expect(result.code).toBe(0)
    expect(result.files).toEqual(['a.md', 'b.md', 'c.md', 'node_modules/d.md'])
    expect(result.messages).toEqual([
      'File ignored because of a pattern in .liaisonignore',
      'File ignored because of "ignores" in .liaisonrc.json',
      'File ignored because it is inside node_modules',
    ])
    const counted = await cli(dir, ['b.md', '--max-warnings', '0'])
    expect(counted.code).toBe(1)
    expect(counted.stdout).toContain('0:0  warning  File ignored because of a pattern in .liaisonignore')
  })
})
