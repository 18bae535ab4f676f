import {existsSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {alignColumns, count, localTime} from '../../source/commands/stats.js';
import {loadTextWidth} from '../../source/core/text/text-width.js';
import {outputLines, runFolio, temporaryFolder} from '../helpers/cli.js';

test.before(async () => {
	await loadTextWidth();
});

const position = (percent: number) => ({slug: 'a', fraction: 0.5, percent, at: '2026-11-30T08:35:00.000Z'});

function stateWith(folder: string, articles: Record<string, unknown>): void {
	writeFileSync(path.join(folder, 'state.json'), JSON.stringify({articles, __internal__: {migrations: {version: '1.0.0'}}}));
}

test('stats in a pipe: tab-separated rows, ISO times and correct plurals', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	stateWith(stateDir, {
		'guides/keys': {views: 1, readSections: [], position: position(42), lastRead: '2026-11-30T08:35:00.000Z'},
		'reference/commands': {views: 2, readSections: [], position: position(100), lastRead: '2026-11-29T10:00:00.000Z'},
	});
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.status, 0, result.stderr);
	t.deepEqual(outputLines(result.stdout).slice(0, 3), [
		'guides/keys\t1 view\t42%\t2026-11-30T08:35:00.000Z',
		'reference/commands\t2 views\tdone\t2026-11-29T10:00:00.000Z',
		'2 articles, 3 views, 1 finished',
	]);
	stateWith(stateDir, {'guides/keys': {views: 1, readSections: [], lastRead: '2026-11-30T08:35:00.000Z'}});
	t.is(outputLines((await runFolio(t, ['stats'], {stateDir})).stdout)[1], '1 article, 1 view, 0 finished');
});

test('stats does not create the state file when there is none', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.status, 0, result.stderr);
	t.deepEqual(outputLines(result.stdout), ['No reading state yet: open an article with folio ARTICLE.', `state: ${path.join(stateDir, 'state.json')} (not created yet)`]);
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
