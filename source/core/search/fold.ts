/**
 * How search reads text: case and diacritics folded (`Café` → `cafe`), words split at anything
 * that is not a letter or digit, and Chinese/Japanese ideographs and kana taken one character at
 * a time (they are written without spaces). The index and the matcher both use these, so what
 * one finds the other highlights.
 */

// Diacritics only: kana voicing marks and Hangul jamo recompose (NFC) rather than vanish.
const combiningMarks = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/g;
const wordOrIdeograph = /[\p{L}\p{N}]+/gu;
const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3005\u30FC]/u;

/** Lower case without diacritics, by compatibility decomposition: `Ｃａｆé` → `cafe`, `ﬁ` → `fi`. */
export function fold(text: string): string {
	// eslint-disable-next-line no-control-regex
	if (/^[\u0000-\u007F]*$/.test(text)) {
		return text.toLowerCase();
	}

	return text.normalize('NFKD').replace(combiningMarks, '').normalize('NFC').toLowerCase();
}

/** True for a character searched one at a time (Han, hiragana, katakana). */
export function isIdeograph(character: string): boolean {
	return ideograph.test(character);
}

/** The folded words of a text, in order; each ideograph is a word of its own. */
export function tokenize(text: string): string[] {
	const folded = fold(text);
	const words = folded.match(wordOrIdeograph);
	if (!words) {
		return [];
	}

	if (!ideograph.test(folded)) {
		return words;
	}

	return words.flatMap(word => splitIdeographs(word));
}

function splitIdeographs(word: string): string[] {
	if (!ideograph.test(word)) {
		return [word];
	}

	const pieces: string[] = [];
	let run = '';
	for (const character of word) {
		if (isIdeograph(character)) {
			if (run) {
				pieces.push(run);
				run = '';
			}

			pieces.push(character);
		} else {
			run += character;
		}
	}

	if (run) {
		pieces.push(run);
	}

	return pieces;
}

/**
 * A folded copy of a text with, for each of its UTF-16 units, the index in the original it
 * came from (plus one entry for the end), so a match found in the folded text can be shown in
 * the original.
 */
export function foldWithOffsets(text: string): {folded: string; offsets: number[]} {
	// eslint-disable-next-line no-control-regex
	if (/^[\u0000-\u007F]*$/.test(text)) {
		const offsets = Array.from({length: text.length + 1}, (_, index) => index);
		return {folded: text.toLowerCase(), offsets};
	}

	let folded = '';
	const offsets: number[] = [];
	let index = 0;
	for (const character of text) {
		const piece = fold(character);
		folded += piece;
		for (let unit = 0; unit < piece.length; unit++) {
			offsets.push(index);
		}

		index += character.length;
	}

	offsets.push(index);
	return {folded, offsets};
}
