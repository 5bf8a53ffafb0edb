/**
 * The playground page: a draft, its problems underlined in place, a length
 * counter for the chosen channel, the phase, and a copy for approval.
 *
 * The underlines live in a backdrop that mirrors the textarea's text (same
 * font, padding and wrapping) behind a transparent textarea. The textarea
 * stays a plain textarea, so caret, selection, undo, spellcheck and IME work
 * as they always do; the backdrop also sizes the editor to its text.
 *
 * Over 400 lines on purpose: every section below reads and writes the same
 * page state (the draft, its problems, the hover and the active item), so
 * splitting it would pass that state around instead of removing code. What
 * needs no page state lives beside it (clipboard, counter, dom, problems,
 * theme, engine).
 */
import type {IncidentPhase, Phase} from '../../src/analysis/phase.ts'
import {defaultTemplates} from '../../src/templates/defaults.ts'
import {copyText} from './clipboard.ts'
import {count, type Target, targets} from './counter.ts'
import {location} from 'vfile-location'
import {byId, h} from './dom.ts'
import {plural, type Problem, problemsAt, segment, shift, summarize} from './problems.ts'
import {setUpThemeToggle} from './theme.ts'

const engine = import('./engine.ts')
/** Long enough to skip work between keystrokes, short enough to feel live. */
const debounceMs = 150
/** Grace period for moving the pointer from an underline onto its tooltip. */
const hideDelayMs = 250

const draft = byId('draft', HTMLTextAreaElement)
const backdrop = byId('backdrop', HTMLDivElement)
const editorWrap = byId('editor-wrap', HTMLDivElement)
const tip = byId('tip', HTMLDivElement)
const channelSelect = byId('channel', HTMLSelectElement)
const phaseSelect = byId('phase', HTMLSelectElement)
const detectedOutput = byId('detected', HTMLOutputElement)
const counter = byId('counter', HTMLDivElement)
const countText = byId('count-text', HTMLSpanElement)
const limitStatus = byId('limit-status', HTMLSpanElement)
const ringFill = counter.querySelector<SVGCircleElement>('.fill')!
const ringText = counter.querySelector<SVGTextElement>('text')!
const problemsSection = byId('problems-section', HTMLElement)
const problemCount = byId('problem-count', HTMLParagraphElement)
const list = byId('problems', HTMLUListElement)
const copyButton = byId('copy', HTMLButtonElement)
const copyStatus = byId('copy-status', HTMLSpanElement)
const copyFallback = byId('copy-fallback', HTMLTextAreaElement)
const configInput = byId('config', HTMLTextAreaElement)
const configStatus = byId('config-status', HTMLParagraphElement)

/** Template order is phase order (investigating → resolved), and the record's type guarantees every phase. */
// The menu offers the incident phases, those with default templates.
const phaseNames = Object.keys(defaultTemplates) as IncidentPhase[]

let problems: Problem[] = []
/** The text the backdrop and `problems` currently describe. */
let shown = ''
/** Bumped on every render, so the tooltip knows when its problems may have changed. */
let renders = 0
let tipRender = -1
let lintRun = 0
let lintTimer: ReturnType<typeof setTimeout> | undefined
let engineReady = false
let lastCount: ReturnType<typeof count> | undefined
/** The template last put in the draft, to swap variants when the channel changes. */
let template: string | undefined
let activeItem = 0
let hoverProblems: number[] = []
let hoverRect: DOMRect | undefined
let hideTimer: ReturnType<typeof setTimeout> | undefined
let focusInEditor = false
/**
 * The caret's tooltip waits while the person types (it would cover the next
 * line on every keystroke) and after Escape; moving the caret by arrow keys,
 * pointer or the problem list brings it back.
 */
let caretQuiet = false

const target = (): Target => channelSelect.value as Target
const chosenPhase = (): Phase | undefined => (phaseSelect.value === '' ? undefined : (phaseSelect.value as Phase))

// ---- controls ------------------------------------------------------------

for (const {value, label} of targets) channelSelect.append(h('option', {value}, label))
for (const phase of phaseNames) phaseSelect.append(h('option', {value: phase}, capitalize(phase)))

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function templateFor(phase: IncidentPhase): string {
  const variant = targets.find((entry) => entry.value === target())!.template
  return defaultTemplates[phase][variant]
}

phaseSelect.addEventListener('change', () => {
  const phase = chosenPhase()
  if (phase) {
    template = templateFor(phase as IncidentPhase)
    replace(0, draft.value.length, template)
    // The insertion needed the textarea's focus; give it back to the select.
    phaseSelect.focus()
  }
  void lintNow()
})

channelSelect.addEventListener('change', () => {
  const phase = chosenPhase()
  // Swap the template for the channel's variant only while it is untouched.
  if (phase && template !== undefined && draft.value === template) {
    template = templateFor(phase as IncidentPhase)
    replace(0, draft.value.length, template)
    channelSelect.focus()
  }
  updateCounter()
  void lintNow()
})

/**
 * Edit through the browser's own editing command, so Ctrl+Z undoes a
 * template or a suggestion like any typing. Where the command is missing,
 * fall back to setRangeText (no undo step) and announce the input ourselves.
 */
function replace(start: number, end: number, text: string): void {
  draft.focus()
  draft.setSelectionRange(start, end)
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only edit the browser's undo stack records
  const done = text === '' ? document.execCommand('delete') : document.execCommand('insertText', false, text)
  if (!done || draft.value.slice(start, start + text.length) !== text) {
    draft.setRangeText(text, start, end, 'end')
    draft.dispatchEvent(new Event('input', {bubbles: true}))
  }
}

// ---- linting -------------------------------------------------------------

draft.addEventListener('input', () => {
  caretQuiet = true
  problems = shift(problems, shown, draft.value)
  render()
  updateCounter()
  scheduleLint()
})

configInput.addEventListener('input', () => scheduleLint())

function scheduleLint(): void {
  clearTimeout(lintTimer)
  problemsSection.setAttribute('aria-busy', 'true')
  lintTimer = setTimeout(() => void lint(), debounceMs)
}

/** Read fresh after an await: typing meanwhile may have scheduled another lint. */
function lintScheduled(): boolean {
  return lintTimer !== undefined
}

function lintNow(): Promise<void> {
  clearTimeout(lintTimer)
  return lint()
}

async function lint(): Promise<void> {
  lintTimer = undefined
  const run = ++lintRun
  const text = draft.value
  problemsSection.setAttribute('aria-busy', 'true')
  try {
    const {check} = await engine
    const result = await check(text, target(), chosenPhase(), configInput.value)
    if (run !== lintRun) return
    engineReady = true
    // Typing may have gone on while the lint ran: carry its ranges over to the text as it is now.
    problems = shift(result.problems, text, draft.value)
    const settled = !lintScheduled() && text === draft.value
    if (settled) problemsSection.setAttribute('aria-busy', 'false')
    render()
    showDetected(result.detected)
    configStatus.textContent = result.configProblem ?? (configInput.value.trim() === '' ? '' : 'Applied to the draft.')
    if (settled) problemCount.textContent = summarize(problems)
  } catch (error) {
    if (run !== lintRun) return
    problems = []
    problemsSection.setAttribute('aria-busy', 'false')
    render()
    problemCount.textContent = `The checks failed: ${error instanceof Error ? error.message : String(error)}`
  }
}

function showDetected(detected: Phase | undefined): void {
  const chosen = chosenPhase()
  const name = detected ? capitalize(detected) : 'none (no phase wording yet)'
  const differs = chosen && detected && chosen !== detected ? ` (you chose ${capitalize(chosen)})` : ''
  detectedOutput.textContent = `Detected phase: ${name}${differs}`
  detectedOutput.dataset.phase = detected ?? ''
}

// ---- counter -------------------------------------------------------------

const ringLength = 2 * Math.PI * 15

function updateCounter(): void {
  const result = count(draft.value, target())
  counter.dataset.state = result.state
  countText.textContent = result.detail
  ringFill.style.strokeDasharray = `${result.fill * ringLength} ${ringLength}`
  ringText.textContent = result.inRing
  counter.classList.toggle('no-limit', result.limit === undefined)
  // Announce crossing the limit, not every keystroke.
  if (result.state === 'over' && lastCount?.state !== 'over') limitStatus.textContent = `Over the limit: ${result.detail}`
  else if (result.state !== 'over' && lastCount?.state === 'over') limitStatus.textContent = 'Back within the limit'
  lastCount = result
}

// ---- backdrop ------------------------------------------------------------

function render(): void {
  renders++
  shown = draft.value
  renderBackdrop()
  renderList()
  updateTip()
}

function renderBackdrop(): void {
  const text = shown
  const nodes: Array<Node | string> = []
  for (const run of segment(text.length, problems)) {
    const slice = text.slice(run.start, run.end)
    if (run.problems.length === 0) {
      nodes.push(slice)
      continue
    }
    const covering = run.problems.map((index) => problems[index]!)
    const isError = covering.some((problem) => problem.severity === 'error')
    const isOverflow = covering.some((problem) => problem.ruleId === 'max-length')
    nodes.push(
      h(
        'mark',
        {
          class: `${isError ? 'error' : 'warning'}${isOverflow ? ' overflow' : ''}`,
          'data-problems': run.problems.join(' '),
          'data-rules': [...new Set(covering.map((problem) => problem.ruleId))].join(' '),
          'data-start': run.start,
          'data-end': run.end,
        },
        slice,
      ),
    )
  }
  // A trailing newline needs a character after it, or the mirror is a line short.
  nodes.push(text.endsWith('\n') || text === '' ? '\u200b' : '')
  backdrop.replaceChildren(...nodes)
}

function marksOf(index: number): HTMLElement[] {
  return [...backdrop.querySelectorAll<HTMLElement>('mark')].filter((mark) => mark.dataset.problems!.split(' ').includes(String(index)))
}

function indicesOf(mark: HTMLElement): number[] {
  return mark.dataset.problems!.split(' ').map(Number)
}

// ---- tooltip -------------------------------------------------------------

draft.addEventListener('pointermove', (event) => {
  // The marks sit under the textarea; ask the browser what is stacked at the pointer.
  const mark = document
    .elementsFromPoint(event.clientX, event.clientY)
    .find((element): element is HTMLElement => element instanceof HTMLElement && element.matches('#backdrop mark'))
  if (!mark) {
    scheduleHide()
    return
  }
  clearTimeout(hideTimer)
  hoverProblems = indicesOf(mark)
  hoverRect = [...mark.getClientRects()].find((rect) => event.clientY >= rect.top && event.clientY <= rect.bottom) ?? mark.getBoundingClientRect()
  updateTip()
})
draft.addEventListener('pointerleave', scheduleHide)
tip.addEventListener('pointerenter', () => clearTimeout(hideTimer))
tip.addEventListener('pointerleave', scheduleHide)
// Keep the textarea focused when a tooltip button is clicked (Safari does not focus buttons on click).
tip.addEventListener('mousedown', (event) => event.preventDefault())

function scheduleHide(): void {
  if (hoverProblems.length === 0) return
  clearTimeout(hideTimer)
  hideTimer = setTimeout(() => {
    hoverProblems = []
    updateTip()
  }, hideDelayMs)
}

for (const type of ['keyup', 'click', 'select']) draft.addEventListener(type, () => updateTip())
document.addEventListener('selectionchange', () => {
  if (document.activeElement === draft) updateTip()
})
const caretKeys = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'])
draft.addEventListener('keydown', (event) => {
  if (caretKeys.has(event.key)) caretQuiet = false
})
draft.addEventListener('pointerdown', () => {
  caretQuiet = false
})
editorWrap.addEventListener('focusin', () => {
  if (!focusInEditor) caretQuiet = false
  focusInEditor = true
  updateTip()
})
editorWrap.addEventListener('focusout', (event) => {
  if (event.relatedTarget instanceof Node && editorWrap.contains(event.relatedTarget)) return
  focusInEditor = false
  updateTip()
})
editorWrap.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || tip.hidden) return
  hoverProblems = []
  caretQuiet = true
  draft.focus()
  updateTip()
})

/** Show what the pointer is on; failing that, what the caret is in; failing that, nothing. */
function updateTip(): void {
  const caret = draft.selectionStart
  let indices = hoverProblems.filter((index) => index < problems.length)
  let rect = hoverRect
  let byCaret = false
  if (indices.length === 0 && focusInEditor && !caretQuiet) {
    indices = problemsAt(problems, caret)
    const mark = [...backdrop.querySelectorAll<HTMLElement>('mark')].find(
      (candidate) => Number(candidate.dataset.start) <= caret && caret <= Number(candidate.dataset.end),
    )
    rect = mark?.getClientRects()[0]
    byCaret = indices.length > 0
  }
  if (indices.length === 0 || !rect) {
    tip.hidden = true
    draft.setAttribute('aria-describedby', 'draft-help')
    return
  }
  const key = indices.join(' ')
  if (tip.hidden || tip.dataset.problems !== key || tipRender !== renders) {
    tip.replaceChildren(...indices.map((index) => tipItem(problems[index]!)))
    tip.dataset.problems = key
    tipRender = renders
  }
  tip.hidden = false
  draft.setAttribute('aria-describedby', byCaret ? 'draft-help tip' : 'draft-help')
  place(rect)
}

function tipItem(problem: Problem): HTMLElement {
  return h(
    'div',
    {class: `tip-item ${problem.severity}`},
    h('p', {class: 'tip-head'}, badge(problem), ' ', ruleLink(problem)),
    h('p', {class: 'tip-reason'}, problem.reason),
    ...suggestion(problem, 0),
  )
}

function badge(problem: Problem): HTMLElement {
  return h('span', {class: `badge ${problem.severity}`}, problem.severity === 'error' ? 'Error' : 'Warning')
}

function ruleLink(problem: Problem, tabIndex?: number): HTMLElement {
  if (!problem.url) return h('span', {class: 'rule'}, problem.ruleId)
  return h('a', {class: 'rule', href: problem.url, target: '_blank', rel: 'noopener', tabindex: tabIndex}, problem.ruleId, h('span', {class: 'sr-only'}, ' (rule docs)'))
}

function suggestion(problem: Problem, tabIndex: number): HTMLElement[] {
  const replacement = problem.expected[0]
  if (replacement === undefined) return []
  const button = h(
    'button',
    {type: 'button', class: 'apply', tabindex: tabIndex === 0 ? undefined : tabIndex},
    h('span', {class: 'sr-only'}, 'Replace with '),
    replacement === '' ? '(delete it)' : `“${replacement}”`,
  )
  button.addEventListener('click', () => apply(problem))
  return [h('p', {class: 'tip-fix'}, 'Suggested: ', button)]
}

function place(rect: DOMRect): void {
  const box = editorWrap.getBoundingClientRect()
  const width = tip.offsetWidth
  const left = Math.max(0, Math.min(rect.left - box.left, box.width - width))
  tip.style.left = `${left}px`
  tip.style.top = `${rect.bottom - box.top + 6}px`
}

function apply(problem: Problem): void {
  const replacement = problem.expected[0]!
  // Applying a stale range would overwrite the wrong words; lint again and let the person retry.
  if (problem.actual !== undefined && draft.value.slice(problem.start, problem.end) !== problem.actual) {
    void lintNow()
    return
  }
  hoverProblems = []
  replace(problem.start, problem.end, replacement)
}

// ---- problem list --------------------------------------------------------

function renderList(): void {
  activeItem = Math.min(activeItem, Math.max(problems.length - 1, 0))
  const place = location(shown)
  const items = problems.map((problem, index) => {
    const {line, column} = place.toPoint(problem.start) ?? {line: 1, column: 1}
    const current = index === activeItem
    const goTo = h(
      'button',
      {type: 'button', class: 'goto', tabindex: current ? 0 : -1, 'data-index': index},
      badge(problem),
      h('span', {class: 'reason'}, problem.reason),
      h('span', {class: 'where'}, `Line ${line}, column ${column} · ${problem.ruleId}`),
    )
    goTo.addEventListener('click', () => goToProblem(index))
    goTo.addEventListener('focus', () => setActive(index, false))
    const item = h(
      'li',
      {class: `problem ${problem.severity}`, 'data-rule': problem.ruleId},
      goTo,
      h('div', {class: 'actions'}, ...(problem.url ? [ruleLink(problem, current ? 0 : -1)] : []), ...suggestion(problem, current ? 0 : -1)),
      ...(problem.note
        ? [h('details', {class: 'why'}, h('summary', {tabindex: current ? 0 : -1}, 'Why it matters'), h('p', {}, problem.note))]
        : []),
    )
    item.addEventListener('pointerenter', () => highlight(index, true))
    item.addEventListener('pointerleave', () => highlight(index, false))
    return item
  })
  if (items.length === 0 && engineReady) {
    items.push(h('li', {class: 'empty'}, 'Nothing to fix. Check the facts, then copy it for approval.'))
  }
  list.replaceChildren(...items)
}

function setActive(index: number, focus: boolean): void {
  activeItem = index
  list.querySelectorAll('li').forEach((item, position) => {
    for (const control of item.querySelectorAll<HTMLElement>('button, a, summary')) control.tabIndex = position === index ? 0 : -1
  })
  for (const mark of backdrop.querySelectorAll('mark.current')) mark.classList.remove('current')
  for (const mark of marksOf(index)) mark.classList.add('current')
  if (focus) list.querySelectorAll<HTMLElement>('.goto')[index]?.focus()
}

function highlight(index: number, on: boolean): void {
  for (const mark of marksOf(index)) mark.classList.toggle('current', on)
}

list.addEventListener('keydown', (event) => {
  if (!(event.target instanceof HTMLElement) || !event.target.classList.contains('goto')) return
  const last = problems.length - 1
  const moves: Record<string, number> = {ArrowDown: Math.min(activeItem + 1, last), ArrowUp: Math.max(activeItem - 1, 0), Home: 0, End: last}
  const next = moves[event.key]
  if (next === undefined) return
  event.preventDefault()
  setActive(next, true)
})
list.addEventListener('focusout', (event) => {
  if (!(event.relatedTarget instanceof Node && list.contains(event.relatedTarget))) {
    for (const mark of backdrop.querySelectorAll('mark.current')) mark.classList.remove('current')
  }
})

function goToProblem(index: number): void {
  const problem = problems[index]
  if (!problem) return
  draft.focus()
  draft.setSelectionRange(problem.start, problem.end)
  caretQuiet = false
  updateTip()
  marksOf(index)[0]?.scrollIntoView({block: 'nearest'})
}

// ---- copy for approval ---------------------------------------------------

async function copyForApproval(): Promise<void> {
  // The summary must describe this exact text, not the last debounced lint.
  if (problemsSection.getAttribute('aria-busy') === 'true') await lintNow()
  const message = draft.value.trim()
  if (message === '') {
    copyStatus.textContent = 'Nothing to copy: the draft is empty.'
    return
  }
  const {ratio} = count(draft.value, target())
  const summary = `Draft (${ratio}, ${plural(problems.length, 'problem')}): "${message}"`
  const how = await copyText(summary)
  copyFallback.hidden = how !== 'manual'
  if (how === 'manual') {
    copyFallback.value = summary
    copyFallback.focus()
    copyFallback.select()
    copyStatus.textContent = 'The browser blocked copying: press Ctrl+C (⌘C) to copy the selected text.'
  } else {
    copyStatus.textContent = `Copied for approval (${plural(problems.length, 'problem')}).`
  }
}

copyButton.addEventListener('click', () => void copyForApproval())

// ---- start ---------------------------------------------------------------

setUpThemeToggle(byId('theme', HTMLButtonElement))
updateCounter()
render()
void lintNow()
