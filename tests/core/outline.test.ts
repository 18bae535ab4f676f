import {readdirSync, readFileSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import test from 'ava';
import fc from 'fast-check';
import {normaliseSource} from '../../source/core/article/article.js';
import {splitFrontMatter} from '../../source/core/article/front-matter.js';
import {guardMarkdown} from '../../source/core/article/input-guard.js';
import {buildOutline, headingText, quickSections} from '../../source/core/markdown/outline.js';

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

/** Every Markdown file of the bundled library and of node_modules (pinned by the lockfile), as its body's lines. */
function realBodies(): Array<{file: string; lines: string[]}> {
	const found: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, {withFileTypes: true})) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) {
				walk(file);
			} else if (entry.isFile() && /\.md$/i.test(entry.name) && statSync(file).size < 300_000) {
				found.push(file);
			}
		}
	};

	walk(path.resolve('articles'));
	walk(path.resolve('node_modules'));
	return found.map(file => {
		const {body} = splitFrontMatter(normaliseSource(readFileSync(file, 'utf8')));
		return {file, lines: guardMarkdown(body).text.split('\n')};
	});
}

const asQuick = (lines: string[]) => buildOutline(lines).sections.map(({depth, title, sourceLine}) => ({depth, title, sourceLine}));

test('the quick scan of headings, where it answers, finds what marked finds in every real Markdown file here', t => {
	const bodies = realBodies();
	t.true(bodies.length > 300, `${bodies.length} files`);
	const answered = bodies.filter(({lines}) => quickSections(lines) !== undefined);
	// It must answer for ordinary files, or the index gains nothing.
	t.true(answered.length > bodies.length / 3, `answered ${answered.length} of ${bodies.length}`);
	const wrong = answered.filter(({lines}) => JSON.stringify(quickSections(lines)) !== JSON.stringify(asQuick(lines))).map(({file}) => file);
	t.deepEqual(wrong, []);
});

const tricky = ['[a\\]b]: /u "', '[a', ']: /u', '"t\\"', '\u00A0', ' ````', '```\u00A0', '1. Install:', '   ```sh', '   npm i', '# Title', '## Sub #', '### closed ###', '#not', '####### seven', '#', '# a `code` & *em*', '# see [x][y]', '  # indented', 'Setext', '===', '---', '```', '~~~', '````js', '  ```', '<div>', '<!--', '-->', '[y]: /url', '[y]: /url "title', '"more"', '- item', '  - nested', '> quote', '    code', '', '', 'text line', '| a | b |', '|---|---|', '[^1]: note', 'a <!-- b', '# \\# escaped', '> # q', '>', '- # li', '* * *', '- [ ] task', '    ```', '  ~~~', '[x]: <a b>', '[x]: /u (t)', "[x]: /u 'q", '  [z]: /u', '\\# not', '# x \\', '#\ty', '  >', '1) a', '10. b', '    - deep'];

test('the quick scan, where it answers, agrees with marked on documents made of awkward lines', t => {
	fc.assert(fc.property(fc.array(fc.constantFrom(...tricky), {minLength: 8, maxLength: 30}), chosen => {
		const quick = quickSections(chosen);
		if (quick !== undefined) {
			t.deepEqual(quick, asQuick(chosen), JSON.stringify(chosen.join('\n')));
		}
	}), {numRuns: 3000});
});

test('the quick scan, where it answers, agrees with marked on every CommonMark spec example and on shapes it once got wrong', t => {
	const spec = (createRequire(import.meta.url)('commonmark-spec') as {tests: Array<{markdown: string}>}).tests.map(example => example.markdown);
	// A fence in a list item closed at a shallower indent (marked ends the item and opens a
	// fence there); definitions with escapes or over several lines; a no-break space line.
	const once = [
		'- a\n  ```\n```\n# x', '1. Install:\n   ```sh\n   npm i\n```\n\n# Usage\n\nText\n\n```js\nx\n```\n\n# API',
		'[a\\]b]: /u "\n# x\n"', '[a]: /u "t\\"\n# x\n"', '[a\n# x\n]: /u', '[a\nb]: /u "\n# x\n"', 'a\n\n\u00A0\n===', '```\ncode\n```\u00A0\n# x\n```',
		'[a\n``` \n   npm i\n]: /u\n[a\n# \\# escaped\n~~~\n# \\# escaped\n1. Install:',
	];
	let answered = 0;
	for (const markdown of [...spec, ...once]) {
		const lines = markdown.replace(/\n$/, '').split('\n');
		const quick = quickSections(lines);
		if (quick !== undefined) {
			answered++;
			t.deepEqual(quick, asQuick(lines), JSON.stringify(markdown));
		}
	}

	t.true(answered > spec.length / 2, `answered ${answered}`);
});

test('a heading line of 400,000 #s is read as marked reads it, without backtracking (a quadratic scan would outlast the test timeout)', t => {
	const line = `# x ${'#'.repeat(400_000)} y #`;
	t.deepEqual(quickSections([line])?.map(section => section.title.length), [asQuick([line])[0].title.length]);
});
