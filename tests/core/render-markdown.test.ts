import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import stringWidth from 'string-width';
import {parseArticle} from '../../source/core/article/article.js';
import {renderArticle} from '../../source/core/markdown/render.js';
import {stripStyling} from '../../source/core/text/sanitize.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';

test.before(async () => {
	await loadTextWidth();
});

const origin = {kind: 'stdin', id: '-'} as const;
const render = (source: string, width: number, style: 'ansi' | 'plain') => renderArticle(parseArticle(source, origin), {width, style}).lines;
const plain = (source: string, width = 40) => render(source, width, 'plain');

test('ordered lists keep their numbers around a nested list, and nested bullets their own marker', t => {
	t.deepEqual(plain('1. one\n2. two\n   - a\n   - b\n3. three\n'), ['1. one', '2. two', '   ◦ a', '   ◦ b', '3. three']);
});

test('ordered lists count from their start number with their own delimiter', t => {
	t.deepEqual(plain('7. seven\n8. eight\n\ntext\n\n0) zero\n\ntext\n\n10. ten\n'), ['7. seven', '8. eight', '', 'text', '', '0) zero', '', 'text', '', '10. ten']);
});

test('numbers of different widths line up on their delimiter, and the text under them', t => {
	const source = Array.from({length: 10}, (_, index) => `${index + 1}. item ${index + 1}`).join('\n');
	const lines = plain(source);
	t.is(lines[0], ' 1. item 1');
	t.is(lines[9], '10. item 10');
});

test('a loose list keeps the blank line between items and between an item\'s paragraphs', t => {
	t.deepEqual(plain('- a\n\n  second paragraph\n- b\n'), ['• a', '', '  second paragraph', '', '• b']);
});

test('bullets are not Markdown markers, and change with depth', t => {
	t.deepEqual(plain('- one\n  - two\n    - three\n      - four\n'), ['• one', '  ◦ two', '    ▪ three', '      • four']);
});

test('a wrapped list item hangs under its text, not under its marker', t => {
	t.deepEqual(plain('12. alpha beta gamma delta epsilon zeta\n', 20), ['12. alpha beta gamma', '    delta epsilon', '    zeta']);
});

test('task items show one box, ticked or not', t => {
	t.deepEqual(plain('- [X] Write the front matter.\n- [ ] Read it.\n  - [x] nested\n'), ['☑ Write the front matter.', '☐ Read it.', '  ☑ nested']);
});

test('footnotes are numbered references, listed at the end of the section that first cites them', t => {
	const lines = plain('# A\n\nText[^note] and[^2] again[^note].\n\n## B\n\nLater.\n\n[^note]: The note.\n[^2]: Second.\n');
	t.deepEqual(lines, ['# A', '', 'Text[1] and[2] again[1].', '', '[1] The note.', '', '[2] Second.', '', '## B', '', 'Later.']);
});

test('strikethrough is struck through, and autolinks show their address once', t => {
	const ansi = render('~~gone~~ <https://x.org/a> www.example.com and mail@example.com\n', 80, 'ansi').join('\n');
	t.true(ansi.includes('\u001B[9mgone'), ansi);
	t.deepEqual(plain('~~gone~~ <https://x.org/a> and mail@example.com\n', 80), ['gone https://x.org/a and mail@example.com']);
});

test('images show their alt text and target; inside a link, the link\'s target', t => {
	t.deepEqual(plain('![A cat on a mat](cat.png)\n\n[![npm](badge.svg)](https://npmjs.com)\n', 60), ['🖼 A cat on a mat (cat.png)', '', '🖼 npm (https://npmjs.com)']);
});

test('inline HTML keeps what it means: superscripts, subscripts, line breaks, styled keys; unknown tags keep their text', t => {
	t.deepEqual(plain('Here 2<sup>30</sup>, H<sub>2</sub>O, line<br>break, <kbd>q</kbd> <span class=x>kept</span> 10<sup>a b</sup>.'), ['Here 2^30, H_2O, line', 'break, q kept 10^(a b).']);
	t.true(render('<kbd>Ctrl</kbd>', 40, 'ansi')[0].includes('\u001B[7mCtrl'));
});

test('an HTML table is drawn as a table', t => {
	t.deepEqual(plain('<table><tr><th>Name</th><th align="right">Value</th></tr>\n<tr><td>a <b>b</b></td><td>1</td></tr></table>\n'), [
		'┌──────┬───────┐', '│ Name │ Value │', '├──────┼───────┤', '│ a b  │     1 │', '└──────┴───────┘',
	]);
});

test('text in an HTML block keeps a break where a block element ended, and no tag', t => {
	t.deepEqual(plain('<div align="center">\n<p>One <em>two</em></p><p>Three</p>\n</div>\n'), ['One two', 'Three']);
});

test('table columns get their longest word before sharing the rest, so no word that fits is chopped', t => {
	const source = '| Algorithm | Description | Best | Average | Worst | Memory | Stable |\n|---|---|---|---|---|---|---|\n| Quicksort | A divide and conquer sorting algorithm that picks a pivot element and partitions the array around it | n log n | n log n | quadratic | log n | no, it is not |\n';
	for (const width of [80, 120]) {
		const lines = plain(source, width);
		const words = new Set(lines.flatMap(line => line.split(/[│ ]+/)));
		for (const word of ['Algorithm', 'Description', 'Average', 'Quicksort', 'conquer', 'partitions', 'quadratic']) {
			t.true(words.has(word), `${word} chopped at ${width}:\n${lines.join('\n')}`);
		}

		t.true(lines.every(line => stringWidth(line) <= width));
	}
});

test('a table that cannot fit even word by word becomes one block per row', t => {
	const lines = plain('| A | B | C | D | E | F |\n|---|---|---|---|---|---|\n| alpha | bravo | charlie | delta | echo | foxtrot |\n| 1 | 2 | 3 | 4 | 5 | 6 |\n', 30);
	t.deepEqual(lines, ['A: alpha', 'B: bravo', 'C: charlie', 'D: delta', 'E: echo', 'F: foxtrot', '────────', 'A: 1', 'B: 2', 'C: 3', 'D: 4', 'E: 5', 'F: 6']);
});

test('a code line wider than the text continues behind ↪, in every style', t => {
	const source = '```\n' + 'x'.repeat(50) + '\n```\n';
	t.deepEqual(plain(source), ['    ' + 'x'.repeat(36), '    ↪ ' + 'x'.repeat(14)]);
	t.deepEqual(render(source, 40, 'ansi').map(line => stripStyling(line)), plain(source));
});

test('a link\'s target stays with its bracket and the punctuation after it, and is not broken when it fits', t => {
	const source = 'See the [guide text](https://example.com/a/very/long/path/that/keeps/going), then more.\n';
	const expected = ['See the guide text', '(https://example.com/a/very/long/path/that/keeps/going),', 'then more.'];
	t.deepEqual(plain(source, 60), expected);
	t.deepEqual(render(source, 60, 'ansi').map(line => stripStyling(line)), expected);
});

test('plain output is the ansi output without its styling, line for line, for every bundled article', t => {
	const folder = path.resolve('articles');
	const files = readdirSync(folder, {recursive: true, encoding: 'utf8'}).filter(name => name.endsWith('.md'));
	t.true(files.length > 5);
	for (const file of files) {
		const source = readFileSync(path.join(folder, file), 'utf8');
		for (const width of [44, 80, 100]) {
			t.deepEqual(render(source, width, 'ansi').map(line => stripStyling(line)), render(source, width, 'plain'), `${file} at ${width}`);
		}
	}
});

test('an empty article takes no minutes to read', t => {
	t.is(parseArticle('', origin).minutes, 0);
	t.is(parseArticle('---\ntitle: x\n---\n', origin).minutes, 0);
	t.is(parseArticle('one word', origin).minutes, 1);
});

test('the bundled manual shows its lists as written: numbers, nesting, task boxes', t => {
	const manual = (name: string) => plain(readFileSync(path.resolve('articles', name), 'utf8'), 80);
	const support = manual('reference/markdown-support.md');
	const numbered = support.filter(line => /^ *\d+\. /.test(line)).map(line => /^ *\d+\./.exec(line)![0]);
	t.deepEqual(numbered, ['1.', '2.', '   1.', '   2.', '3.']);
	t.true(support.includes('   This paragraph belongs to item 3, because it is indented to line up with the'));
	t.deepEqual(support.filter(line => /[☐☑]/.test(line)), ['☑ Write the front matter.', '☑ Add headings for each part.', '☐ Read it in folio at 60 columns.', '  ☑ Check the tables.', '  ☐ Check the long code lines.']);
	t.false(support.some(line => /\[[ xX]\]/.test(line)));
	const reading = manual('guides/reading-long-documents.md').filter(line => /^ *\d+\. /.test(line)).map(line => /^ *\d+\./.exec(line)![0]);
	t.deepEqual(reading, ['1.', '2.', '   1.', '   2.', '3.']);
});

test('a line of 1,200 list markers, or quote markers, renders without overflowing the stack', t => {
	for (const source of [`${'- '.repeat(1200)}x\n`, `${'1. > '.repeat(600)}x\n`]) {
		const lines = plain(source, 80);
		t.true(lines.join('\n').includes('x'));
	}
});

test('the bundled manual renders without raw markup, within the width, and the same in plain and ansi', t => {
	const source = readFileSync(path.resolve('articles', 'reference/markdown-support.md'), 'utf8');
	for (const width of [60, 100, 140]) {
		const lines = render(source, width, 'plain');
		t.deepEqual(render(source, width, 'ansi').map(line => stripStyling(line)), lines, `one layout at ${width}`);
		const text = lines.join('\n');
		t.deepEqual(lines.filter(line => stringWidth(line) > width), [], `every line fits ${width} columns`);
		// Its two HTML comments are for authors only; no list or task marker is left as written.
		t.false(text.includes('editor note'), `comments hidden at ${width}`);
		t.deepEqual(lines.filter(line => /^\s*(?:[*+-] |[*+-] \[[ xX]\])/.test(line) && !line.startsWith('    ')), [], `bullets drawn at ${width}`);
		// The table of inline formatting keeps every row, its words whole.
		t.true(lines.some(line => /^│ ~~strikethrough~~ +│ strikethrough +│$/.test(line)), `the formatting table at ${width}`);
		t.regex(text, /^• Items can contain inline formatting and code\.\n {2}◦ Indent by two spaces to nest\.\n {4}▪ And again, for a third level\./m);
	}
});
