import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import test from 'ava';
import {parseArticle} from '../../source/core/article/article.js';
import {RenderedArticle} from '../../source/core/markdown/render.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {runFolio} from '../helpers/cli.js';
import {judge, specText, type Example} from '../helpers/conformance.js';

/**
 * The CommonMark spec's examples, and GFM cases of our own, through what `folio cat - --format
 * plain` does: for each, every word of the reference HTML's text must appear in the output in
 * order, and every ordered list must show the numbers the HTML gives it.
 */
const spec = (createRequire(import.meta.url)('commonmark-spec') as {tests: Example[]}).tests;

/**
 * Examples that cannot pass in a terminal, each with the reason. The test also fails when one of
 * them starts passing, so this list never hides a fixed example.
 */
const cannotPassInATerminal = new Map<number, string>([
	// `    3. c` is an indented code block: drawn as code, four spaces in, it reads as a list item
	// numbered 3 to anything that reads plain text, and no terminal can mark it otherwise.
	[313, 'code that reads as a list marker'],
]);

/** GFM constructs CommonMark leaves out, with the HTML GitHub gives them. */
const gfmCases: Array<Example & {expected?: RegExp}> = [
	{number: 1, section: 'Tables', markdown: '| Name | Value |\n| --- | ---: |\n| alpha | 1 |\n| beta | 22 |\n', html: '<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>alpha</td><td>1</td></tr><tr><td>beta</td><td>22</td></tr></tbody></table>', expected: /│ alpha │ {5}1 │/},
	{number: 2, section: 'Tables', markdown: '| a | b |\n|---|---|\n| `code \\| pipe` | **bold** |\n', html: '<table><tr><th>a</th><th>b</th></tr><tr><td><code>code | pipe</code></td><td><strong>bold</strong></td></tr></table>'},
	{number: 3, section: 'Task lists', markdown: '- [ ] to do\n- [x] done\n', html: '<ul><li><input disabled="" type="checkbox"> to do</li><li><input checked="" disabled="" type="checkbox"> done</li></ul>', expected: /^☐ to do\n☑ done$/},
	{number: 4, section: 'Task lists', markdown: '1. [x] first\n2. [ ] second\n', html: '<ol><li><input checked="" disabled="" type="checkbox"> first</li><li><input disabled="" type="checkbox"> second</li></ol>', expected: /^1\. ☑ first\n2\. ☐ second$/},
	{number: 5, section: 'Footnotes', markdown: 'Text[^a] and more[^b].\n\n[^a]: First note.\n[^b]: Second note.\n', html: '<p>Text<sup>1</sup> and more<sup>2</sup>.</p><section><p>First note.</p><p>Second note.</p></section>', expected: /Text\[1] and more\[2]\.[\s\S]*\[1] First note\.[\s\S]*\[2] Second note\./},
	{number: 6, section: 'Strikethrough', markdown: '~~gone~~ and ~kept~ text\n', html: '<p><del>gone</del> and <del>kept</del> text</p>', expected: /^gone and kept text$/},
	{number: 7, section: 'Autolinks', markdown: 'Visit www.commonmark.org/help, https://example.com/a?b=c. or mail foo@bar.example\n', html: '<p>Visit <a href="http://www.commonmark.org/help">www.commonmark.org/help</a>, <a href="https://example.com/a?b=c">https://example.com/a?b=c</a>. or mail <a href="mailto:foo@bar.example">foo@bar.example</a></p>', expected: /https:\/\/example\.com\/a\?b=c\. or mail foo@bar\.example/},
	{number: 8, section: 'Images', markdown: '![A cat on a mat](cat.png "Tom")\n', html: '<p><img src="cat.png" alt="A cat on a mat" title="Tom"></p>', expected: /^🖼 A cat on a mat \(cat\.png\)$/},
	{number: 9, section: 'Inline HTML', markdown: '2<sup>30</sup> and H<sub>2</sub>O\n', html: '<p>2<sup>30</sup> and H<sub>2</sub>O</p>', expected: /^2\^30 and H_2O$/},
];

test.before(async () => {
	await loadTextWidth();
});

/** What `folio cat - --format plain` prints for this Markdown at the default width of a pipe. */
function catPlain(markdown: string): string {
	const rendered = new RenderedArticle(parseArticle(markdown, {kind: 'stdin', id: '-'}), {width: 80, style: 'plain'}).renderAll();
	return rendered.lines.map(line => line + '\n').join('');
}

function failures(examples: Example[]): Array<{example: Example; reason: string}> {
	return examples.flatMap(example => {
		const verdict = judge(example, catPlain(specText(example.markdown)));
		return verdict.pass ? [] : [{example, reason: verdict.reason ?? ''}];
	});
}

test('every CommonMark example keeps its words in order and its list numbers, but for the allow-list', t => {
	const failed = failures(spec);
	const unexpected = failed.filter(({example}) => !cannotPassInATerminal.has(example.number));
	t.deepEqual(unexpected.map(({example, reason}) => `example ${example.number} (${example.section}): ${reason}`), []);
	const fixed = [...cannotPassInATerminal.keys()].filter(number => !failed.some(({example}) => example.number === number));
	t.deepEqual(fixed, [], 'these allow-listed examples pass now: take them off the list');
	t.log(`${spec.length - failed.length} of ${spec.length} CommonMark examples pass`);
});

test('GFM tables, task lists, footnotes, strikethrough, autolinks, images and inline HTML keep their words and shape', t => {
	t.deepEqual(failures(gfmCases).map(({example, reason}) => `${example.section} ${example.number}: ${reason}`), []);
	for (const example of gfmCases) {
		if (example.expected) {
			t.regex(catPlain(example.markdown).trimEnd(), example.expected, `${example.section} ${example.number}`);
		}
	}
});

test('the README states the pass counts this test measures', t => {
	const passed = spec.length - failures(spec).length;
	const readme = readFileSync('README.md', 'utf8');
	t.true(readme.includes(`${passed} of ${spec.length} CommonMark examples`), `README should say "${passed} of ${spec.length} CommonMark examples"`);
	t.true(readme.includes(`${gfmCases.length} of ${gfmCases.length} GFM cases`), `README should say "${gfmCases.length} of ${gfmCases.length} GFM cases"`);
});

test('the examples render through folio cat - --format plain exactly as this test renders them', async t => {
	const sample = [...spec.filter(example => example.number % 60 === 1), ...gfmCases];
	const results = await Promise.all(sample.map(async example => ({example, result: await runFolio(t, ['cat', '-', '--format', 'plain'], {input: specText(example.markdown)})})));
	for (const {example, result} of results) {
		t.is(result.status, 0, result.stderr);
		t.is(result.stdout, catPlain(specText(example.markdown)), `example ${example.section} ${example.number}`);
	}
});
