/**
 * Light and dark: the system preference by default (CSS media query), and a
 * toggle that pins one, remembered across visits. index.html applies a saved
 * choice before first paint.
 */
const storageKey = 'liaison-theme'

export function setUpThemeToggle(button: HTMLButtonElement): void {
  const root = document.documentElement
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : media.matches)
  const sync = () => button.setAttribute('aria-pressed', String(isDark()))
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark'
    root.dataset.theme = next
    try {
      localStorage.setItem(storageKey, next)
    } catch {
      // Storage can be off (private windows); the toggle still works for this visit.
    }
    sync()
  })
  media.addEventListener('change', sync)
  sync()
}
