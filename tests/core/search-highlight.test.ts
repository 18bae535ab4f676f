import test from 'ava';
import {highlightMatches} from '../../source/core/reader/search.js';

const brackets = {match: (text: string) => `[${text}]`, current: (text: string) => `{${text}}`};

test('every match in a line is lit, the current line\'s in its own style; a capital in the query makes it case-sensitive', t => {
	t.is(highlightMatches('styled', 'Cafe and cafe', 'cafe', false, brackets), '[Cafe] and [cafe]');
	t.is(highlightMatches('styled', 'Cafe and cafe', 'cafe', true, brackets), '{Cafe} and {cafe}');
	t.is(highlightMatches('styled', 'Cafe and cafe', 'Cafe', false, brackets), '[Cafe] and cafe');
	t.is(highlightMatches('styled', 'no match here', 'cafe', false, brackets), 'styled', 'a line without a match keeps its styling');
});

test('a match that ends inside a letter is lit to the letter\'s end, so a combining accent keeps its letter', t => {
	const decomposed = 'un cafe\u0301 noir';
	t.is(highlightMatches('styled', decomposed, 'cafe', false, brackets), 'un [cafe\u0301] noir');
	t.is(highlightMatches('styled', 'e\u0301\u0327e\u0301', 'e', false, brackets), '[e\u0301\u0327][e\u0301]', 'every mark after it, and the next match after them');
});
