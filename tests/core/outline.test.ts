import test from 'ava';
import {buildOutline, headingText} from '../../source/core/markdown/outline.js';

const titles = (body: string) => buildOutline(body.split('\n')).sections.map(section => [section.depth, section.title, section.slug]);

test('ATX and setext headings are found with their depth', t => {
	t.deepEqual(titles('# One\n\nTwo\n===\n\nThree\n---\n\n#### Four ####\n'), [
		[1, 'One', 'one'], [1, 'Two', 'two'], [2, 'Three', 'three'], [4, 'Four', 'four'],
	]);
});

test('repeated headings get unique GitHub slugs', t => {
	t.deepEqual(buildOutline('## Usage\n## Usage\n### Usage\n## Usage-1\n'.split('\n')).sections.map(section => section.slug), ['usage', 'usage-1', 'usage-2', 'usage-1-1']);
});

test('slugs follow GitHub: lowercase, punctuation dropped, spaces to hyphens, non-Latin kept', t => {
	t.deepEqual(titles('## What\'s new in v2.0?\n## 見出しの例\n## Emoji 🎉 in headings\n').map(row => row[2]), ['whats-new-in-v20', '見出しの例', 'emoji--in-headings']);
});

test('no heading is found inside fenced code, indented code or HTML comments', t => {
	const body = '```md\n# not\n```\n~~~~\n# not\n```\n# still not\n~~~~\n\n    # indented code\n\n<!--\n# commented\n-->\n# Yes\n';
	t.deepEqual(titles(body), [[1, 'Yes', 'yes']]);
});

test('a dash line after a list item or a blank line is not a setext heading', t => {
	t.deepEqual(titles('- item\n---\n\ntext\n\n---\n> quote\n---\n'), []);
});

test('heading text is plain: no emphasis, code marks, links or tags, entities decoded', t => {
	t.is(headingText('The **bold** `code` [link](http://x) <b>tag</b> &amp; more'), 'The bold code link tag & more');
	t.is(headingText('snake_case_name'), 'snake_case_name');
});

test('entities never decode to control characters', t => {
	const text = headingText('a &#27;[31m b &#x9b; c &#7;');
	// eslint-disable-next-line no-control-regex
	t.false(/[\u0000-\u001F\u007F-\u009F]/.test(text));
	t.regex(text, /^a b/);
});

test('blocks split the body at every heading, with the preamble first', t => {
	const outline = buildOutline('intro\n\n# A\ntext\n## B\n'.split('\n'));
	t.deepEqual(outline.blocks.map(({section, startLine, endLine}) => ({section, startLine, endLine})), [
		{section: -1, startLine: 0, endLine: 2},
		{section: 0, startLine: 2, endLine: 4},
		{section: 1, startLine: 4, endLine: 6},
	]);
});

test('reference link definitions are collected for every section', t => {
	const {document} = buildOutline('# A\n[x]\n\n# B\n\n[x]: https://example.com\n'.split('\n'));
	t.is(document.links.x?.href, 'https://example.com');
	t.is(document.definitionSources.get('x'), '[x]: https://example.com');
});

test('a # line inside an HTML block is not a heading, and does not split the block', t => {
	const outline = buildOutline('<details>\n# not a heading\n</details>\n\n# Yes\n'.split('\n'));
	t.deepEqual(outline.sections.map(section => [section.title, section.sourceLine]), [['Yes', 4]]);
	t.deepEqual(outline.blocks.map(({section, startLine, endLine}) => [section, startLine, endLine]), [[-1, 0, 4], [0, 4, 6]]);
});

test('headings after leading blank lines keep their source line', t => {
	t.deepEqual(buildOutline('\n\n# A\n\ntext\n\nB\n-\n'.split('\n')).sections.map(section => [section.title, section.sourceLine]), [['A', 2], ['B', 6]]);
});

test('a heading of 160,000 spaces between two words is read by marked, title trimmed', t => {
	const outline = buildOutline([`# a${' '.repeat(160_000)}b`]);
	t.deepEqual(outline.sections.map(section => section.title), ['a b']);
});
