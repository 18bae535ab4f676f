import {symlinkSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {runFolio, runShell, writeLibrary} from '../helpers/cli.js';

const noStack = /\n\s+at |node:internal|Error: /;

for (const args of [['--help'], ['--version'], ['list'], ['stats'], ['cat', 'guides/keys']]) {
	test(`folio ${args.join(' ')} into a pipe closed at once exits 0 with nothing on stderr`, async t => {
		const result = await runShell(t, `folio ${args.join(' ')} | true; echo "status=\${PIPESTATUS[0]}" >&2`);
		t.regex(result.stderr, /status=0\n$/);
		t.is(result.stderr.replace(/status=0\n$/, ''), '');
	});

	test(`folio ${args.join(' ')} to a full disk says so in one line and exits 1`, async t => {
		const result = await runShell(t, `folio ${args.join(' ')} > /dev/full`);
		t.is(result.status, 1);
		t.regex(result.stderr, /^folio: cannot write the output: no space left on the device\n$/);
	});
}

test('a failing stderr does not change a good run\'s exit status', async t => {
	const library = writeLibrary(t, {'a.md': '---\ntitle: [unclosed\n---\n# A\n'});
	const result = await runShell(t, `folio list --dir ${JSON.stringify(library)} 2>/dev/full; echo "status=$?"`);
	t.regex(result.stdout, /status=0\n$/);
});

test('reset into a closed pipe exits 0 and prints no stack', async t => {
	const result = await runShell(t, 'folio reset --yes | true; echo "status=${PIPESTATUS[0]}" >&2');
	t.regex(result.stderr, /^status=0\n$/);
});

test('--width above 10,000 is a usage error', async t => {
	const result = await runFolio(t, ['cat', 'guides/keys', '--width', '100000000']);
	t.is(result.status, 2);
	t.is(result.stderr, 'folio: Expected --width to be a whole number from 20 to 10000, got 100000000\n');
});

test('--dir of a missing folder is exit 1 with one line', async t => {
	for (const command of ['list', 'stats', 'cat guides/keys']) {
		const result = await runFolio(t, [...command.split(' '), '--dir', '/no/such/folder']);
		t.is(result.status, 1, command);
		t.regex(result.stderr, /^folio: (?:library folder not found: \/no\/such\/folder|no article guides\/keys)[^\n]*\n$/, command);
	}
});

test('escape sequences in arguments never reach the terminal', async t => {
	const [format, reset, article] = await Promise.all([
		runFolio(t, ['cat', 'guides/keys', '--format', '\u001B]0;pwned\u0007']),
		runFolio(t, ['reset', '\u001B]0;pwned\u0007']),
		runFolio(t, ['cat', '\u001B[2Jgone']),
	]);
	for (const result of [format, reset, article]) {
		t.not(result.status, 0);
		// eslint-disable-next-line no-control-regex
		t.notRegex(result.stderr, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
		t.notRegex(result.stderr, noStack);
	}
});

test('a 100 KB article name is cut in the message and answered quickly', async t => {
	const result = await runFolio(t, ['cat', 'n'.repeat(100_000)], {timeout: 10_000});
	t.false(result.timedOut);
	t.is(result.status, 1);
	t.true(result.stderr.length < 1200, `the message is ${result.stderr.length} characters`);
	t.regex(result.stderr, /^folio: no article n+…; closest: /);
});

test('only Markdown symbolic links are worth a warning; others are ignored', async t => {
	const library = writeLibrary(t, {'notes.md': '# Notes\n'});
	symlinkSync('/etc/hostname', path.join(library, 'hostname'));
	symlinkSync('/etc/passwd', path.join(library, 'outside.md'));
	symlinkSync('/nowhere', path.join(library, 'dangling'));
	const result = await runFolio(t, ['list', '--dir', library]);
	t.is(result.status, 0);
	t.is(result.stderr, `folio: warning: skipped ${path.join(library, 'outside.md')}: symbolic link points outside the library\n`);
});

test('--dir / lists without dying on entries that vanish while it walks', async t => {
	const result = await runFolio(t, ['list', '--dir', '/proc/self'], {timeout: 30_000});
	t.false(result.timedOut);
	t.is(result.status, 0, result.stderr);
	t.notRegex(result.stderr, noStack);
});
