import {decodeEntities} from './outline.js';

// Characters that must never reach the terminal inside an OSC 8 URL: controls and bidi overrides.
// eslint-disable-next-line no-control-regex
const unsafeInUrl = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * A link's destination with its entities decoded, as CommonMark reads it (`&amp;` is `&`), or
 * undefined when an entity stood for a control character: such a URL is only ever shown as text.
 */
export function linkDestination(href: string): string | undefined {
	const decoded = decodeEntities(href);
	return decoded.includes('\uFFFD') && !href.includes('\uFFFD') ? undefined : decoded;
}

/** Only absolute web and mail addresses become hyperlinks, and never one carrying a control. */
export function hyperlinkable(url: string): boolean {
	return /^(?:https?:\/\/|mailto:)\S+$/i.test(url) && !unsafeInUrl.test(url) && url.length <= 2048;
}

/** An OSC 8 hyperlink around `text`: `ESC ] 8 ; ; URL BEL text ESC ] 8 ; ; BEL`. */
export function hyperlink(url: string, text: string): string {
	return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}
