import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import stringWidth from 'string-width';
import {articlesFolder, fixture, outputLines, runFolio, stripSgr, temporaryFolder} from '../helpers/cli.js';

const widths = [20, 33, 40, 80, 120];
const styles = [['--format', 'plain'], ['--format', 'ansi', '--color']];

/** Every bundled article's body (front matter removed), one after another, as one document. */
function bundledArticlesAsOne(t: ExecutionContext): string {
	const files = readdirSync(articlesFolder, {recursive: true, encoding: 'utf8'}).filter(name => name.endsWith('.md')).sort();
	const bodies = files.map(name => readFileSync(path.join(articlesFolder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
	const file = path.join(temporaryFolder(t), 'all-articles.md');
	writeFileSync(file, bodies.join('\n\n'));
	return file;
}

async function checkWidths(t: ExecutionContext, file: string): Promise<void> {
	await Promise.all(widths.flatMap(width => styles.map(async style => {
		const result = await runFolio(t, ['cat', file, '--width', String(width), ...style]);
		t.is(result.status, 0, result.stderr);
		const lines = outputLines(result.stdout);
		t.true(lines.length > 20);
		const tooWide = lines.filter(line => stringWidth(stripSgr(line)) > width);
		t.deepEqual(tooWide, [], `${style.join(' ')} --width ${width}`);
		// Tabs are expanded: no control character but newline, even in code blocks.
		// eslint-disable-next-line no-control-regex
		t.false(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/.test(stripSgr(result.stdout)), `${style.join(' ')} --width ${width}`);
	})));
}

test('every line fits the width with CJK, joined emoji, combining marks, tabs, wide tables, long URLs and words, nested lists', async t => {
	await checkWidths(t, fixture('international.md'));
});

test('every line of every bundled article fits the width', async t => {
	await checkWidths(t, bundledArticlesAsOne(t));
});

test('without --width a pipe gets 80 columns', async t => {
	const [defaulted, eighty] = await Promise.all([
		runFolio(t, ['cat', fixture('international.md')]),
		runFolio(t, ['cat', fixture('international.md'), '--width', '80']),
	]);
	t.is(defaulted.status, 0);
	t.is(defaulted.stdout, eighty.stdout);
});

/** `folio cat -` of `source`, plain and ansi at `width`: it succeeds, shows `shown`, and no line is wider. */
async function catFitsShowing(t: ExecutionContext, source: string, width: number, shown: string): Promise<void> {
	await Promise.all(['plain', 'ansi'].map(async format => {
		const result = await runFolio(t, ['cat', '-', '--format', format, '--color', '--width', String(width)], {input: source});
		t.is(result.status, 0, result.stderr);
		t.true(stripSgr(result.stdout).includes(shown), result.stdout);
		t.deepEqual(outputLines(stripSgr(result.stdout)).filter(line => stringWidth(line) > width), []);
	}));
}

test('text that counting cannot measure (joined emoji, combining marks), with no image or entity, is measured too', async t => {
	// Every character here but the joined ones is counted: only these need string-width's tables.
	const source = '# Family\n\nA family 👨‍👩‍👧 waves, and e\u0301 combines, ≤ “quoted” — in a line long enough that it has to wrap at forty columns.\n';
	await catFitsShowing(t, source, 40, '👨‍👩‍👧 waves');
});

test('entities and emoji shortcodes that turn into wide characters are measured too', async t => {
	// No wide character in the source, nor in the title: only rendering makes them.
	const source = '## Kana &#12354;&#x3044;\n\nHiragana &#12354;&#x3044;&#12358; emoji &#x1F600; shortcodes :smile: :rocket: and a NUL entity &#0; in text.\n\n<div>\nBlock &#x1F680; &#27;\n</div>\n';
	await catFitsShowing(t, source, 20, 'あいう');
	const toc = await runFolio(t, ['toc', '-', '--json', '--width', '20'], {input: source});
	t.is(toc.status, 0, toc.stderr);
	t.is((JSON.parse(toc.stdout) as Array<{title: string}>)[0]?.title, 'Kana あい');
});
