import type stringWidthFunction from 'string-width';
import type wrapAnsiFunction from 'wrap-ansi';

/**
 * Measuring wide text needs string-width and wrap-ansi, whose Unicode tables and segmenter cost
 * tens of milliseconds to load. Most articles are one-column text that never needs them, so they
 * are loaded only for text that does: call `loadTextWidth` (async) before rendering such text.
 */
let measure: {stringWidth: typeof stringWidthFunction; wrapAnsi: typeof wrapAnsiFunction} | undefined;

// A character that is not one column wide or may combine: everything but ASCII, Latin-1 and Latin
// Extended, general punctuation such as dashes and quotes, arrows, box drawing, and the marks
// folio draws itself (◦ ▪ bullets, ☐ ☑ task boxes). A character class, not a repeated group: the
// test must not recurse once per character of an 8 MB line.
// eslint-disable-next-line no-control-regex
const notSimple = /[^\u0009\u000A\u0020-\u007E\u00A0-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u257F\u25AA\u25E6\u2610\u2611]/;
// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[[\d;]*m/g;

/** True when every character of `text` is one column wide and measuring it needs no tables (SGR sequences allowed). */
export function isSimpleText(text: string): boolean {
	return !notSimple.test(text.includes('\u001B') ? text.replace(sgr, '') : text);
}

/** Load the wide-text measures (once). */
export async function loadTextWidth(): Promise<void> {
	if (!measure) {
		const [width, wrap] = await Promise.all([import('string-width'), import('wrap-ansi')]);
		measure = {stringWidth: width.default, wrapAnsi: wrap.default};
	}
}

// Markdown that rendering turns into other characters: entities (`&#x4e2d;`, and invalid ones
// become U+FFFD), emoji shortcodes (`:tada:`) and images (drawn with 🖼).
const becomesOtherCharacters = /&#?\w+;?|:[\w+-]+:|!\[|<img/i;

/** Load the wide-text measures if any of these texts, once rendered, may need them. */
export async function loadTextWidthFor(...texts: Array<string | undefined>): Promise<void> {
	if (texts.some(text => text !== undefined && (needsTables(text) || becomesOtherCharacters.test(text)))) {
		await loadTextWidth();
	}
}

/**
 * Whether measuring this text needs string-width: not when every character is counted (lines
 * break at newlines; a tab is counted as one column only in simple text, as `stringWidth` does).
 */
function needsTables(text: string): boolean {
	return text.includes('\t') ? !isSimpleText(text) : !isCountableText(text.replaceAll('\n', ''));
}

function loaded() {
	if (!measure) {
		throw new Error('wide text measured before loadTextWidth() finished');
	}

	return measure;
}

// Characters string-width measures as 1 or 2 columns whatever stands beside them: none combines,
// joins or is an emoji. One column: symbols and marks common in prose (≤ ≠ € ™-less letterlike,
// ½ ①, super- and subscripts, box and block drawing, many shapes, and the ◦ ▪ ☐ ☑ ✓ folio draws
// for nested bullets, task boxes and sections read). Two: CJK ideographs, kana,
// Hangul syllables, fullwidth forms. tests/core/text-width.test.ts checks every BMP character
// against string-width. Text made only of these is measured by counting, without the tables.
const oneColumn = '\u0020-\u007E\u00A0-\u02FF\u2010-\u2027\u2030-\u205E\u2074-\u208E\u2090-\u209C\u20A0-\u20C0\u2100-\u2121\u2123-\u2138\u213A-\u218B\u2190-\u2319\u2460-\u24C1\u24C3-\u25A9\u25AA\u25E6\u2610\u2611\u2713';
const twoColumns = '\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u2FF0-\u3029\u3031-\u303C\u3041-\u3096\u309B-\u30FF\u3105-\u312F\u3131-\u3163\u3165-\u318E\u3190-\u31E5\u31EF-\u321E\u3220-\u3247\u3250-\u3296\u329A-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFA6D\uFA70-\uFAD9\uFE30-\uFE4F\uFF01-\uFF60';
const notCountable = new RegExp(`[^${oneColumn}${twoColumns}]`);
const wideCharacter = new RegExp(`[${twoColumns}]`, 'g');

/**
 * True when every character of `text` (without escape sequences) is one of those counted above:
 * each stands alone, one grapheme per UTF-16 unit, one or two columns whatever is beside it.
 */
export function isCountableText(text: string): boolean {
	return !notCountable.test(text);
}

/**
 * The emoji folio draws itself (the article header's icons, images), each as wide as
 * string-width measures it (tests/core/text-width.test.ts checks): text holding them is still
 * measured by counting, which spares the reader's first frame string-width's emoji tables.
 */
const iconWidths = new Map([['📅', 2], ['📁', 2], ['👁', 1], ['⏱️', 2], ['💡', 2], ['📑', 2], ['🖼', 1]]);
const icons = new RegExp([...iconWidths.keys()].join('|'), 'g');
const iconStart = /[\u23F1\uD83D]/;

/** Columns of text without escape sequences measured by counting, or undefined when it needs string-width. */
export function countedWidth(text: string): number | undefined {
	if (!notCountable.test(text)) {
		return text.length + (text.match(wideCharacter)?.length ?? 0);
	}

	if (!iconStart.test(text)) {
		return undefined;
	}

	// An icon with anything joined to it (a variation selector, a skin tone, a joiner) leaves that
	// behind, which is not countable.
	let iconColumns = 0;
	const rest = text.replace(icons, icon => {
		iconColumns += iconWidths.get(icon)!;
		return '';
	});
	return notCountable.test(rest) ? undefined : iconColumns + rest.length + (rest.match(wideCharacter)?.length ?? 0);
}

/** Columns of text without escape sequences, counting CJK and emoji as two. */
export function stringWidth(text: string): number {
	if (isSimpleText(text)) {
		return text.length;
	}

	return countedWidth(text) ?? loaded().stringWidth(text);
}

/** wrap-ansi, for lines with wide characters. */
export function wrapAnsi(text: string, columns: number, options: Parameters<typeof wrapAnsiFunction>[2]): string {
	return loaded().wrapAnsi(text, columns, options);
}

/** Cut a line to `width` columns, ending with … when cut. */
export function truncate(text: string, width: number): string {
	if (stringWidth(text) <= width) {
		return text;
	}

	let out = '';
	let used = 0;
	for (const character of text) {
		const columns = stringWidth(character);
		if (used + columns > width - 1) {
			break;
		}

		out += character;
		used += columns;
	}

	return out + '…';
}
