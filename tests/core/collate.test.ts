import test from 'ava';
import fc from 'fast-check';
import {collate, setRootAsciiOrder} from '../../source/core/text/collate.js';

// Tests run under whatever locale the machine has: compare with English, whose order is the root's.
const english = new Intl.Collator('en-US');
const printable = Array.from({length: 0x7F - 0x20}, (_, index) => String.fromCharCode(0x20 + index));

test.before(() => {
	setRootAsciiOrder(true);
});

test('every text of up to two printable ASCII characters sorts as ICU sorts it, ties included', t => {
	const texts = ['', ...printable, ...printable.flatMap(first => printable.map(second => first + second))];
	const sorted = texts.toSorted(collate);
	t.deepEqual(sorted, texts.toSorted(english.compare));
	for (let index = 1; index < sorted.length; index++) {
		t.is(Math.sign(collate(sorted[index - 1], sorted[index])), Math.sign(english.compare(sorted[index - 1], sorted[index])));
	}
});

test('texts of ASCII, with or without other characters, compare as ICU compares them', t => {
	// Mostly letters, so texts equal but for case (which ICU weighs last) come up often.
	const character = fc.oneof(
		{weight: 6, arbitrary: fc.constantFrom(...'aAbBzZ ')},
		{weight: 3, arbitrary: fc.constantFrom(...printable)},
		{weight: 1, arbitrary: fc.constantFrom('é', 'Å', '\u0000', '\t', 'ß', '中', '\u0301')},
	);
	const text = fc.array(character, {maxLength: 10}).map(characters => characters.join(''));
	fc.assert(fc.property(text, text, (a, b) => {
		const pair = [a, b.length % 2 === 0 ? b : a.toUpperCase()];
		t.is(Math.sign(collate(pair[0], pair[1])), Math.sign(english.compare(pair[0], pair[1])), JSON.stringify(pair));
	}), {numRuns: 20_000});
});
