import test from 'ava';
import {fold, foldWithOffsets, tokenize} from '../../../source/core/search/fold.js';
import {parseQuery, parseQueryArguments} from '../../../source/core/search/query.js';
import {QueryMatcher} from '../../../source/core/search/match.js';

const matches = (query: string, text: string) => new QueryMatcher(parseQuery(query)).find(text).map(range => text.slice(range.start, range.end));

test('folding drops case and diacritics, compatibility forms included', t => {
	t.is(fold('Café CRÈME Ｆｕｌｌ ﬁne'), 'cafe creme full fine');
	t.deepEqual(tokenize('Crème-brûlée, naïve_code42'), ['creme', 'brulee', 'naive', 'code42']);
});

test('ideographs are words of one character, kana too, hangul words stay whole', t => {
	t.deepEqual(tokenize('東京タワーで会う abc한국어'), ['東', '京', 'タ', 'ワ', 'ー', 'で', '会', 'う', 'abc한국어']);
});

test('a folded text maps back to the original offsets', t => {
	const {folded, offsets} = foldWithOffsets('Ａé ﬁx');
	t.is(folded, 'ae fix');
	t.deepEqual(offsets, [0, 1, 2, 3, 3, 4, 5]);
});

test('a query splits into words and quoted phrases; an unclosed quote runs to the end', t => {
	t.deepEqual(parseQuery('sock "Open the" door "half op').terms.map(term => [term.tokens, term.phrase]), [
		[['sock'], false], [['open', 'the'], true], [['door'], false], [['half', 'op'], true],
	]);
	t.deepEqual(parseQuery(' !! ').terms, []);
});

test('a command-line word with a space in it was quoted in the shell, so it is a phrase', t => {
	t.deepEqual(parseQueryArguments(['open the', 'door']).terms.map(term => [term.tokens, term.phrase]), [[['open', 'the'], true], [['door'], false]]);
});

test('a word matches as a prefix at a word start, never inside a word', t => {
	t.deepEqual(matches('sock', 'Sockets, a socket; unsocketed'), ['Sock', 'sock']);
});

test('a phrase matches its words in order, across punctuation and lines, the last whole', t => {
	t.deepEqual(matches('"open the door"', 'Open *the*\ndoor; the door open; open the doors'), ['Open *the*\ndoor']);
});

test('folding finds café from cafe and cafe from CAFÉ, highlighting the original text', t => {
	t.deepEqual(matches('cafe', 'Un café noir'), ['café']);
	t.deepEqual(matches('CAFÉ', 'the cafe'), ['cafe']);
});

test('ideographic text is found without spaces, its characters in order', t => {
	t.deepEqual(matches('東京', '私は東京に住む。京東ではない'), ['東京']);
});

test('a hyphenated word matches its parts in order', t => {
	t.deepEqual(matches('e-mail', 'send an e-mail or an email'), ['e-mail']);
});
