/** The rule's lexicon (no-internal-detail.json) as sets, checked for duplicates once. */
import data from '../no-internal-detail.json' with {type: 'json'}

function set(words: readonly string[], list: string): ReadonlySet<string> {
  const out = new Set<string>()
  for (const word of words) {
    /* v8 ignore next -- @preserve guards edits to the data file, which has no duplicates */
    if (out.has(word)) throw new Error(`no-internal-detail.json: "${word}" is listed twice in ${list}`)
    out.add(word)
  }
  return out
}

export const vocabulary = {
  standardPrefixes: set(data.standardPrefixes.words, 'standardPrefixes'),
  codePrefixes: set(data.codePrefixes.words, 'codePrefixes'),
  customerCues: set(data.customerCues.words, 'customerCues'),
  customerSees: data.customerSees.phrases,
  ticketPrefixes: set(data.ticketPrefixes.words, 'ticketPrefixes'),
  channelHosts: [...set(data.channelHosts.words, 'channelHosts')],
  trackerHosts: [...set(data.trackerHosts.words, 'trackerHosts')],
  exceptionSuffixes: [...set(data.exceptionSuffixes.words, 'exceptionSuffixes')],
  errorConstants: set(data.errorConstants.words, 'errorConstants'),
  alertWords: set(data.alertWords.words, 'alertWords'),
  alertNouns: set(data.alertNouns.words, 'alertNouns'),
  metricParts: set(data.metricParts.words, 'metricParts'),
  tableCues: set(data.tableCues.words, 'tableCues'),
  fileExtensions: set(data.fileExtensions.words, 'fileExtensions'),
  filesystemRoots: set(data.filesystemRoots.words, 'filesystemRoots'),
  codeCues: set(data.codeCues.words, 'codeCues'),
  idCues: set(data.idCues.words, 'idCues'),
  logLevels: set(data.logLevels.words, 'logLevels'),
  monitoringStates: set(data.monitoringStates.words, 'monitoringStates'),
  imageTags: set(data.imageTags.words, 'imageTags'),
}
