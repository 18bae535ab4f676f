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
	// The cheap test first: it finds an image or an entity near the top of most documents that have one.
	if (texts.some(text => text !== undefined && (becomesOtherCharacters.test(text) || needsTables(text)))) {
		await loadTextWidth();
	}
}

/**
 * Whether measuring this text needs string-width: not when every character is counted (lines
 * break at newlines; a tab is counted as one column only in simple text, as `stringWidth` does).
 */
function needsTables(text: string): boolean {
	return text.includes('\t') ? !isSimpleText(text) : notCountableOrNewline.test(text);
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
// Also one column alone and beside anything countable (found by asking string-width of each, and
// checked by the same test): Latin Extended Additional (ễ), spaces, and the symbol blocks' text
// characters (✔ ⚠ ❤ without a variation selector, which sends a sequence to string-width).
const oneColumnMore = '\u1E00-\u1EFF\u2000-\u200A\u2028-\u2029\u202F\u205F\u2070-\u2073\u208F\u209D-\u209F\u20C1-\u20CF\u20F1-\u20FF\u2122\u2139\u218C-\u218F\u231C-\u2328\u232B-\u23E8\u23ED-\u23EF\u23F1-\u23F2\u23F4-\u245F\u24C2\u25AB-\u25E5\u25E7-\u25FC\u25FF-\u260F\u2612-\u2613\u2616-\u262F\u2638-\u2647\u2654-\u267E\u2680-\u2689\u2690-\u2692\u2694-\u26A0\u26A2-\u26A9\u26AC-\u26BC\u26BF-\u26C3\u26C6-\u26CD\u26CF-\u26D3\u26D5-\u26E9\u26EB-\u26F1\u26F4\u26F6-\u26F9\u26FB-\u26FC\u26FE-\u2704\u2706-\u2709\u270C-\u2712\u2714-\u2727\u2729-\u274B\u274D\u274F-\u2752\u2756\u2758-\u2794\u2798-\u27AF\u27B1-\u27BE\u27C0-\u2B1A\u2B1D-\u2B4F\u2B51-\u2B54\u2B56-\u2BFF';
const twoColumns = '\u2E80-\u2E99\u2E9B-\u2EF3\u2F00-\u2FD5\u2FF0-\u3029\u3031-\u303C\u3041-\u3096\u309B-\u30FF\u3105-\u312F\u3131-\u3163\u3165-\u318E\u3190-\u31E5\u31EF-\u321E\u3220-\u3247\u3250-\u3296\u329A-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFA6D\uFA70-\uFAD9\uFE30-\uFE4F\uFF01-\uFF60';
// Emoji that stand alone two columns wide, as string-width measures them (its emoji tables cost
// ~50 ms to build on first use): in the BMP (✅ ⚡ ❌), counted as wide, and beyond it (🚀 🎉 📅),
// two columns in two UTF-16 units. Sequences (skin tones, joiners, variation selectors, flags,
// keycaps) hold characters outside every set here, so string-width measures those.
const bmpEmoji = '\u231A-\u231B\u23E9-\u23EC\u23F0\u23F3\u25FD-\u25FE\u2614-\u2615\u2648-\u2653\u267F\u2693\u26A1\u26AA-\u26AB\u26BD-\u26BE\u26C4-\u26C5\u26CE\u26D4\u26EA\u26F2-\u26F3\u26F5\u26FA\u26FD\u2705\u270A-\u270B\u2728\u274C\u274E\u2753-\u2755\u2757\u2795-\u2797\u27B0\u27BF\u2B1B-\u2B1C\u2B50\u2B55\u3030\u303D\u3297\u3299';
const astralEmoji = '\u{1F004}\u{1F0CF}\u{1F18E}\u{1F191}-\u{1F19A}\u{1F1AE}\u{1F201}-\u{1F202}\u{1F21A}\u{1F22F}\u{1F232}-\u{1F23A}\u{1F250}-\u{1F251}\u{1F300}-\u{1F320}\u{1F32D}-\u{1F335}\u{1F337}-\u{1F37C}\u{1F37E}-\u{1F393}\u{1F3A0}-\u{1F3CA}\u{1F3CF}-\u{1F3D3}\u{1F3E0}-\u{1F3F0}\u{1F3F4}\u{1F3F8}-\u{1F3FA}\u{1F400}-\u{1F43E}\u{1F440}\u{1F442}-\u{1F4FC}\u{1F4FF}-\u{1F53D}\u{1F54B}-\u{1F54E}\u{1F550}-\u{1F567}\u{1F57A}\u{1F595}-\u{1F596}\u{1F5A4}\u{1F5FB}-\u{1F64F}\u{1F680}-\u{1F6C5}\u{1F6CC}\u{1F6D0}-\u{1F6D2}\u{1F6D5}-\u{1F6D9}\u{1F6DC}-\u{1F6DF}\u{1F6EB}-\u{1F6EC}\u{1F6F4}-\u{1F6FC}\u{1F7DA}\u{1F7E0}-\u{1F7EB}\u{1F7F0}\u{1F90C}-\u{1F93A}\u{1F93C}-\u{1F945}\u{1F947}-\u{1F9AF}\u{1F9B4}-\u{1F9FF}\u{1FA70}-\u{1FA7C}\u{1FA80}-\u{1FAC6}\u{1FAC8}\u{1FACC}-\u{1FADD}\u{1FADF}-\u{1FAEB}\u{1FAEF}-\u{1FAFA}';
const countable = `${oneColumn}${oneColumnMore}${twoColumns}${bmpEmoji}${astralEmoji}`;
const notCountable = new RegExp(`[^${countable}]`, 'u');
// The same, with line breaks allowed: for a whole article without copying it line by line.
const notCountableOrNewline = new RegExp(`[^\\n${countable}]`, 'u');
const wideCharacter = new RegExp(`[${twoColumns}${bmpEmoji}]`, 'g');

/**
 * True when every character of `text` (without escape sequences) is one of those counted above:
 * each stands alone, one grapheme per code point, one or two columns whatever is beside it.
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

/** Those icons: each a grapheme of its own between countable characters (none joins to them). */
export const folioIcons: readonly string[] = [...iconWidths.keys()];
const iconStart = /[\u23F1\uD83D]/;

/**
 * Characters that a variation selector 16 makes a two-column emoji (❤️ ✔️ ⚠️ ☀️), whatever stands
 * beside the pair, as string-width measures them (found by asking it of each, and checked by
 * tests/core/text-width.test.ts). Anything joined to such a pair (a joiner, a skin tone, a
 * keycap) is left behind when the pair is counted, and is not countable.
 */
const emojiWithSelector = new RegExp('[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9-\u21AA\u231A-\u231B\u2328-\u232A\u23CF\u23E9-\u23F3\u23F8-\u23FA\u24C2\u25AA-\u25AB\u25B6\u25C0\u25FB-\u25FE\u2600-\u2604\u260E\u2611\u2614-\u2615\u2618\u261D\u2620\u2622-\u2623\u2626\u262A\u262E-\u263A\u2640\u2642\u2648-\u2653\u265F-\u2660\u2663\u2665-\u2666\u2668\u267B\u267E-\u267F\u268A-\u268F\u2692-\u2697\u2699\u269B-\u269C\u26A0-\u26A1\u26A7\u26AA-\u26AB\u26B0-\u26B1\u26BD-\u26BE\u26C4-\u26C5\u26C8\u26CE-\u26CF\u26D1\u26D3-\u26D4\u26E9-\u26EA\u26F0-\u26F5\u26F7-\u26FA\u26FD\u2702\u2705\u2708-\u270D\u270F\u2712\u2714\u2716\u271D\u2721\u2728\u2733-\u2734\u2744\u2747\u274C\u274E\u2753-\u2755\u2757\u2763-\u2764\u2795-\u2797\u27A1\u27B0\u27BF\u2934-\u2935\u2B05-\u2B07\u2B1B-\u2B1C\u2B50\u2B55\u3000-\u3029\u302E-\u303E\u3041-\u3096\u309B-\u30FF\u3105-\u312F\u3131-\u3163\u3165-\u318E\u3190-\u31E5\u31EF-\u321E\u3220-\u3247\u3250-\u33FF\u{1F004}\u{1F0CF}\u{1F170}-\u{1F171}\u{1F17E}-\u{1F17F}\u{1F18E}\u{1F191}-\u{1F19A}\u{1F1AE}\u{1F200}-\u{1F202}\u{1F210}-\u{1F23B}\u{1F240}-\u{1F248}\u{1F250}-\u{1F251}\u{1F260}-\u{1F265}\u{1F300}-\u{1F321}\u{1F324}-\u{1F393}\u{1F396}-\u{1F397}\u{1F399}-\u{1F39B}\u{1F39E}-\u{1F3F0}\u{1F3F3}-\u{1F3F5}\u{1F3F7}-\u{1F3FA}\u{1F400}-\u{1F4FD}\u{1F4FF}-\u{1F53D}\u{1F549}-\u{1F54E}\u{1F550}-\u{1F567}\u{1F56F}-\u{1F570}\u{1F573}-\u{1F57A}\u{1F587}\u{1F58A}-\u{1F58D}\u{1F590}\u{1F595}-\u{1F596}\u{1F5A4}-\u{1F5A5}\u{1F5A8}\u{1F5B1}-\u{1F5B2}\u{1F5BC}\u{1F5C2}-\u{1F5C4}\u{1F5D1}-\u{1F5D3}\u{1F5DC}-\u{1F5DE}\u{1F5E1}\u{1F5E3}\u{1F5E8}\u{1F5EF}\u{1F5F3}\u{1F5FA}-\u{1F64F}\u{1F680}-\u{1F6C5}\u{1F6CB}-\u{1F6D2}\u{1F6D5}-\u{1F6D9}\u{1F6DC}-\u{1F6E5}\u{1F6E9}\u{1F6EB}-\u{1F6EC}\u{1F6F0}\u{1F6F3}-\u{1F6FC}\u{1F7DA}\u{1F7E0}-\u{1F7EB}\u{1F7F0}\u{1F90C}-\u{1F93A}\u{1F93C}-\u{1F945}\u{1F947}-\u{1F9FF}\u{1FA70}-\u{1FA7C}\u{1FA80}-\u{1FAC6}\u{1FAC8}\u{1FACC}-\u{1FADD}\u{1FADF}-\u{1FAEB}\u{1FAEF}-\u{1FAFA}]\uFE0F', 'gu');

/** Columns of text without escape sequences measured by counting, or undefined when it needs string-width. */
export function countedWidth(text: string): number | undefined {
	if (!notCountable.test(text)) {
		return text.length + (text.match(wideCharacter)?.length ?? 0);
	}

	if (!iconStart.test(text) && !text.includes('\uFE0F')) {
		return undefined;
	}

	// An icon or emoji with anything more joined to it leaves that behind, which is not countable.
	let counted = 0;
	const rest = text
		.replace(icons, icon => {
			counted += iconWidths.get(icon)!;
			return '';
		})
		.replace(emojiWithSelector, () => {
			counted += 2;
			return '';
		});
	return notCountable.test(rest) ? undefined : counted + rest.length + (rest.match(wideCharacter)?.length ?? 0);
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
