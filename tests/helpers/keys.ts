/**
 * Key names as tests write them (tmux's names: `Enter`, `C-c`, `PageDown`, `BSpace`) turned into
 * the bytes an xterm sends for them.
 *
 * @example
 * keyBytes('C-c') // '\u0003'
 * keyBytes('Up', {applicationCursor: true}) // '\u001BOA'
 */

/** What the terminal's modes change about the bytes a key sends. */
export type KeyModes = {
	/** DECCKM is on: arrows and Home/End send `ESC O x` instead of `ESC [ x`. @default false */
	applicationCursor?: boolean;
};

const named: Record<string, string> = {
	Enter: '\r',
	Escape: '\u001B',
	Tab: '\t',
	BTab: '\u001B[Z',
	BSpace: '\u007F',
	Space: ' ',
	DC: '\u001B[3~',
	Delete: '\u001B[3~',
	IC: '\u001B[2~',
	PageUp: '\u001B[5~',
	PPage: '\u001B[5~',
	PageDown: '\u001B[6~',
	NPage: '\u001B[6~',
	F1: '\u001BOP',
	F2: '\u001BOQ',
	F3: '\u001BOR',
	F4: '\u001BOS',
	F5: '\u001B[15~',
	F6: '\u001B[17~',
	F7: '\u001B[18~',
	F8: '\u001B[19~',
	F9: '\u001B[20~',
	F10: '\u001B[21~',
	F11: '\u001B[23~',
	F12: '\u001B[24~',
};

/** The final letter of each cursor key (`ESC [ A` or `ESC O A`). */
const cursor: Record<string, string> = {Up: 'A', Down: 'B', Right: 'C', Left: 'D', Home: 'H', End: 'F'};

/**
 * The bytes for one key: a single character as itself, a name from the table above, `C-x` for
 * Ctrl with a letter (or `@ [ \ ] ^ _ ?`), `M-x` for Alt (ESC, then the key). Throws on a name it
 * does not know, so a typo never reaches folio as literal text.
 */
export function keyBytes(key: string, modes: KeyModes = {}): string {
	if ([...key].length === 1) {
		return key;
	}

	if (key in named) {
		return named[key];
	}

	if (key in cursor) {
		return `\u001B${modes.applicationCursor ? 'O' : '['}${cursor[key]}`;
	}

	const control = /^C-(.)$/.exec(key);
	if (control) {
		return controlCharacter(control[1], key);
	}

	const meta = /^M-(.+)$/.exec(key);
	if (meta) {
		return `\u001B${keyBytes(meta[1], modes)}`;
	}

	throw new Error(`Expected a key name (a character, Enter, Escape, Tab, BSpace, Space, Up, PageDown, C-c, M-x ...), got ${JSON.stringify(key)}: use type() for text`);
}

function controlCharacter(character: string, key: string): string {
	if (character === '?') {
		return '\u007F';
	}

	const code = character.toUpperCase().codePointAt(0)!;
	if (code < 0x40 || code > 0x5F) {
		throw new Error(`Expected Ctrl with a letter or one of @[\\]^_?, got ${JSON.stringify(key)}`);
	}

	return String.fromCodePoint(code - 0x40);
}
