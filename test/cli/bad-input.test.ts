/**
 * The bad-input contract of the real executable, spawned: for each kind of
 * bad input, a defined exit code, exactly one `liaison: …` line on stderr
 * (none for the inputs that are fine: empty files and empty stdin), nothing
 * on stdout, and not one byte changed in the project folder (hashed before
 * and after, symlinks and modes included). The table in the
 * "Bad input" section of docs/cli.md is this file.
 */
import {createHash} from 'node:crypto'
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, codeCacheEnv, jsonResults, onlyMaxLength, project, spawnBin, words, write} from './support.ts'

/** Every entry under `dir`: path, type, mode, and content or link target. */
function fingerprint(dir: string): string {
  const hash = createHash('sha256')
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name)
      const stats = lstatSync(path)
      hash.update(`${path}\0${stats.mode}\0`)
      if (stats.isSymbolicLink()) hash.update(readlinkSync(path))
      else if (stats.isDirectory()) walk(path)
      else if (stats.mode & 0o444) hash.update(readFileSync(path))
    }
  }
  walk(dir)
  return hash.digest('hex')
}

interface Case {
  /** Files to create; a Buffer is written as bytes. */
  files?: Record<string, string | object | Buffer>
  /** Run in this folder to build what `files` cannot (symlinks, modes). */
  setup?: (dir: string) => void
  argv: string[]
  stdin?: string | Buffer
  code: 0 | 1 | 2
  /** The one stderr line, without "liaison: " and the newline; a RegExp when part of it is the OS's wording; '' for none. */
  stderr: string | RegExp
}

/** Rules off except max-length, so these tests do not depend on the wording rules. */
const quiet = {'.liaisonrc.json': {rules: onlyMaxLength()}}
/** Every rule off: only reading is under test. */
const silent = {'.liaisonrc.json': {rules: onlyMaxLength('off')}}
const kinds = /\.md, \.markdown, \.mdx, \.txt[^:]*/
const fiveMiB = 5 * 1024 * 1024

function spawn(dir: string, argv: string[], stdin: string | Buffer = '') {
  const result = spawnSync(process.execPath, [bin, ...argv], {cwd: dir, input: stdin, env: {PATH: process.env.PATH, ...codeCacheEnv()}, maxBuffer: 64 * 1024 * 1024})
  return {code: result.status ?? -1, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8')}
}

function check(c: Case) {
  const dir = project()
  for (const [name, content] of Object.entries(c.files ?? {})) {
    if (Buffer.isBuffer(content)) {
      mkdirSync(join(dir, name, '..'), {recursive: true})
      writeFileSync(join(dir, name), content)
    } else write(dir, {[name]: content})
  }
  c.setup?.(dir)
  const before = fingerprint(dir)
  const {code, stdout, stderr} = spawn(dir, c.argv, c.stdin)
  expect({code, stdout}).toEqual({code: c.code, stdout: ''})
  if (c.stderr === '') expect(stderr).toBe('')
  else {
    expect(stderr.endsWith('\n') && stderr.indexOf('\n') === stderr.length - 1, `one line: ${JSON.stringify(stderr)}`).toBe(true)
    expect(stderr.startsWith('liaison: ')).toBe(true)
    const line = stderr.slice('liaison: '.length, -1)
    if (typeof c.stderr === 'string') expect(line).toBe(c.stderr)
    else expect(line).toMatch(c.stderr)
  }
  expect(fingerprint(dir), 'a file in the project changed').toBe(before)
}

const cases: Record<string, Case> = {
  'a missing file': {argv: ['nope.txt'], code: 2, stderr: 'nope.txt: no such file or directory'},
  'a glob that matches nothing': {files: quiet, argv: ['drafts/*.md'], code: 2, stderr: new RegExp(`^drafts/\\*\\.md: no ${kinds.source} files match$`)},
  'a folder with nothing to lint': {
    files: {...quiet, 'notes/readme.rst': 'x', 'notes/logo.png': 'x'},
    argv: ['notes'],
    code: 2,
    stderr: new RegExp(`^notes: no ${kinds.source} files found$`),
  },
  'an empty file (linted; nothing to report)': {files: {...quiet, 'empty.txt': ''}, argv: ['empty.txt'], code: 0, stderr: ''},
  'a blank Markdown file (linted; nothing to report)': {files: {...quiet, 'blank.md': '\n  \n\t\n'}, argv: ['blank.md'], code: 0, stderr: ''},
  'empty standard input (linted; nothing to report)': {files: quiet, argv: ['--stdin'], stdin: '', code: 0, stderr: ''},
  'a binary file (skipped with a warning)': {
    files: {...quiet, 'logo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d])},
    argv: ['logo.txt'],
    code: 0,
    stderr: 'warning: logo.txt: skipped, it is binary (NUL byte at offset 4), not a UTF-8 text draft',
  },
  'binary standard input (skipped with a warning)': {
    files: quiet,
    argv: ['--stdin'],
    stdin: Buffer.from('We are\0investigating.'),
    code: 0,
    stderr: 'warning: standard input: skipped, it is binary (NUL byte at offset 6), not a UTF-8 text draft',
  },
  'a file that is not UTF-8': {
    files: {...quiet, 'latin1.txt': Buffer.from('Payments in Caf\xe9 mode are failing.', 'latin1')},
    argv: ['latin1.txt'],
    code: 2,
    stderr: 'latin1.txt: not valid UTF-8 (byte 0xE9 at offset 15); save the draft as UTF-8',
  },
  'standard input that is not UTF-8': {
    files: quiet,
    argv: ['--stdin'],
    stdin: Buffer.from([0x4f, 0x4b, 0xed, 0xa0, 0x80]),
    code: 2,
    stderr: 'standard input: not valid UTF-8 (byte 0xED at offset 2); save the draft as UTF-8',
  },
  'a file over the default 5 MiB cap': {
    files: {...silent, 'big.txt': Buffer.alloc(fiveMiB + 1, 'a')},
    argv: ['big.txt'],
    code: 2,
    stderr: 'big.txt is 5 MiB (5242881 bytes), over the 5 MiB --max-file-size limit; raise the limit if the draft is meant to be that long',
  },
  'a file over a --max-file-size cap': {
    files: {...silent, 'a.txt': 'Checkout is failing.', 'b.txt': 'a'.repeat(2000)},
    argv: ['a.txt', 'b.txt', '--max-file-size', '1kB'],
    code: 2,
    stderr: 'b.txt is 2 KiB (2000 bytes), over the 1000 bytes --max-file-size limit; raise the limit if the draft is meant to be that long',
  },
  'standard input over the cap': {
    files: silent,
    argv: ['--stdin', '--max-file-size', '1KiB'],
    stdin: 'a'.repeat(1025),
    code: 2,
    stderr: 'standard input is over the 1 KiB --max-file-size limit; raise the limit if the draft is meant to be that long',
  },
  'a bad --max-file-size': {
    argv: ['--max-file-size', '10 parsecs', 'x.txt'],
    code: 2,
    stderr: '--max-file-size expects a size in bytes or with a unit (B, kB, KiB, MB, MiB, GB, GiB), e.g. 500kB or 10MiB; got "10 parsecs"',
  },
  'a --max-file-size past what liaison can lint': {argv: ['--max-file-size', '1GiB', 'x.txt'], code: 2, stderr: '--max-file-size 1GiB is over the 256 MiB liaison can lint'},
  'a malformed config': {
    files: {'draft.txt': 'x', '.liaisonrc.json': '{"rules": {"max-length": "error",}}'},
    argv: ['draft.txt'],
    code: 2,
    stderr: /^\.liaisonrc\.json:1:\d+: \S.*$/,
  },
  'an unknown rule': {
    files: {'draft.txt': 'x', '.liaisonrc.yaml': 'rules:\n  no-speculaton: warn\n'},
    argv: ['draft.txt'],
    code: 2,
    stderr: '.liaisonrc.yaml:2:3: Unknown rule "no-speculaton" (did you mean "no-speculation"?)',
  },
  'a bad severity': {
    files: {'draft.txt': 'x', '.liaisonrc.yaml': 'rules:\n  max-length: eror\n'},
    argv: ['draft.txt'],
    code: 2,
    stderr: '.liaisonrc.yaml:2:3: Rule "max-length": invalid severity "eror" (expected "off", "warn", "error", 0, 1 or 2)',
  },
  'a bad option value': {
    files: {'draft.txt': 'x', '.liaisonrc.yaml': 'rules:\n  max-length: [error, {limit: 0}]\n'},
    argv: ['draft.txt'],
    code: 2,
    stderr: '.liaisonrc.yaml:2:3: Rule "max-length": option "limit" must be an integer >= 1, got 0',
  },
  'a user regex with the v flag': {
    files: {'draft.txt': 'x', '.liaisonrc.yaml': "rules:\n  no-internal-hostname: [error, {deny: ['/^[\\q{aa|a}]+$/v']}]\n"},
    argv: ['draft.txt'],
    code: 2,
    stderr: /^\.liaisonrc\.yaml:2:3: Rule "no-internal-hostname": option "deny" pattern "\/\^\[\\\\q\{aa\|a\}\]\+\$\/v" has flag "v", which cannot be matched in guaranteed linear time /,
  },
  'a user regex with a backreference': {
    files: {'draft.txt': 'x', '.liaisonrc.yaml': "rules:\n  no-internal-hostname: [error, {allow: ['/^(a+)\\1$/']}]\n"},
    argv: ['draft.txt'],
    code: 2,
    stderr: /^\.liaisonrc\.yaml:2:3: Rule "no-internal-hostname": option "allow" pattern "\/\^\(a\+\)\\\\1\$\/" cannot be matched in guaranteed linear time \(it uses a backreference\); /,
  },
  'a JSON config nested 5,000 deep': {
    files: {'draft.txt': 'x', '.liaisonrc.json': `{"rules": {"max-length": ["error", ${'{"a": '.repeat(5000)}1${'}'.repeat(5000)}]}}`},
    argv: ['draft.txt'],
    code: 2,
    stderr: '.liaisonrc.json:1:12: options.rules["max-length"][1] nests deeper than 32 levels',
  },
  'a YAML alias bomb in the config': {
    files: {
      'draft.txt': 'x',
      '.liaisonrc.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x]\n${[...'bcdefghi'].map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`).join('\n')}\nrules: {max-length: [error, {limit: 5}]}\n`,
    },
    argv: ['draft.txt'],
    code: 2,
    stderr: /^\.liaisonrc\.yaml: YAML aliases expand too far \(.+\); write the values out instead of repeating aliases$/,
  },
  'a number too large for a double (limit: 1e400)': {
    files: {'draft.txt': 'x', '.liaisonrc.yaml': 'rules:\n  max-length: [error, {limit: 1e400}]\n'},
    argv: ['draft.txt'],
    code: 2,
    stderr: '.liaisonrc.yaml:2:3: options.rules["max-length"][1].limit is Infinity; use a finite number',
  },
  'a Markdown draft nested 5,000 deep': {
    files: {...quiet, 'deep.md': `${'>'.repeat(5000)} Checkout is failing.\n`},
    argv: ['deep.md'],
    code: 2,
    stderr: 'deep.md: line 1: quotes or lists nest more than 32 levels deep; flatten the nesting',
  },
  'a YAML alias bomb in a template collection': {
    files: {...quiet, 'bomb.yaml': `- body: &big "${'Checkout is failing. '.repeat(5000)}"\n${'- body: *big\n'.repeat(1500)}`},
    argv: ['bomb.yaml'],
    code: 2,
    stderr: /^bomb\.yaml:1:14: YAML aliases repeat this text until the messages come to more than 1048576 characters, more than the file itself; /,
  },
  'a lookaround regex in --rule': {
    argv: ['--rule', "no-internal-hostname: [error, {deny: ['/db(?=-)/']}]", 'x.txt'],
    code: 2,
    stderr: /^--rule ".*": Rule "no-internal-hostname": option "deny" pattern "\/db\(\?=-\)\/" cannot be matched in guaranteed linear time \(it uses lookaround\)/,
  },
  'an unknown flag': {argv: ['--max-file-szie', '1MiB'], code: 2, stderr: 'unknown option --max-file-szie (did you mean --max-file-size?); see liaison --help'},
  '-o into a missing folder': {
    files: {...quiet, 'draft.txt': 'Checkout is failing.'},
    argv: ['draft.txt', '-o', 'reports/out.json'],
    code: 2,
    stderr: '--output-file reports/out.json: folder reports does not exist',
  },
  'a symlink loop named on the command line': {
    files: quiet,
    setup: (dir) => {
      symlinkSync('b.txt', join(dir, 'a.txt'))
      symlinkSync('a.txt', join(dir, 'b.txt'))
    },
    argv: ['a.txt'],
    code: 2,
    stderr: /^cannot read a\.txt: ELOOP: /,
  },
  'a folder holding only a symlink loop': {
    files: quiet,
    setup: (dir) => {
      mkdirSync(join(dir, 'drafts'))
      symlinkSync('b.txt', join(dir, 'drafts/a.txt'))
      symlinkSync('a.txt', join(dir, 'drafts/b.txt'))
    },
    argv: ['drafts'],
    code: 2,
    stderr: new RegExp(`^drafts: no ${kinds.source} files found$`),
  },
  'a folder and a glob through a directory cycle (linted once each, no hang)': {
    files: {...quiet, 'drafts/ok.txt': 'Checkout is failing.'},
    setup: (dir) => symlinkSync('..', join(dir, 'drafts/up')),
    argv: ['drafts', 'drafts/**/*.txt'],
    code: 0,
    stderr: '',
  },
}

describe('bad input to the executable', {timeout: 60_000}, () => {
  it.each(Object.entries(cases))('%s', (_, c) => check(c))

  it('lets a file through under a raised --max-file-size', () => {
    const dir = project({...silent, 'b.txt': 'a'.repeat(2000)})
    expect(spawnBin(dir, ['b.txt', '--max-file-size', '3kB'])).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('keeps linting the other files after a binary one', () => {
    const dir = project({...quiet, 'b.txt': words(300)})
    writeFileSync(join(dir, 'a.txt'), Buffer.from([0]))
    const {code, stdout, stderr} = spawnBin(dir, ['a.txt', 'b.txt', '-f', 'json'])
    expect(code).toBe(1)
    expect(stderr).toBe('liaison: warning: a.txt: skipped, it is binary (NUL byte at offset 0), not a UTF-8 text draft\n')
    expect(jsonResults(stdout).map((result) => result.filePath)).toEqual([join(dir, 'b.txt')])
  })

  const nobody = 65_534
  const runAsNobody = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv')
  // Root reads any file, so the test needs another user: setpriv drops to nobody when we run as root.
  it.skipIf(process.getuid?.() === 0 && !runAsNobody)('an unreadable file: exit 2, naming it (skipped as root without setpriv: root reads everything)', () => {
    const dir = project({'secret.txt': 'Checkout is failing.'})
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'secret.txt'), 0o000)
    const before = fingerprint(dir)
    const command = runAsNobody ? '/usr/bin/setpriv' : process.execPath
    const prefix = runAsNobody ? [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath] : []
    const result = spawnSync(command, [...prefix, bin, '--no-config', 'secret.txt'], {cwd: dir, encoding: 'utf8', env: {PATH: process.env.PATH}})
    expect({code: result.status, stdout: result.stdout}).toEqual({code: 2, stdout: ''})
    expect(result.stderr).toMatch(/^liaison: cannot read secret\.txt: EACCES: permission denied, open '[^\n]*secret\.txt'\n$/)
    expect(fingerprint(dir)).toBe(before)
  })

  it('documents --max-file-size in --help', () => {
    expect(spawnBin(project(), ['--help']).stdout).toContain('  --max-file-size <size> ')
  })
})
