import test from 'ava';
import stringWidthReference from 'string-width';
import {loadTextWidth, stringWidth} from '../../source/core/text/text-width.js';

test.before(async () => {
	await loadTextWidth();
});

// The soft hyphen is one column as glibc's wcwidth (and so most terminals) count it; string-width says 0.
const softHyphen = 0xAD;

const codePoints = function * () {
	// The BMP, and the planes' emoji and symbols.
	for (let code = 0x20; code <= 0x1FAFF; code++) {
		if ((code < 0xD800 || code > 0xDFFF) && code !== softHyphen) {
			yield String.fromCodePoint(code);
		}
	}
};

test('every character of the BMP and the emoji planes is measured as string-width measures it, alone, between letters and doubled', t => {
	const wrong: string[] = [];
	for (const character of codePoints()) {
		for (const text of [character, `a${character}b`, character + character]) {
			if (stringWidth(text) !== stringWidthReference(text)) {
				wrong.push(`U+${character.codePointAt(0)!.toString(16).toUpperCase()} in ${JSON.stringify(text)}: ${stringWidth(text)}, string-width ${stringWidthReference(text)}`);
			}
		}
	}

	t.deepEqual(wrong.slice(0, 10), []);
});

test('mixed text of typography, CJK and combining marks is measured as string-width measures it', t => {
	const pieces = ['a', '\u00A0', ' ', '—', '’', '“', '≤', '€', 'é', 'e\u0301', '中', '文', 'ア', '한', '（', '：', '👍', '❤️', '\u200D', '\u302A', '½', '→', '🚀', '✅', '🏽', '\uFE0F', '🇯', '🇵', '\u20E3', '1', '🌡', '👁'];
	let seed = 7;
	const next = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed;
	};

	for (let run = 0; run < 5000; run++) {
		const text = Array.from({length: 1 + (next() % 12)}, () => pieces[next() % pieces.length]).join('');
		t.is(stringWidth(text), stringWidthReference(text), JSON.stringify(text));
	}
});

test('the icons folio draws are measured as string-width measures them, alone, in text and with anything joined to them', t => {
	const icons = ['📅', '📁', '👁', '⏱️', '💡', '📑', '🖼'];
	const joined = ['', '\uFE0F', '\u200D🗨', '🏽', '\u0301', ' 中文 — é', '📅'];
	for (const icon of icons) {
		for (const after of joined) {
			for (const text of [icon + after, `a${icon}${after}b`, `${icon}${after} ${icon}`, `Date: ${icon}${after} 2026-01-01 · ≤ 3`]) {
				t.is(stringWidth(text), stringWidthReference(text), JSON.stringify(text));
			}
		}
	}
});

test('a character with a variation selector 16 is measured as string-width measures the pair, alone, between letters, doubled and with more joined', t => {
	const wrong: string[] = [];
	for (const [from, to] of [[0x00A0, 0x00FF], [0x2000, 0x2BFF], [0x3000, 0x33FF], [0x1F000, 0x1FAFF]]) {
		for (let code = from; code <= to; code++) {
			const pair = `${String.fromCodePoint(code)}\uFE0F`;
			for (const text of [pair, `a${pair}b`, pair + pair, `${pair}\u200D🔥`, `${pair}🏽`, `${pair}\u20E3`, `${pair} é 中`]) {
				if (stringWidth(text) !== stringWidthReference(text)) {
					wrong.push(`${JSON.stringify(text)}: ${stringWidth(text)}, string-width ${stringWidthReference(text)}`);
				}
			}
		}
	}

	t.deepEqual(wrong.slice(0, 10), []);
});
