/**
 * The channel a file's name or folder says it is for: `outage.tweet.txt`,
 * `tweets/outage.txt`, `email/outage.md`, `statuspage/templates.yml`. The
 * file name wins over folders, and the nearest folder over those above it.
 * A template's own `channel` and `--channel` win over both (templates.ts,
 * docs/templates.md). A name may also say that the file holds headlines:
 * `subject-line.txt`, `outage.subject.txt`, `title.md`.
 */
import type {Channel} from '../analysis/length.ts'

const channelNames: ReadonlyArray<readonly [Channel, readonly string[]]> = [
  ['twitter', ['tweet', 'tweets', 'twitter']],
  ['sms', ['sms', 'text-messages', 'texts']],
  ['mastodon', ['mastodon', 'toot', 'toots']],
  ['bluesky', ['bluesky', 'bsky', 'skeets']],
  ['statuspage', ['statuspage', 'status-page', 'status-pages', 'statuspages', 'status_page']],
  ['email', ['email', 'emails', 'e-mail', 'mail', 'mails']],
]
const channelByName = new Map(channelNames.flatMap(([channel, names]) => names.map((name) => [name, channel] as const)))

/** `path` is relative to where the templates live (the config's folder), so folders above it say nothing. */
export function channelOf(path: string): Channel | undefined {
  const segments = path.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
  const name = segments.pop() ?? ''
  // "outage.tweet.txt": the word before the extension.
  const parts = name.toLowerCase().split('.')
  const byName = parts.length > 2 ? channelByName.get(parts.at(-2)!) : undefined
  if (byName) return byName
  for (const folder of segments.reverse()) {
    const channel = channelByName.get(folder.toLowerCase())
    if (channel) return channel
  }
  return undefined
}

/** Words of a file name that make it a headline: an e-mail's subject, a post's title. */
const headlineWords = new Set(['subject', 'subjects', 'title', 'titles', 'headline', 'headlines'])

/**
 * Whether the file's name says it holds headlines, not whole updates
 * (`subject-line.txt`, `email_subject.md`, `outage.subject.txt`, `titles.yml`):
 * each message in it is linted as `lint(text, {headline: true})` lints one.
 */
export function isHeadlineFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop()!.toLowerCase()
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  return stem.split(/[^a-z]+/).some((word) => headlineWords.has(word))
}
