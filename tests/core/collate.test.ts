import test from 'ava';
import fc from 'fast-check';
import {collate, setRootAsciiOrder} from '../../source/core/text/collate.js';

// ASCII is compared with English, whose order is the root's, whatever the machine's locale; other
// text goes to ICU in the machine's locale, as it does in folio.
const english = new Intl.Collator('en-US');
const machine = new Intl.Collator();
const expected = (a: string, b: string) => (/^[\x20-\x7E]*$/.test(a) && /^[\x20-\x7E]*$/.test(b) ? english : machine).compare(a, b);
const printable = Array.from({length: 0x7F - 0x20}, (_, index) => String.fromCharCode(0x20 + index));

test.before(() => {
	setRootAsciiOrder(true);
});

test.serial('texts of printable ASCII are compared without making a collator; other text makes one', t => {
	const made: unknown[] = [];
	const real = Intl.Collator;
	Intl.Collator = new Proxy(real, {
		construct(target, arguments_) {
			made.push(arguments_);
			return Reflect.construct(target, arguments_) as object;
		},
	});
	t.teardown(() => {
		Intl.Collator = real;
	});
	t.deepEqual(['b', 'B', 'a-b', 'ab', 'A'].toSorted(collate), ['A', 'a-b', 'ab', 'b', 'B']);
	t.is(made.length, 0);
	t.true(collate('é', 'f') < 0);
	t.is(made.length, 1);
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
		t.is(Math.sign(collate(pair[0], pair[1])), Math.sign(expected(pair[0], pair[1])), JSON.stringify(pair));
	}), {numRuns: 20_000});
});
