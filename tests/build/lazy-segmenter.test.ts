import test from 'ava';
import fc from 'fast-check';
import {lazySegmenter} from '../../source/build/lazy-segmenter.js';

/** What a package sees of segments: each one's fields, and `containing` at some indexes. */
function described(segments: Intl.Segments, text: string): unknown {
	const probes = [undefined, -1, 0, 0.5, 1, 2.9, text.length - 1, text.length, text.length + 3, Number.NaN, '1' as unknown as number];
	return {
		all: [...segments].map(segment => ({...segment})),
		containing: probes.map(index => {
			const segment = segments.containing(index);
			return segment && {...segment};
		}),
	};
}

const ascii = fc.string({unit: fc.integer({min: 0, max: 0x7F}).map(code => String.fromCharCode(code)), maxLength: 40});
const anyText = fc.oneof(ascii, fc.string({unit: 'grapheme', maxLength: 20}), fc.constantFrom('a\r\nb', '\r\n', 'e\u0301', '👍🏽 ok', '🇯🇵', '\u001B[1mbold\u001B[22m', '⏱️ 4 min'));

test('graphemes of any text (ASCII, CR LF, combining marks, emoji) are the ones Intl.Segmenter gives', t => {
	fc.assert(fc.property(anyText, text => {
		const real = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		t.deepEqual(described(lazySegmenter(undefined, {granularity: 'grapheme'}).segment(text), text), described(real.segment(text), text), JSON.stringify(text));
		t.deepEqual(described(lazySegmenter().segment(text), text), described(new Intl.Segmenter().segment(text), text));
	}), {numRuns: 500});
});

test('resolvedOptions are the real segmenter\'s', t => {
	t.deepEqual(lazySegmenter('en', {granularity: 'word'}).resolvedOptions(), new Intl.Segmenter('en', {granularity: 'word'}).resolvedOptions());
	t.deepEqual(lazySegmenter().resolvedOptions(), new Intl.Segmenter().resolvedOptions());
});

test('words and sentences go to Intl.Segmenter itself', t => {
	for (const granularity of ['word', 'sentence'] as const) {
		const text = 'Two words. And more!';
		t.deepEqual([...lazySegmenter('en', {granularity}).segment(text)].map(segment => ({...segment})), [...new Intl.Segmenter('en', {granularity}).segment(text)].map(segment => ({...segment})));
	}
});

test('ASCII is segmented without making a segmenter; other text makes one, once', t => {
	const made: unknown[] = [];
	const Real = Intl.Segmenter;
	const intl = Intl as {Segmenter: typeof Intl.Segmenter};
	intl.Segmenter = new Proxy(Real, {
		construct(target, arguments_) {
			made.push(arguments_);
			return Reflect.construct(target, arguments_);
		},
	});
	try {
		const segmenter = lazySegmenter(undefined, {granularity: 'grapheme'});
		t.is([...segmenter.segment('\u001B[31mplain ascii\u001B[39m')].length, 21);
		t.is(made.length, 0);
		t.deepEqual([...segmenter.segment('é ⏱️')].map(segment => segment.segment), ['é', ' ', '⏱️']);
		t.deepEqual([...segmenter.segment('a\r\nb')].map(segment => segment.segment), ['a', '\r\n', 'b']);
		t.is(made.length, 1);
	} finally {
		intl.Segmenter = Real;
	}
});
