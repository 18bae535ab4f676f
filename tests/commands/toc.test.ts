import test, {type ExecutionContext} from 'ava';
import {fixture, outputLines, runFolio} from '../helpers/cli.js';

type TocEntry = {depth: number; title: string; slug: string; line: number};

const widths = [20, 40, 80, 120];

async function tocJson(t: ExecutionContext, article: string, width?: number): Promise<TocEntry[]> {
	const result = await runFolio(t, ['toc', article, '--json', ...(width ? ['--width', String(width)] : [])]);
	t.is(result.status, 0, result.stderr);
	return JSON.parse(result.stdout) as TocEntry[];
}

/**
 * Check that each `line` of `toc --json` is the heading's line in `cat --format plain` at the same
 * width: the line starts with the heading's `#`s and the beginning of its title (it may wrap).
 */
async function checkHeadingLines(t: ExecutionContext, article: string, width: number): Promise<void> {
	const [toc, cat] = await Promise.all([
		tocJson(t, article, width),
		runFolio(t, ['cat', article, '--format', 'plain', '--width', String(width)]),
	]);
	t.is(cat.status, 0, cat.stderr);
	const lines = outputLines(cat.stdout);
	for (const entry of toc) {
		const prefix = `${'#'.repeat(entry.depth)} `;
		const line = lines[entry.line] ?? '';
		const head = (prefix + [...entry.title].slice(0, 4).join('')).trimEnd();
		t.true(line.startsWith(head), `${article} at ${width}: line ${entry.line} is ${JSON.stringify(line)}, expected ${JSON.stringify(prefix + entry.title)}`);
	}
}

test('toc prints the outline indented two spaces per level', async t => {
	const result = await runFolio(t, ['toc', fixture('sections.md')]);
	t.is(result.status, 0);
	t.is(result.stderr, '');
	t.is(result.stdout, [
		'Sections fixture',
		'  Install',
		'    From npm',
		'    From source',
		'  Usage',
		'  Examples',
		'  Examples',
		'',
	].join('\n'));
});

test('toc --json gives depth, title, slug and the heading\'s line in cat --format plain', async t => {
	t.deepEqual(await tocJson(t, fixture('sections.md'), 40), [
		{depth: 1, title: 'Sections fixture', slug: 'sections-fixture', line: 0},
		{depth: 2, title: 'Install', slug: 'install', line: 4},
		{depth: 3, title: 'From npm', slug: 'from-npm', line: 8},
		{depth: 3, title: 'From source', slug: 'from-source', line: 12},
		{depth: 2, title: 'Usage', slug: 'usage', line: 16},
		{depth: 2, title: 'Examples', slug: 'examples', line: 20},
		{depth: 2, title: 'Examples', slug: 'examples-1', line: 24},
	]);
});

test('slugs are GitHub-compatible and unique, and headings in code are not headings', async t => {
	const toc = await tocJson(t, fixture('slugs.md'));
	t.deepEqual(toc.map(entry => [entry.depth, entry.title, entry.slug]), [
		[1, 'Slugs', 'slugs'],
		[2, 'Examples', 'examples'],
		[2, 'Examples', 'examples-1'],
		[2, 'Examples', 'examples-2'],
		[2, 'Examples 1', 'examples-1-1'],
		[2, 'C++ & Rust!', 'c--rust'],
		[2, 'What\'s new?', 'whats-new'],
		[2, 'Héllo Wörld', 'héllo-wörld'],
		[2, 'Emoji 🎉 party', 'emoji--party'],
		[2, '日本語の見出し', '日本語の見出し'],
		[2, 'code and em', 'code-and-em'],
		[2, 'Closed heading', 'closed-heading'],
		[2, 'Setext heading', 'setext-heading'],
	]);
});

test('toc renders at 80 columns in a pipe when no --width is given', async t => {
	const article = 'internals/how-folio-renders';
	t.deepEqual(await tocJson(t, article), await tocJson(t, article, 80));
});

test('toc of an article without headings is empty', async t => {
	const [text, json] = await Promise.all([
		runFolio(t, ['toc', '-'], {input: 'Just a paragraph.\n'}),
		runFolio(t, ['toc', '-', '--json'], {input: 'Just a paragraph.\n'}),
	]);
	t.deepEqual([text.status, text.stdout, text.stderr], [0, '', '']);
	t.deepEqual([json.status, JSON.parse(json.stdout), json.stderr], [0, [], '']);
});

test('toc lines point at the headings of cat --format plain for every bundled article at widths 20, 40, 80 and 120', async t => {
	const list = await runFolio(t, ['list', '--json']);
	const ids = (JSON.parse(list.stdout) as Array<{id: string}>).map(row => row.id);
	t.true(ids.length >= 10);
	await Promise.all(ids.flatMap(id => widths.map(async width => checkHeadingLines(t, id, width))));
});

test('toc lines point at the headings of cat --format plain for wide, joined and long-titled text', async t => {
	await Promise.all(widths.map(async width => checkHeadingLines(t, fixture('international.md'), width)));
});

test('toc lines point at the headings of cat --format plain for setext, empty, inline-styled and interrupting headings', async t => {
	await Promise.all(widths.map(async width => checkHeadingLines(t, fixture('headings.md'), width)));
});

test('toc finds the headings CommonMark finds, and none in code, comments or indented blocks', async t => {
	const toc = await tocJson(t, fixture('headings.md'));
	t.deepEqual(toc.map(entry => [entry.depth, entry.title]), [
		[1, 'Preamble paragraph. Setext across two lines'],
		[2, 'A heading with code, bold, em, a link and html'],
		[2, 'Heading right after a list'],
		[2, 'Heading right after a table'],
		[2, 'Heading right after a fence'],
		[2, 'Heading right after a quote'],
		[2, 'Heading interrupting a paragraph'],
		[2, ''],
		[2, '#escaped hash and *stars*'],
		[2, '🎉'],
		[3, 'A very long heading title that certainly has to wrap when the terminal is only twenty columns wide'],
		[2, 'After the comment'],
		[3, 'Indented three spaces'],
		[2, 'Trailing hashes'],
		[2, 'Paragraph'],
		[2, 'After rules'],
	]);
});

test('a # line inside an HTML block is not a heading, as marked reads it', async t => {
	const result = await runFolio(t, ['toc', '-', '--json'], {input: '<details>\n<summary>More</summary>\n# not a heading\n</details>\n\n# Real\n\ntext\n'});
	t.is(result.status, 0, result.stderr);
	t.deepEqual((JSON.parse(result.stdout) as TocEntry[]).map(entry => [entry.title, entry.line]), [['Real', 3]]);
});
