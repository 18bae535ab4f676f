import test from 'ava';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {parseArticle} from '../../source/core/article.js';
import {renderArticle} from '../../source/core/render.js';
import {stripStyling} from '../../source/core/sanitize.js';
import {loadTextWidth} from '../../source/core/text-width.js';

test.before(async () => {
	await loadTextWidth();
});

// Pieces a hostile or merely international document is made of.
const fragments = [
	'\u001B]0;pwned\u0007', '\u001B[31m', '\u001B[2J', '\u001BP1;2|x\u001B\\', '\u0007', '\u0008', '\u009B31m', '\u0090', '\r',
	'&#27;', '&#x1b;[1m', '&#155;', '&#7;', '&#0;', '&amp;', '&lt;script&gt;',
	'中文', '日本語', '한국어', '👍', '👨‍👩‍👧', '👋🏽', '🇯🇵', 'e\u0301', '\u200B', '\u200D', '\t', '  ',
	'**bold**', '_em_', '`code`', '~~del~~', '[link](http://x/\u001B]8;;y\u0007)', '<b>tag</b>', '<!-- c -->',
	'averyveryverylongwordwithoutanyspacesatallthatmustbreak', 'https://example.com/some/long/path/to/something',
];
const lineStarts = ['', '# ', '## ', '### ', '#### ', '- ', '  - ', '    - ', '1. ', '> ', '> > ', '    ', '| ', '```\n', '~~~js\n', '- [ ] ', '---\n', ''];

const line = fc.tuple(fc.constantFrom(...lineStarts), fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({maxLength: 12}), fc.string({unit: 'binary', maxLength: 6})), {maxLength: 12}))
	.map(([start, parts]) => start + parts.join(' '));
const table = fc.array(fc.array(fc.constantFrom(...fragments, 'x', 'cell text'), {minLength: 2, maxLength: 5}), {minLength: 1, maxLength: 4})
	.map(rows => {
		const columns = rows[0].length;
		const row = (cells: string[]) => `| ${Array.from({length: columns}, (_, index) => (cells[index] ?? '').replace(/\|/g, '')).join(' | ')} |`;
		return [row(rows[0]), `|${'---|'.repeat(columns)}`, ...rows.slice(1).map(cells => row(cells))].join('\n');
	});
const document = fc.array(fc.oneof({weight: 4, arbitrary: line}, {weight: 1, arbitrary: table}), {maxLength: 30}).map(lines => lines.join('\n'));
const frontMatter = fc.option(fc.constantFrom(...fragments).map(value => `---\ntitle: "${value.replace(/"/g, '')}"\nsummary: x\n---\n`), {nil: ''});

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

test('for any document and any width from 20, no line is wider than the width', t => {
	fc.assert(fc.property(frontMatter, document, fc.integer({min: 20, max: 140}), fc.constantFrom('plain', 'ansi' as const), (head, body, width, style) => {
		const lines = renderArticle(parseArticle(head + body, {kind: 'stdin', id: '-'}), {width, style: style as 'plain' | 'ansi'}).lines;
		for (const rendered of lines) {
			const columns = stringWidth(stripStyling(rendered));
			if (columns > width) {
				throw new Error(`line of ${columns} columns at width ${width}: ${JSON.stringify(rendered)}`);
			}
		}
	}), {numRuns: 150});
	t.pass();
});

test('for any document, plain output has no control character and ansi output only SGR styling', t => {
	fc.assert(fc.property(frontMatter, document, (head, body) => {
		const article = parseArticle(head + body, {kind: 'stdin', id: '-'});
		for (const rendered of renderArticle(article, {width: 60, style: 'plain'}).lines) {
			if (controls.test(rendered)) {
				throw new Error(`plain: ${JSON.stringify(rendered)}`);
			}
		}

		for (const rendered of renderArticle(article, {width: 60, style: 'ansi'}).lines) {
			// eslint-disable-next-line no-control-regex
			if (controls.test(rendered.replace(/\u001B\[[\d;]*m/g, ''))) {
				throw new Error(`ansi: ${JSON.stringify(rendered)}`);
			}
		}

		for (const text of [article.title, article.summary ?? '', ...article.tags, ...article.outline.sections.map(section => section.title)]) {
			if (controls.test(text)) {
				throw new Error(`metadata: ${JSON.stringify(text)}`);
			}
		}
	}), {numRuns: 150});
	t.pass();
});
