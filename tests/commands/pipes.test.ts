import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {generateMarkdown} from '../helpers/generate.js';
import {outputLines, quote, runFolio, runShell, temporaryFolder} from '../helpers/cli.js';

// One generated ~1 MB article for the whole file.
const folder = mkdtempSync(path.join(os.tmpdir(), 'folio-pipes-'));
const big = path.join(folder, 'big.md');
writeFileSync(big, generateMarkdown(1_000_000));
test.after.always(() => {
	rmSync(folder, {recursive: true, force: true});
});

const headCases: Array<[string, string]> = [
	['cat', `cat ${quote(big)}`],
	['cat --color', `cat ${quote(big)} --color`],
	['cat --format json', `cat ${quote(big)} --format json`],
	['cat --format markdown', `cat ${quote(big)} --format markdown`],
	['toc --json', `toc ${quote(big)} --json`],
	['toc', `toc ${quote(big)}`],
	['folio ARTICLE', quote(big)],
];

for (const [name, command] of headCases) {
	test(`${name} | head -1 exits 0 with nothing on stderr`, async t => {
		const result = await runShell(t, `set -o pipefail\nfolio ${command} | head -1\necho "status \${PIPESTATUS[0]}"`);
		t.false(result.timedOut);
		t.is(result.stderr, '');
		const lines = outputLines(result.stdout);
		t.is(lines.length, 2, result.stdout);
		t.is(lines[1], 'status 0');
	});
}

test('cat BIG | folio - | head -1 exits 0 with nothing on stderr', async t => {
	const result = await runShell(t, `set -o pipefail\ncat ${quote(big)} | folio - | head -1\necho "status \${PIPESTATUS[1]}"`);
	t.is(result.stderr, '');
	t.deepEqual(outputLines(result.stdout), ['# Generated reference', 'status 0']);
});

test('cat BIG > file equals the output captured whole, and toc --json line numbers fit it', async t => {
	const output = path.join(temporaryFolder(t), 'out.txt');
	const [redirected, captured, toc] = await Promise.all([
		runShell(t, `folio cat ${quote(big)} > ${quote(output)}`),
		runFolio(t, ['cat', big]),
		runFolio(t, ['toc', big, '--json']),
	]);
	t.deepEqual([redirected.status, redirected.stderr, captured.status], [0, '', 0]);
	const written = readFileSync(output, 'utf8');
	t.true(written.length > 900_000);
	t.is(written, captured.stdout);
	const lines = outputLines(written);
	const sections = JSON.parse(toc.stdout) as Array<{depth: number; title: string; line: number}>;
	t.true(sections.length > 1000);
	const last = sections.at(-1)!;
	t.true(last.line < lines.length);
	const misplaced = sections.filter(section => !lines[section.line]?.startsWith(`${'#'.repeat(section.depth)} ${section.title}`));
	t.deepEqual(misplaced, []);
});

test('a slow reader gets all of a large output and nothing on stderr', async t => {
	const [slow, captured] = await Promise.all([
		runShell(t, `folio cat ${quote(big)} | (sleep 1; wc -c)`),
		runFolio(t, ['cat', big]),
	]);
	t.is(slow.status, 0);
	t.is(Number(slow.stdout.trim()), Buffer.byteLength(captured.stdout));
	t.is(slow.stderr, '');
});

test('a slow reader of --format json gets valid JSON and nothing on stderr', async t => {
	const result = await runShell(t, `folio cat ${quote(big)} --format json | (sleep 1; cat)`);
	t.is(result.status, 0);
	t.is(result.stderr, '');
	const article = JSON.parse(result.stdout) as {sections: unknown[]};
	t.true(article.sections.length > 1000);
});

for (const command of ['cat guides/keys', 'cat guides/keys --format json', 'toc guides/keys', 'list']) {
	test(`${command} to a full disk fails with one line, not a stack trace`, async t => {
		if (!existsSync('/dev/full')) {
			t.pass('no /dev/full here');
			return;
		}

		const result = await runShell(t, `folio ${command} > /dev/full`);
		t.not(result.status, 0);
		t.regex(result.stderr, /^folio: [^\n]+\n$/);
		t.false(/^\s+at /m.test(result.stderr), result.stderr);
	});
}
