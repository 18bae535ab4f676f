/**
 * Article text is untrusted. Everything read from a file passes through here before it can reach
 * a terminal, a component or a JSON string.
 */

// C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides that can reorder
// what a reader sees (Trojan Source).
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

// Every escape sequence: CSI, OSC (BEL or ST terminated), DCS/SOS/PM/APC strings, two-byte escapes.
// An unterminated string ends at the line's end, so a stray ESC ] cannot swallow the article.
// eslint-disable-next-line no-control-regex
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B\n]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B\n]*(?:\u001B\\)?|[@-Z\\-_]|)/g;

// eslint-disable-next-line no-control-regex
const sgrSequence = /^\u001B\[[\d;]*m$/;

// The same sequences introduced by 8-bit C1 controls: CSI, OSC and the string controls.
// eslint-disable-next-line no-control-regex
const c1Sequence = /\u009B[0-?]*[ -/]*[@-~]|[\u009D\u0090\u0098\u009E\u009F][^\u0007\u009C\u001B\n]*(?:\u0007|\u009C|\u001B\\)?/g;

/**
 * Remove every escape sequence whole (so no `]0;title` is left behind), then every control
 * character (keeping tab and newline) and bidi override, from article text. Carriage returns are
 * removed too: callers normalise CRLF before this.
 */
export function sanitizeText(text: string): string {
	// eslint-disable-next-line no-control-regex
	if (!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(text)) {
		return text;
	}

	return text.replace(escapeSequence, '').replace(c1Sequence, '').replace(unsafeCharacters, '');
}

/**
 * A single-line form of article text for titles, status lines and lists: controls removed,
 * tabs and newlines turned into spaces.
 */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Keep only SGR styling (colours, bold, ...) and OSC 8 hyperlinks to safe addresses in rendered
 * output, and drop every other escape sequence and control character. This is the last gate
 * before the terminal.
 */
export function keepOnlyStyling(rendered: string): string {
	// eslint-disable-next-line no-control-regex
	if (!/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(rendered)) {
		return rendered;
	}

	let kept = '';
	let from = 0;
	for (const match of rendered.matchAll(escapeSequence)) {
		kept += rendered.slice(from, match.index).replace(unsafeCharacters, '');
		if (sgrSequence.test(match[0]) || hyperlinkSequence.test(match[0])) {
			kept += match[0];
		}

		from = match.index + match[0].length;
	}

	return kept + rendered.slice(from).replace(unsafeCharacters, '');
}

// An OSC 8 hyperlink (opening with a URL, or closing), BEL-terminated, nothing unsafe in the URL.
// eslint-disable-next-line no-control-regex
const hyperlinkSequence = /^\u001B\]8;[^;\u0000-\u001F]*;[^\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*\u0007$/;

/**
 * Remove every escape sequence and control character (keeping tab and newline).
 */
export function stripStyling(rendered: string): string {
	return sanitizeText(rendered.replace(escapeSequence, ''));
}

/** Longest name (an article argument, a path) echoed whole in a message. */
export const maxMessageName = 200;

/** A name for a one-line message: sanitised, and cut with `…` past `maxMessageName` characters. */
export function messageName(text: string): string {
	const line = sanitizeLine(text.length > maxMessageName * 4 ? text.slice(0, maxMessageName * 4) : text);
	return line.length > maxMessageName ? `${line.slice(0, maxMessageName - 1)}…` : line;
}
