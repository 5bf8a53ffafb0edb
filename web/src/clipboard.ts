/**
 * Copying with fallbacks: the async Clipboard API needs a secure context
 * (https or localhost) and may be refused; `execCommand('copy')` still works
 * on plain http in most browsers; failing both, the page shows the text
 * selected for the person to copy by hand.
 */
export type CopyResult = 'clipboard' | 'command' | 'manual'

export async function copyText(text: string): Promise<CopyResult> {
  try {
    // The DOM types say it is always there; outside a secure context browsers leave it out.
    if (window.isSecureContext && 'clipboard' in navigator) {
      await navigator.clipboard.writeText(text)
      return 'clipboard'
    }
  } catch {
    // Refused (permissions, or the document lost focus): try the older way.
  }
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.setAttribute('aria-hidden', 'true')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  let copied = false
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the fallback where the Clipboard API is missing or refused
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  area.remove()
  previous?.focus()
  return copied ? 'command' : 'manual'
}
