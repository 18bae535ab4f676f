import {existsSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {PassThrough} from 'node:stream';
import {alignColumns, count, localTime, statsCommand} from '../../source/commands/stats.js';
import type {CommandContext} from '../../source/commands/context.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {outputLines, runFolio, temporaryFolder} from '../helpers/cli.js';

/** `folio stats` into a pipe with a terminal on stderr, as `folio stats | cut -f2` typed at a prompt runs. */
async function statsBesideTerminal(stateDir: string): Promise<{stdout: string; stderr: string}> {
	const capture = (terminal: boolean) => {
		const stream = Object.assign(new PassThrough(), terminal ? {isTTY: true} : {});
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		return {stream, text: () => Buffer.concat(chunks).toString('utf8')};
	};

	const stdout = capture(false);
	const stderr = capture(true);
	const context: CommandContext = {stdout: stdout.stream, stderr: stderr.stream, env: {FOLIO_STATE_DIR: stateDir, XDG_CACHE_HOME: path.join(stateDir, 'cache')}, libraryFolder: path.resolve('articles')};
	await statsCommand(context, {json: false, all: false});
	return {stdout: stdout.text(), stderr: stderr.text()};
}

test.before(async () => {
	await loadTextWidth();
});

const position = (percent: number) => ({slug: 'a', fraction: 0.5, percent, at: '2026-11-30T08:35:00.000Z'});

function stateWith(folder: string, articles: Record<string, unknown>): void {
	writeFileSync(path.join(folder, 'state.json'), JSON.stringify({articles, __internal__: {migrations: {version: '1.0.0'}}}));
}

test('stats in a pipe: tab-separated rows of numbers and ISO times; the totals, with correct plurals, on stderr when it is a terminal', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	stateWith(stateDir, {
		'guides/keys': {views: 1, readSections: [], position: position(42), lastRead: '2026-11-30T08:35:00.000Z'},
		'reference/commands': {views: 2, readSections: [], position: position(100), lastRead: '2026-11-29T10:00:00.000Z'},
	});
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.status, 0, result.stderr);
	// Data only, numbers as numbers; the totals and the state file go to a terminal on stderr (below), not to a script.
	t.is(result.stderr, '');
	t.deepEqual(outputLines(result.stdout), [
		'guides/keys\t1\t42\t2026-11-30T08:35:00.000Z',
		'reference/commands\t2\t100\t2026-11-29T10:00:00.000Z',
	]);
	const beside = await statsBesideTerminal(stateDir);
	t.deepEqual(outputLines(beside.stdout), ['guides/keys\t1\t42\t2026-11-30T08:35:00.000Z', 'reference/commands\t2\t100\t2026-11-29T10:00:00.000Z']);
	t.deepEqual(outputLines(beside.stderr), ['2 articles, 3 views, 1 finished', `state: ${path.join(stateDir, 'state.json')} (this library; --all for every library)`]);
	stateWith(stateDir, {'guides/keys': {views: 1, readSections: [], lastRead: '2026-11-30T08:35:00.000Z'}});
	const once = await statsBesideTerminal(stateDir);
	t.deepEqual(outputLines(once.stdout), ['guides/keys\t1\t0\t2026-11-30T08:35:00.000Z']);
	t.is(outputLines(once.stderr)[0], '1 article, 1 view, 0 finished');
});

test('stats does not create the state file when there is none', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout, '');
	t.is(result.stderr, '');
	const onTerminal = await statsBesideTerminal(stateDir);
	t.is(onTerminal.stdout, '');
	t.deepEqual(outputLines(onTerminal.stderr), ['No reading state yet: open an article with folio ARTICLE.', `state: ${path.join(stateDir, 'state.json')} (not created yet)`]);
	const json = JSON.parse((await runFolio(t, ['stats', '--json'], {stateDir})).stdout) as {totals: unknown; articles: unknown[]};
	t.deepEqual(json.totals, {articles: 0, views: 0, finished: 0});
	t.false(existsSync(path.join(stateDir, 'state.json')));
	t.deepEqual(readdirSync(stateDir).filter(name => name.startsWith('state')), []);
});

test('on a terminal times are local: 2026-11-30 14:05', t => {
	const zone = process.env.TZ;
	process.env.TZ = 'Asia/Kolkata';
	try {
		t.is(localTime('2026-11-30T08:35:00.000Z'), '2026-11-30 14:05');
		t.is(localTime('not a time'), 'not a time');
	} finally {
		process.env.TZ = zone;
		if (zone === undefined) {
			delete process.env.TZ;
		}
	}
});

test('terminal columns line up whatever the cells hold, wide characters included', t => {
	const lines = alignColumns([['article', 'views', 'progress', 'last read'], ['中文/文章', '1 view', '5%', '2026-11-30 14:05'], ['a', '12 views', 'done', '-']], [false, true, true, false]);
	t.deepEqual(lines, [
		'article       views  progress  last read',
		'中文/文章    1 view        5%  2026-11-30 14:05',
		'a          12 views      done  -',
	]);
	t.is(count(1, 'view'), '1 view');
	t.is(count(0, 'view'), '0 views');
});
