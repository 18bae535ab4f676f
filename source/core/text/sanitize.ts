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
		return removeInvisible(text);
	}

	return removeInvisible(text.replace(escapeSequence, '').replace(c1Sequence, '').replace(unsafeCharacters, ''));
}

// Format characters a reader cannot see that change what text means or how it is laid out:
// zero-width space and word joiners, the bidi marks (LRM, RLM, ALM), a byte order mark inside the
// text, and tag characters (U+E0000–E007F, which can hide a whole message). Zero-width joiners and
// non-joiners stay: emoji sequences and Persian or Indic text need them.
const invisibleCharacters = /[\u200B\u200E\u200F\u061C\u2060-\u2064\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;
const lineSeparators = /[\u2028\u2029]/g;

/** Remove invisible format characters, and turn U+2028/U+2029 into the line break they stand for. */
export function removeInvisible(text: string): string {
	if (!/[\u200B\u200E\u200F\u061C\u2060-\u2064\uFEFF\u2028\u2029\uDB40]/.test(text)) {
		return text;
	}

	return text.replace(invisibleCharacters, '').replace(lineSeparators, '\n');
}

const tabEntity = /&(?:Tab|#0*9|#[xX]0*9);/g;

/**
 * Tab characters written as entities (`&Tab;`, `&#9;`, `&#x09;`) as real tabs, so that they are
 * expanded to the next tab stop like typed ones instead of reaching the terminal as raw tabs.
 * Code (fenced or indented) shows entities literally, so it is left as it is.
 */
export function decodeTabEntities(text: string): string {
	if (!/&(?:Tab|#0*9|#[xX]0*9);/.test(text)) {
		return text;
	}

	let fence: string | undefined;
	return text.split('\n').map(line => {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
			fence = fence === undefined ? marker : undefined;
			return line;
		}

		return fence !== undefined || /^(?: {4}|\t)/.test(line) ? line : line.replace(tabEntity, '\t');
	}).join('\n');
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
export function keepOnlyStyling(output: string): string {
	// Entities decode after the source was sanitised (`&#8203;`): the gate removes what they made.
	const rendered = /[\u200B\u200E\u200F\u061C\u2060-\u2064\uFEFF\u2028\u2029\uDB40]/.test(output)
		? output.replace(invisibleCharacters, '').replace(lineSeparators, ' ')
		: output;
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
