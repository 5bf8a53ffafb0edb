/**
 * Reading drafts in-process (src/cli/read.ts and its use in run()): sizes,
 * the UTF-8 check against the platform's own decoder, binary detection.
 * The spawned contract is test/cli/bad-input.test.ts.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {CliError, UsageError} from '../../src/cli/errors.ts'
import {decodeDraft, defaultMaxFileSize, formatSize, invalidUtf8, maxFileSizeLimit, parseSize, readDraft, readStdinDraft} from '../../src/cli/read.ts'
import {cli, failingStream, jsonResults, onlyMaxLength, project, words} from './support.ts'

describe('parseSize', () => {
  it.each([
    ['5242880', 5_242_880],
    ['500kB', 500_000],
    ['500 KB', 500_000],
    ['64KiB', 65_536],
    ['10MiB', 10_485_760],
    ['1.5MB', 1_500_000],
    ['0.5 mib', 524_288],
    ['1GB', 1e9 > maxFileSizeLimit ? -1 : 1e9],
    ['12b', 12],
    [' 7 ', 7],
  ])('%s is %d bytes', (value, bytes) => {
    if (bytes === -1) expect(() => parseSize('--max-file-size', value)).toThrow('is over the 256 MiB liaison can lint')
    else expect(parseSize('--max-file-size', value)).toBe(bytes)
  })

  it.each(['', '0', '0.1', '-1', 'ten', '10 parsecs', '1e6', '10MiBs', '1TB', '5 MiB '.repeat(2)])('refuses %j', (value) => {
    expect(() => parseSize('--max-file-size', value)).toThrow(UsageError)
  })

  it('defaults to 5 MiB and stops at 256 MiB', () => {
    expect(defaultMaxFileSize).toBe(5 * 1024 * 1024)
    expect(parseSize('--max-file-size', '256MiB')).toBe(maxFileSizeLimit)
    expect(() => parseSize('--max-file-size', '268435457')).toThrow('--max-file-size 268435457 is over the 256 MiB liaison can lint')
  })
})

describe('formatSize', () => {
  it.each([
    [1, '1 byte'],
    [1000, '1000 bytes'],
    [1536, '1.5 KiB'],
    [5 * 1024 * 1024, '5 MiB'],
    [6_500_000, '6.2 MiB'],
  ])('%d is %s', (bytes, text) => expect(formatSize(bytes)).toBe(text))
})

describe('invalidUtf8', () => {
  it('agrees with the platform decoder on every byte string', () => {
    const decoder = new TextDecoder('utf-8', {fatal: true})
    const valid = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes)
        return true
      } catch {
        return false
      }
    }
    // Bytes near the UTF-8 boundaries, where overlong forms, surrogates and code points past U+10FFFF sit.
    const byte = fc.oneof(fc.integer({min: 0, max: 255}), fc.constantFrom(0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0x90, 0x9f, 0xa0, 0x8f))
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 12}), fc.array(byte, {maxLength: 12}), fc.string({unit: 'binary'}), (random, near, text) => {
        for (const bytes of [random, Uint8Array.from(near), new TextEncoder().encode(text)]) {
          const at = invalidUtf8(bytes)
          expect(at === -1).toBe(valid(bytes))
          // Everything before the reported byte is well formed.
          if (at !== -1) expect(valid(bytes.subarray(0, at))).toBe(true)
        }
      }),
      {seed: 0x7f8, numRuns: 3000},
    )
  })
})

describe('decodeDraft', () => {
  it('drops a byte-order mark and finds the first NUL byte', () => {
    expect(decodeDraft(Buffer.from('\ufeffHello'), 'x')).toEqual({text: 'Hello', bom: true})
    expect(decodeDraft(Buffer.from('ab\0c\0'), 'x')).toEqual({binary: 2})
    expect(decodeDraft(new Uint8Array(0), 'x')).toEqual({text: ''})
  })

  it('names the file, the byte and its offset on invalid UTF-8', () => {
    expect(() => decodeDraft(Buffer.from([0x61, 0xc3]), 'draft.txt')).toThrow(new CliError('draft.txt: not valid UTF-8 (byte 0xC3 at offset 1); save the draft as UTF-8'))
  })
})

describe('readDraft and readStdinDraft', () => {
  it('reads a file under the limit and refuses one over it before reading', async () => {
    const dir = project({'a.txt': 'Checkout is failing.'})
    expect(await readDraft(join(dir, 'a.txt'), 'a.txt', 100)).toEqual({text: 'Checkout is failing.'})
    await expect(readDraft(join(dir, 'a.txt'), 'a.txt', 10)).rejects.toThrow('a.txt is 20 bytes, over the 10 bytes --max-file-size limit')
    writeFileSync(join(dir, 'b.txt'), 'b'.repeat(3000))
    await expect(readDraft(join(dir, 'b.txt'), 'b.txt', 2048)).rejects.toThrow('b.txt is 2.9 KiB (3000 bytes), over the 2 KiB --max-file-size limit')
  })

  it('turns a read failure into a CliError naming the file', async () => {
    const dir = project()
    mkdirSync(join(dir, 'folder.txt'))
    await expect(readDraft(join(dir, 'folder.txt'), 'folder.txt', 1e6)).rejects.toThrow(/^cannot read folder\.txt: EISDIR/)
    await expect(readDraft(join(dir, 'gone.txt'), 'gone.txt', 100)).rejects.toThrow(/^cannot read gone\.txt: ENOENT/)
  })

  it('reads standard input in chunks, strings or bytes, and stops past the limit', async () => {
    expect(await readStdinDraft(Readable.from(['caf', Buffer.from([0xc3]), Buffer.from([0xa9])]), 100)).toEqual({text: 'café'})
    await expect(readStdinDraft(Readable.from(['abc', 'def']), 5)).rejects.toThrow('standard input is over the 5 bytes --max-file-size limit')
    const failing = failingStream('a', 'EIO: i/o error, read')
    await expect(readStdinDraft(failing, 100)).rejects.toThrow(new CliError('cannot read standard input: EIO: i/o error, read'))
  })
})

describe('run() with bad input', () => {
  const config = {'.liaisonrc.json': {rules: onlyMaxLength()}}

  it('skips a binary file with a warning on stderr and lints the rest', async () => {
    const dir = project({...config, 'b.txt': words(300)})
    writeFileSync(join(dir, 'a.txt'), Buffer.from([0x41, 0]))
    const {code, stdout, stderr} = await cli(dir, ['a.txt', 'b.txt', '-f', 'json'])
    expect({code, stderr}).toEqual({code: 1, stderr: 'liaison: warning: a.txt: skipped, it is binary (NUL byte at offset 1), not a UTF-8 text draft\n'})
    expect(jsonResults(stdout)).toHaveLength(1)
  })

  it('skips binary standard input with a warning', async () => {
    expect(await cli(project(config), ['--stdin'], {stdin: 'a\0b'})).toEqual({
      code: 0,
      stdout: '',
      stderr: 'liaison: warning: standard input: skipped, it is binary (NUL byte at offset 1), not a UTF-8 text draft\n',
    })
  })

  it('stops with exit 2 on invalid UTF-8, an oversized file and a bad --max-file-size', async () => {
    const dir = project({...config, 'ok.txt': 'Checkout is failing.'})
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x61, 0xff]))
    expect(await cli(dir, ['bad.txt'])).toEqual({code: 2, stdout: '', stderr: 'liaison: bad.txt: not valid UTF-8 (byte 0xFF at offset 1); save the draft as UTF-8\n'})
    expect((await cli(dir, ['ok.txt', '--max-file-size', '10'])).stderr).toBe(
      'liaison: ok.txt is 20 bytes, over the 10 bytes --max-file-size limit; raise the limit if the draft is meant to be that long\n',
    )
    expect((await cli(dir, ['ok.txt', '--max-file-size', 'x'])).code).toBe(2)
    expect(await cli(dir, ['ok.txt', '--max-file-size', '1kB'])).toEqual({code: 0, stdout: '', stderr: ''})
  })

  it('lints an empty file and empty standard input as an empty message', async () => {
    const dir = project({...config, 'empty.md': ''})
    expect(await cli(dir, ['empty.md', '-f', 'json'])).toMatchObject({code: 0, stderr: ''})
    expect(await cli(dir, ['--stdin'], {stdin: ''})).toEqual({code: 0, stdout: '', stderr: ''})
  })
})
