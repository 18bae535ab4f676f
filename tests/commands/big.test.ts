import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import stringWidth from 'string-width';
import {outputLines, runFolio, stripSgr, writeLibrary, type RunResult} from '../helpers/cli.js';

// Each of these must finish in a few seconds; a run past 20 s is killed and fails.
const timeout = 20_000;

function article(t: ExecutionContext, content: string | Buffer): string {
	return path.join(writeLibrary(t, {'strange.md': content}), 'strange.md');
}

function assertFinished(t: ExecutionContext, result: RunResult, label: string): void {
	t.false(result.timedOut, `${label} was still running after ${timeout / 1000} s`);
	t.is(result.status, 0, `${label}: ${result.stderr}`);
	t.is(result.stderr, '', label);
}

function assertFits(t: ExecutionContext, text: string, width: number, label: string): void {
	const tooWide = outputLines(stripSgr(text)).filter(line => stringWidth(line) > width);
	t.deepEqual(tooWide.slice(0, 3), [], label);
}

/** Render as plain and as colour at `width`; both must finish, fit, and keep every word. */
async function renderBoth(t: ExecutionContext, file: string, width: number, words: string): Promise<void> {
	const [plain, ansi] = await Promise.all([
		runFolio(t, ['cat', file, '--width', String(width)], {timeout}),
		runFolio(t, ['cat', file, '--width', String(width), '--color'], {timeout}),
	]);
	for (const [label, result] of [['plain', plain], ['ansi', ansi]] as const) {
		assertFinished(t, result, label);
		assertFits(t, result.stdout, width, label);
		t.is(stripSgr(result.stdout).replace(/\s+/g, ''), words, `${label} lost or changed text`);
	}
}

test('a 300 KB single line wraps to the width and keeps every word', async t => {
	const line = Array.from({length: 40_000}, (_, index) => `word${index % 97}`).join(' ').slice(0, 300_000).trimEnd();
	await renderBoth(t, article(t, line), 40, line.replace(/\s+/g, ''));
});

test('a 300 KB word with no space breaks across lines and keeps every character', async t => {
	const word = 'abcdefghij'.repeat(30_000);
	await renderBoth(t, article(t, word), 33, word);
});

test('a list nested 200 deep renders within the width', async t => {
	const items = Array.from({length: 200}, (_, depth) => `${'  '.repeat(depth)}- level${depth}`);
	const file = article(t, items.join('\n') + '\n');
	const [plain, ansi] = await Promise.all([
		runFolio(t, ['cat', file, '--width', '40'], {timeout}),
		runFolio(t, ['cat', file, '--width', '40', '--color'], {timeout}),
	]);
	for (const [label, result] of [['plain', plain], ['ansi', ansi]] as const) {
		assertFinished(t, result, label);
		assertFits(t, result.stdout, 40, label);
		const text = stripSgr(result.stdout);
		t.true(text.includes('level0') && text.includes('level199'), label);
	}
});

test('a quote nested 200 deep renders within the width', async t => {
	const lines = Array.from({length: 200}, (_, depth) => `${'>'.repeat(depth + 1)} quote${depth}`);
	const file = article(t, lines.join('\n') + '\n');
	const [plain, ansi] = await Promise.all([
		runFolio(t, ['cat', file, '--width', '40'], {timeout}),
		runFolio(t, ['cat', file, '--width', '40', '--color'], {timeout}),
	]);
	for (const [label, result] of [['plain', plain], ['ansi', ansi]] as const) {
		assertFinished(t, result, label);
		assertFits(t, result.stdout, 40, label);
		t.true(stripSgr(result.stdout).includes('quote199'), label);
	}
});

test('5,000 headings get unique slugs and toc --json lines that match cat', async t => {
	const headings = Array.from({length: 5000}, (_, index) => `${'#'.repeat(1 + (index % 6))} Heading ${index % 50}\n\nText ${index}.\n`);
	const file = article(t, headings.join('\n'));
	const [toc, cat, text] = await Promise.all([
		runFolio(t, ['toc', file, '--json'], {timeout}),
		runFolio(t, ['cat', file, '--format', 'plain'], {timeout}),
		runFolio(t, ['toc', file], {timeout}),
	]);
	assertFinished(t, toc, 'toc --json');
	assertFinished(t, cat, 'cat');
	assertFinished(t, text, 'toc');
	const sections = JSON.parse(toc.stdout) as Array<{depth: number; title: string; slug: string; line: number}>;
	t.is(sections.length, 5000);
	t.is(new Set(sections.map(section => section.slug)).size, 5000);
	t.deepEqual(sections.slice(0, 2).map(section => section.slug), ['heading-0', 'heading-1']);
	t.is(sections[50].slug, 'heading-0-1');
	const lines = outputLines(cat.stdout);
	t.deepEqual(sections.filter(section => lines[section.line] !== `${'#'.repeat(section.depth)} ${section.title}`), []);
	t.is(outputLines(text.stdout).length, 5000);
});

test('a file of only front matter, 10,000 tags long, lists and reads', async t => {
	const tags = Array.from({length: 10_000}, (_, index) => `  - tag${index}`).join('\n');
	const file = article(t, `---\ntitle: Only front matter\nsummary: ${'long '.repeat(20_000)}\ntags:\n${tags}\n---\n`);
	const [json, plain, list] = await Promise.all([
		runFolio(t, ['cat', file, '--format', 'json'], {timeout}),
		runFolio(t, ['cat', file], {timeout}),
		runFolio(t, ['--dir', path.dirname(file), 'list', '--json'], {timeout}),
	]);
	assertFinished(t, json, 'cat --format json');
	assertFinished(t, plain, 'cat');
	assertFinished(t, list, 'list --json');
	const details = JSON.parse(json.stdout) as {title: string; tags: string[]; sections: unknown[]};
	t.is(details.title, 'Only front matter');
	t.is(details.tags.length, 10_000);
	t.deepEqual(details.sections, []);
	t.is(plain.stdout.trim(), '');
	t.is((JSON.parse(list.stdout) as Array<{tags: string[]}>)[0].tags.length, 10_000);
});

test('a large file with NUL bytes is refused as binary', async t => {
	const content = Buffer.concat([Buffer.from('# Title\n\u0000\n'), Buffer.alloc(300_000, 'a\u0000b\n')]);
	const file = article(t, content);
	const result = await runFolio(t, ['cat', file], {timeout});
	t.false(result.timedOut);
	t.is(result.status, 1);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^folio: [^\n]*binary[^\n]*\n$/);
});
