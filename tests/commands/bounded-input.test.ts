import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {spawn} from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import test, {type ExecutionContext} from 'ava';
import {cliEnvironment, cliPath, runFolio, temporaryFolder, writeLibrary, type RunResult} from '../helpers/cli.js';

// Generous: each of these took from 20 s to minutes, or crashed, before.
const timeout = 40_000;

function assertClean(t: ExecutionContext, result: RunResult, label: string): void {
	t.false(result.timedOut, `${label} was still running after ${timeout / 1000} s`);
	t.is(result.status, 0, `${label}: ${result.stderr}`);
	t.notRegex(result.stderr, /Maximum call stack|\n\s+at /, label);
}

for (const [name, content] of [
	['a 9 KB heading of nested emphasis', `# ${'*a '.repeat(1500)}\n`],
	['`- ` 1200 times on one line', `${'- '.repeat(1200)}x\n`],
	['`> ` 3000 times on one line', `${'> '.repeat(3000)}x\n`],
	['an 8 MB line of plain ASCII', 'word '.repeat(1_700_000)],
	['a heading with 160,000 spaces inside', `# a${' '.repeat(160_000)}b\n`],
] as const) {
	test(`${name}: cat, toc and list finish without a stack trace, and list still lists the rest`, async t => {
		const library = writeLibrary(t, {'strange.md': content, 'good.md': '# Good\n'});
		const file = path.join(library, 'strange.md');
		const [cat, toc, list] = await Promise.all([
			runFolio(t, ['cat', file, '--width', '60'], {timeout}),
			runFolio(t, ['toc', file], {timeout}),
			runFolio(t, ['list', '--dir', library], {timeout}),
		]);
		assertClean(t, cat, 'cat');
		assertClean(t, toc, 'toc');
		assertClean(t, list, 'list');
		t.regex(list.stdout, /^good\tGood\t/m);
		t.regex(list.stdout, /^strange\t/m);
	});
}

test('YAML aliases cannot blow a 70 KB file up into a huge cache or output', async t => {
	const value = 'x'.repeat(10_000);
	const file = `---\ntitle: &a "${value}"\nsummary: *a\ntags: [${Array.from({length: 6000}, () => '*a').join(', ')}]\n---\n# Body\n`;
	const stateDir = temporaryFolder(t);
	const library = writeLibrary(t, {'alias.md': file});
	const list = await runFolio(t, ['list', '--json', '--dir', library], {stateDir, timeout});
	assertClean(t, list, 'list');
	t.true(list.stdout.length < 100_000, `list printed ${list.stdout.length} characters`);
	const cacheFolder = path.join(stateDir, 'cache', 'folio');
	const cacheBytes = readdirSync(cacheFolder).reduce((sum, name) => sum + statSync(path.join(cacheFolder, name)).size, 0);
	t.true(cacheBytes < 100_000, `the cache holds ${cacheBytes} bytes`);
	const [row] = JSON.parse(list.stdout) as Array<{title: string; tags: string[]}>;
	t.true(row.title.length <= 1000);
	t.deepEqual(row.tags, [`${'x'.repeat(99)}…`], 'one tag, repeated, is one tag, cut to 100 characters');
});

test('a listing cache with a broken entry is not trusted: list re-reads the file', async t => {
	const stateDir = temporaryFolder(t);
	const library = writeLibrary(t, {'notes.md': '---\ntitle: Notes\n---\n'});
	t.is((await runFolio(t, ['list', '--dir', library], {stateDir})).status, 0);
	const cacheFolder = path.join(stateDir, 'cache', 'folio');
	const [cacheName] = readdirSync(cacheFolder);
	const cache = JSON.parse(readFileSync(path.join(cacheFolder, cacheName), 'utf8')) as {entries: Record<string, {info: unknown}>};
	for (const entry of Object.values(cache.entries)) {
		entry.info = {};
	}

	writeFileSync(path.join(cacheFolder, cacheName), JSON.stringify(cache));
	const list = await runFolio(t, ['list', '--dir', library], {stateDir});
	t.is(list.status, 0, list.stderr);
	t.is(list.stderr, '');
	t.regex(list.stdout, /^notes\tNotes\t/m);

	for (const entry of Object.values(cache.entries)) {
		entry.info = {title: 'Evil\u001B]0;pwned\u0007', tags: ['\u001B[2J'], words: 1, minutes: 1};
	}

	writeFileSync(path.join(cacheFolder, cacheName), JSON.stringify(cache));
	const injected = await runFolio(t, ['list', '--dir', library], {stateDir});
	t.false(injected.stdout.includes('\u001B'), 'no escape from the cache reaches the output');
});

/** CPU time the process has used, in clock ticks (Linux). */
function cpuTicks(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return Number(fields[11]) + Number(fields[12]);
	} catch {
		return 0;
	}
}

test('SIGTERM ends a busy list within a second', async t => {
	const files: Record<string, string> = {};
	for (let index = 0; index < 4000; index++) {
		files[`notes/n${index}.md`] = `---\ntitle: Note ${index}\ntags: [a, b]\n---\n# Note ${index}\n\n${'Some words here. '.repeat(200)}\n`;
	}

	const library = writeLibrary(t, files);
	const child = spawn(process.execPath, [cliPath, 'list', '--dir', library], {env: cliEnvironment(temporaryFolder(t)), stdio: ['ignore', 'pipe', 'pipe']});
	const exited = new Promise<{signal: NodeJS.Signals | null; at: number}>(resolve => {
		child.on('exit', (_code, signal) => {
			resolve({signal, at: Date.now()});
		});
	});
	// Wait until it is busy reading the library: a quarter second of CPU used.
	while (cpuTicks(child.pid!) < 25) {
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}

	const sent = Date.now();
	child.kill('SIGTERM');
	const {signal, at} = await exited;
	t.is(signal, 'SIGTERM');
	t.true(at - sent < 1000, `it took ${at - sent} ms to end`);
});

test('XDG_CACHE_HOME=/proc does not make list spin: it lists without a cache', async t => {
	const library = writeLibrary(t, {'notes.md': '# Notes\n'});
	const list = await runFolio(t, ['list', '--dir', library], {env: {XDG_CACHE_HOME: '/proc'}, timeout: 15_000});
	assertClean(t, list, 'list');
	t.regex(list.stdout, /^notes\tNotes\t/m);
});

test('FOLIO_STATE_DIR under /proc gives one warning, not a hang', async t => {
	const library = writeLibrary(t, {'notes.md': '# Notes\n'});
	// marks opens the store whether or not the file is there (stats does not open a file that is not there).
	const marks = await runFolio(t, ['marks', 'notes', '--dir', library], {env: {FOLIO_STATE_DIR: '/proc/folio-state'}, timeout: 15_000});
	assertClean(t, marks, 'marks');
	t.is(marks.status, 0);
	t.regex(marks.stderr, /^folio: warning: cannot write reading state to \/proc\/folio-state \(ENOENT: no such file or directory\); reading works but views and positions will not be saved\n$/);
});
