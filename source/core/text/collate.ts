/**
 * Comparing titles as the user's locale sorts them, without paying for ICU where it is not needed.
 *
 * The first `Intl.Collator` starts ICU and resolves the default locale: 6–13 ms here, before a
 * library sorted by title can draw its first frame. For text of printable ASCII the default
 * (root) collation, which English and the C locale use, is a fixed order: every character has one
 * weight, punctuation and symbols before digits before letters, and a letter's case counts only
 * when the whole text is otherwise equal (lower case first). `collate` sorts two such texts by
 * that order, and anything else, or any text under a locale that tailors it (Danish puts upper
 * case first), with the real collator. A test holds the order to `Intl.Collator` on every pair of
 * ASCII characters and on random texts.
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
const keys = new Map<string, string | undefined>();

/**
 * Whether the default locale sorts ASCII in the root order. Only the edge can know (the locale
 * comes from the environment), so it says so once at start; until then every comparison asks ICU.
 */
export function setRootAsciiOrder(value: boolean): void {
	rootAscii = value;
}

/** Compares two texts as `new Intl.Collator().compare` does. */
export function collate(a: string, b: string): number {
	if (rootAscii) {
		const keyA = asciiKey(a);
		const keyB = keyA === undefined ? undefined : asciiKey(b);
		if (keyA !== undefined && keyB !== undefined) {
			return keyA < keyB ? -1 : (keyA > keyB ? 1 : 0);
		}
	}

	collator ??= new Intl.Collator();
	return collator.compare(a, b);
}

/**
 * A text of printable ASCII as a key that sorts by code unit as the root collation sorts it: the
 * characters' weights, then after a zero their cases (the weights of equal-weighted texts have the
 * same length, so the cases are compared only then); undefined for any other text. Kept per text:
 * a sort compares each one many times.
 */
function asciiKey(text: string): string | undefined {
	if (keys.has(text)) {
		return keys.get(text);
	}

	let weights = '';
	let cases = '';
	let ascii = true;
	for (let index = 0; index < text.length && ascii; index++) {
		const code = text.charCodeAt(index);
		ascii = code >= 0x20 && code <= 0x7E;
		weights += String.fromCharCode(primary[code]);
		cases += code >= 0x41 && code <= 0x5A ? '2' : '1';
	}

	const key = ascii ? `${weights}\u0000${cases}` : undefined;
	// Titles come from files: the cache stays as big as the library, not as the text read.
	if (keys.size < 100_000) {
		keys.set(text, key);
	}

	return key;
}
