/**
 * Comparing titles as the user's locale sorts them, without paying for ICU where it is not needed.
 *
 * The first `Intl.Collator` starts ICU and resolves the default locale: 6–13 ms here, before a
 * library sorted by title can draw its first frame. For text of printable ASCII the default
 * (root) collation, which English and the C locale use, is a fixed order: every character has one
 * weight, punctuation and symbols before digits before letters, and a letter's case counts only
 * when the whole text is otherwise equal (lower case first). `collate` sorts two such texts by
 * that order, and anything else, or any text under a locale that tailors it (Danish puts upper
 * case first), with the real collator. A test holds the order to `Intl.Collator` on every text of
 * up to two ASCII characters and on random texts.
 */

/** Printable ASCII in the root collation's primary order; a letter stands for both its cases. */
const rootOrder = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

const primary = new Uint8Array(128);
for (const [index, character] of [...rootOrder].entries()) {
	primary[character.codePointAt(0)!] = index + 1;
	primary[character.toUpperCase().codePointAt(0)!] = index + 1;
}

let rootAscii = false;
let collator: Intl.Collator | undefined;

/**
 * Whether the default locale sorts ASCII in the root order. Only the edge can know (the locale
 * comes from the environment), so it says so once at start; until then every comparison asks ICU.
 */
export function setRootAsciiOrder(value: boolean): void {
	rootAscii = value;
}

/**
 * Compares two texts as `new Intl.Collator().compare` does, with one collator for every
 * comparison (`localeCompare` builds one per call, 10× slower on a big library).
 */
export function collate(a: string, b: string): number {
	if (rootAscii && printableAscii(a) && printableAscii(b)) {
		return compareAscii(a, b);
	}

	collator ??= new Intl.Collator();
	return collator.compare(a, b);
}

function printableAscii(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code > 0x7E) {
			return false;
		}
	}

	return true;
}

/**
 * Two texts of printable ASCII in the root order: the first character whose weight differs
 * decides, then the shorter text comes first; only texts otherwise equal are told apart by case,
 * at the first character whose case differs (lower case first).
 */
function compareAscii(a: string, b: string): number {
	const length = Math.min(a.length, b.length);
	let byCase = 0;
	for (let index = 0; index < length; index++) {
		const codeA = a.charCodeAt(index);
		const codeB = b.charCodeAt(index);
		if (codeA !== codeB) {
			const weight = primary[codeA] - primary[codeB];
			if (weight !== 0) {
				return Math.sign(weight);
			}

			// The same letter in another case.
			byCase ||= codeA < codeB ? 1 : -1;
		}
	}

	return Math.sign(a.length - b.length) || byCase;
}
