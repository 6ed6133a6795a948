/**
 * What happens when the page tries to go somewhere: a link click or location change
 * (will-navigate), a server redirect (will-redirect), or window.open / target=_blank
 * (setWindowOpenHandler). The window only ever shows our own app; an allow-listed https link
 * is handed to the user's browser; everything else is refused.
 */
import { isAppUrl } from './app-origin.js';
import { isAllowedExternalUrl } from './external-links.js';

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/** For will-navigate / will-redirect in a window that shows the app. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  if (isAllowedExternalUrl(url)) return 'open-external';
  return 'deny';
}

/** For window.open: never a new app window (the app has one window); allowed links go to the browser. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isAllowedExternalUrl(url) ? 'open-external' : 'deny';
}
