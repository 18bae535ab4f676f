import test from 'ava';
import fc from 'fast-check';
import {cutText, displayWidth} from '../../source/core/text/fit.js';
import {stripStyling} from '../../source/core/text/sanitize.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';

test.before(async () => {
	await loadTextWidth();
});

// Graphemes of every kind a code line holds: ASCII, typography and symbols that stand alone (✔ —),
// wide CJK, emoji alone and in sequences, combining marks; and styling between them.
const grapheme = fc.constantFrom('a', 'Z', ' ', '{', '✔', '—', '≤', '中', '日', '한', '🚀', '📅', 'e\u0301', '👍🏽', '👨‍👩‍👧', '❤️', '🇯🇵', '1\uFE0F\u20E3');
const styling = fc.constantFrom('\u001B[1m', '\u001B[22m', '\u001B[32m', '\u001B[39m', '\u001B]8;;https://example.com\u0007', '\u001B]8;;\u0007');
const piece = fc.oneof({weight: 5, arbitrary: grapheme}, {weight: 1, arbitrary: styling});

test('cut code fills each piece to its width without splitting a character, and loses nothing', t => {
	fc.assert(fc.property(fc.array(piece, {maxLength: 60}), fc.integer({min: 2, max: 12}), fc.integer({min: 2, max: 12}), (parts, width, nextWidth) => {
		const line = parts.join('');
		const graphemes = parts.filter(part => !part.startsWith('\u001B'));
		const pieces = cutText(line, width, nextWidth);
		t.is(pieces.map(cut => stripStyling(cut)).join(''), graphemes.join(''), 'the text, in order');
		let next = 0;
		for (const [index, cut] of pieces.entries()) {
			const room = index === 0 ? width : nextWidth;
			const shown = stripStyling(cut);
			let taken = '';
			while (taken.length < shown.length) {
				taken += graphemes[next++];
			}

			t.is(taken, shown, 'a piece ends between characters');
			t.true(displayWidth(shown) <= room, `${JSON.stringify(shown)} fits ${room}`);
			if (index < pieces.length - 1) {
				t.true(displayWidth(shown + graphemes[next]) > room, `${JSON.stringify(shown)} is as full as ${room} columns allow`);
			}
		}
	}), {numRuns: 400});
});
