import {readFileSync, symlinkSync} from 'node:fs';
import test, {type ExecutionContext} from 'ava';
import {fixture, runFolio, writeLibrary, type RunResult} from '../helpers/cli.js';

/** How a message can name a limit of 1000 bytes. */
const namesThousandBytes = /\b1,?000 (bytes|B)\b|\b1(\.0)? ?kB\b|\b0\.98 KiB\b/i;

/** A failure: the exit code, nothing on stdout, one `folio: ` line on stderr, no stack trace. */
function assertFailure(t: ExecutionContext, result: RunResult, status: number): string {
	t.is(result.status, status, result.stderr);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^folio: [^\n]+\n$/);
	t.false(/^\s+at /m.test(result.stderr), result.stderr);
	t.false(result.stderr.includes('unexpected error'), result.stderr);
	return result.stderr;
}

test('an unknown article exits 1 naming the closest ids', async t => {
	const message = assertFailure(t, await runFolio(t, ['cat', 'guides/kes']), 1);
	t.true(message.includes('guides/kes'), message);
	t.true(message.includes('guides/keys'), message);
});

test('an unknown article in toc exits 1 the same way', async t => {
	const message = assertFailure(t, await runFolio(t, ['toc', 'reference/comands']), 1);
	t.true(message.includes('reference/commands'), message);
});

test('an unknown section exits 1 listing the sections that exist', async t => {
	const message = assertFailure(t, await runFolio(t, ['cat', fixture('sections.md'), '--section', 'nowhere']), 1);
	t.true(message.includes('nowhere'), message);
	for (const slug of ['install', 'from-npm', 'usage', 'examples', 'examples-1']) {
		t.true(message.includes(slug), `${slug} in ${message}`);
	}
});

test('a section name with a newline still fails on one line', async t => {
	assertFailure(t, await runFolio(t, ['cat', fixture('sections.md'), '--section', 'no\nsuch']), 1);
});

test('a binary file exits 1 saying it is binary', async t => {
	const library = writeLibrary(t, {'nul.md': '# Title\n\nsome\u0000text\n'});
	const message = assertFailure(t, await runFolio(t, ['--dir', library, 'cat', 'nul']), 1);
	t.regex(message, /binary/);
	assertFailure(t, await runFolio(t, ['cat', '-'], {input: Buffer.from([0x23, 0x20, 0x00, 0x0A])}), 1);
});

test('a broken symbolic link opened by id exits 1', async t => {
	const library = writeLibrary(t, {'good.md': '# Good\n'});
	symlinkSync('missing.md', `${library}/dangling.md`);
	assertFailure(t, await runFolio(t, ['--dir', library, 'cat', 'dangling']), 1);
});

test('invalid UTF-8 is shown as U+FFFD with one warning line, exit 0', async t => {
	const library = writeLibrary(t, {'latin1.md': Buffer.from('# Caf\u00E9\n\nna\u00EFve text\n', 'latin1')});
	const result = await runFolio(t, ['--dir', library, 'cat', 'latin1']);
	t.is(result.status, 0);
	t.is(result.stdout, '# Caf\uFFFD\n\nna\uFFFDve text\n');
	t.regex(result.stderr, /^folio: warning: [^\n]+\n$/);
});

test('invalid UTF-8 on stdin is shown as U+FFFD with one warning line, exit 0', async t => {
	const result = await runFolio(t, ['cat', '-'], {input: Buffer.from([0x61, 0x20, 0xFF, 0xFE, 0x20, 0x62, 0x0A])});
	t.is(result.status, 0);
	t.is(result.stdout, 'a \uFFFD\uFFFD b\n');
	t.regex(result.stderr, /^folio: warning: [^\n]+\n$/);
});

const usageErrors: Array<[string, string[]]> = [
	['an unknown flag', ['cat', 'guides/keys', '--bogus']],
	['an unknown short flag', ['cat', 'guides/keys', '-x']],
	['--width 5', ['cat', 'guides/keys', '--width', '5']],
	['--width 19', ['toc', 'guides/keys', '--width', '19']],
	['--width abc', ['cat', 'guides/keys', '--width', 'abc']],
	['--width 20.5', ['cat', 'guides/keys', '--width', '20.5']],
	['--format xml', ['cat', 'guides/keys', '--format', 'xml']],
	['two articles', ['cat', 'guides/keys', 'getting-started']],
	['two articles to toc', ['toc', 'guides/keys', 'getting-started']],
	['two articles without a command', ['guides/keys', 'getting-started']],
	['cat without an article', ['cat']],
	['--width without a value', ['cat', 'guides/keys', '--width']],
	['--section without a value', ['cat', 'guides/keys', '--section']],
];

for (const [name, args] of usageErrors) {
	test(`${name} is a usage error: exit 2`, async t => {
		assertFailure(t, await runFolio(t, args), 2);
	});
}

test('an empty --section names no section: it fails instead of printing the whole article', async t => {
	const result = await runFolio(t, ['cat', 'guides/keys', '--section=']);
	t.not(result.status, 0);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^folio: [^\n]+\n$/);
});

test('a usage error wins over a missing article', async t => {
	assertFailure(t, await runFolio(t, ['cat', 'no/such/article', '--format', 'xml']), 2);
});

test('a file over FOLIO_MAX_BYTES exits 1 with a line naming the limit', async t => {
	const file = 'articles/guides/keys.md';
	t.true(readFileSync(file).length > 1000);
	for (const args of [['cat', file], ['cat', 'guides/keys'], ['toc', 'guides/keys', '--json']]) {
		const message = assertFailure(t, await runFolio(t, args, {env: {FOLIO_MAX_BYTES: '1000'}}), 1);
		t.regex(message, namesThousandBytes, message);
	}
});

test('stdin over FOLIO_MAX_BYTES exits 1 with a line naming the limit', async t => {
	const input = readFileSync('articles/guides/keys.md');
	const message = assertFailure(t, await runFolio(t, ['cat', '-'], {input, env: {FOLIO_MAX_BYTES: '1000'}}), 1);
	t.regex(message, namesThousandBytes, message);
});

test('a folder given as the article exits 1', async t => {
	assertFailure(t, await runFolio(t, ['cat', 'guides']), 1);
	assertFailure(t, await runFolio(t, ['cat', './articles/guides']), 1);
	assertFailure(t, await runFolio(t, ['toc', `${process.cwd()}/articles`]), 1);
});

test('a library folder that does not exist exits 1', async t => {
	assertFailure(t, await runFolio(t, ['--dir', '/nonexistent/folio-library', 'list']), 1);
});

test('an option the command does not take is a usage error naming it, with what to use instead', async t => {
	const cases: Array<[string[], RegExp]> = [
		[['cat', 'guides/keys', '--json'], /^folio: cat does not take --json; use --format json/],
		[['toc', 'guides/keys', '--format', 'json'], /^folio: toc does not take --format; use --json/],
		[['list', '--width', '50'], /^folio: list does not take --width \(/],
		[['stats', '--limit', '3'], /^folio: stats does not take --limit \(/],
		[['reset', '--json'], /^folio: reset does not take --json \(/],
		[['--section', 'x'], /^folio: folio does not take --section/],
		[['--width', '60'], /^folio: folio does not take --width; the reader fits the terminal/],
	];
	for (const [argv, message] of cases) {
		t.regex(assertFailure(t, await runFolio(t, argv), 2), message, argv.join(' '));
	}

	// What each command does take still works, the global options everywhere.
	t.is((await runFolio(t, ['toc', 'guides/keys', '--json', '--width', '60', '--dir', 'articles'])).status, 0);
	t.is((await runFolio(t, ['guides/keys', '--width', '60', '--section', 'tips'])).status, 0, 'folio ARTICLE in a pipe is cat, and takes its options');
	// The display options override the settings for one run wherever they apply: an alias can set them before any command.
	for (const argv of [['--theme', 'light', 'list'], ['--no-color', 'search', 'keys'], ['--max-width', '80', 'toc', 'guides/keys'], ['--color', 'guides/keys'], ['--theme', 'mono']]) {
		t.is((await runFolio(t, argv)).status, 0, argv.join(' '));
	}
});

test('a folder, a file that is not Markdown and a path to nothing each say what they are', async t => {
	const folder = writeLibrary(t, {'notes.txt': 'text\n', 'sub/a.md': '# A\n'});
	t.regex(assertFailure(t, await runFolio(t, ['cat', folder]), 1), /is a folder, not an article \(folio --dir with it opens it as a library\)\n$/);
	t.regex(assertFailure(t, await runFolio(t, ['cat', `${folder}/notes.txt`]), 1), /notes\.txt is not a Markdown file: folio opens \.md and \.markdown files\n$/);
	t.regex(assertFailure(t, await runFolio(t, ['cat', `${folder}/missing`]), 1), /^folio: no file .*missing\n$/);
	t.regex(assertFailure(t, await runFolio(t, ['cat', './missing-here']), 1), /^folio: no file \.\/missing-here\n$/);
	t.regex(assertFailure(t, await runFolio(t, ['cat', 'missing.md']), 1), /^folio: no file or article missing\.md; closest: /);
});

test('every example in folio --help runs', async t => {
	const help = (await runFolio(t, ['--help'])).stdout;
	const examples = help.slice(help.indexOf('Examples')).split('\n').filter(line => line.trim().startsWith('$ folio '));
	t.true(examples.length >= 2, help);
	for (const example of examples) {
		// The folio part of each, up to a pipe; quoted words stay one argument.
		const words = [...example.trim().slice('$ folio '.length).split('|')[0].matchAll(/"([^"]*)"|(\S+)/g)].map(match => match[1] ?? match[2]);
		const result = await runFolio(t, words, {input: '# Notes\n\nFrom stdin.\n'});
		t.is(result.status, 0, `${example}: ${result.stderr}`);
		t.not(result.stdout, '', example);
	}
});

test('a width out of range and a width that is no number get the same message, naming the range', async t => {
	for (const width of ['5', 'abc', '20000']) {
		t.regex(assertFailure(t, await runFolio(t, ['cat', 'guides/keys', '--width', width]), 2), new RegExp(`^folio: Expected --width to be a whole number from 20 to 10000, got ${width}\\n$`));
	}
});
