import {existsSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {PassThrough} from 'node:stream';
import {count, localTime, statsCommand} from '../../source/commands/stats.js';
import type {CommandContext} from '../../source/commands/context.js';
import {alignColumns} from '../../source/commands/columns.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {outputLines, runFolio, temporaryFolder} from '../helpers/cli.js';

test.before(async () => {
	await loadTextWidth();
});

const position = (percent: number) => ({slug: 'a', fraction: 0.5, percent, at: '2026-11-30T08:35:00.000Z'});

function stateWith(folder: string, articles: Record<string, unknown>): void {
	writeFileSync(path.join(folder, 'state.json'), JSON.stringify({articles, __internal__: {migrations: {version: '1.0.0'}}}));
}

test('stats in a pipe: only tab-separated rows, views and percent read as whole numbers, ISO times', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	stateWith(stateDir, {
		'guides/keys': {views: 1, readSections: [], position: position(42), lastRead: '2026-11-30T08:35:00.000Z'},
		'reference/commands': {views: 2, readSections: [], position: position(100), lastRead: '2026-11-29T10:00:00.000Z'},
	});
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.status, 0, result.stderr);
	// Data only, numbers as numbers: the totals and the state file are in --json, and on a terminal.
	t.is(result.stderr, '');
	t.deepEqual(outputLines(result.stdout), [
		'guides/keys\t1\t42\t2026-11-30T08:35:00.000Z',
		'reference/commands\t2\t100\t2026-11-29T10:00:00.000Z',
	]);
	stateWith(stateDir, {'guides/keys': {views: 1, readSections: [], position: position(99.6), lastRead: '2026-11-30T08:35:00.000Z'}});
	t.deepEqual(outputLines((await runFolio(t, ['stats'], {stateDir})).stdout), ['guides/keys\t1\t99\t2026-11-30T08:35:00.000Z'], 'not finished is not 100');
});

test('stats does not create the state file when there is none', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout, '', 'no rows, and the totals are for a terminal');
	t.is(result.stderr, '');
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

test('stats on a terminal: a header over aligned columns, then the totals and the state file', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	stateWith(stateDir, {'guides/keys': {views: 1, readSections: [], position: position(42), lastRead: '2026-11-30T08:35:00.000Z'}});
	const stdout = Object.assign(new PassThrough(), {isTTY: true, columns: 80});
	const chunks: Buffer[] = [];
	stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	const context: CommandContext = {stdout, stderr: new PassThrough(), env: {FOLIO_STATE_DIR: stateDir, XDG_CACHE_HOME: path.join(stateDir, 'cache')}, libraryFolder: path.resolve('articles')};
	t.is(await statsCommand(context, {json: false, all: false}), 0);
	const lines = outputLines(Buffer.concat(chunks).toString('utf8'));
	t.regex(lines[0], /^article {2,}views {2}progress {2}last read$/);
	t.regex(lines[1], /^guides\/keys {2,}1 view +42% {2}2026-11-30 \d\d:\d\d$/);
	t.is(lines[0].indexOf('progress') + 'progress'.length, lines[1].indexOf('42%') + 3, 'progress is right-aligned under its header');
	t.deepEqual(lines.slice(2), ['1 article, 1 view, 0 finished', `state: ${path.join(stateDir, 'state.json')} (this library; --all for every library)`]);
});
