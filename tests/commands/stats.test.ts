import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {outputLines, runFolio, temporaryFolder} from '../helpers/cli.js';
import {bundledKey, read, stateWith} from '../helpers/state-file.js';

const keysRead = read({views: 3, percent: 40, at: '2026-11-02T10:00:00.000Z'});
const goneFinished = read({views: 1, percent: 100, at: '2026-11-01T09:00:00.000Z'});
/** The key of an article whose file was deleted: kept, but in no library any more. */
const goneKey = bundledKey('gone/article');

test('stats lists views, progress and last read of this library\'s articles; --all adds the rest, newest first', async t => {
	const stateDir = stateWith(t, {[goneKey]: goneFinished, [bundledKey('guides/keys')]: keysRead});
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.status, 0);
	t.deepEqual(outputLines(result.stdout), ['guides/keys\t3\t40\t2026-11-02T10:00:00.000Z']);
	t.is(result.stderr, '', 'the totals go to a terminal only');
	const all = await runFolio(t, ['stats', '--all'], {stateDir});
	t.is(all.status, 0);
	t.deepEqual(outputLines(all.stdout), [
		'guides/keys\t3\t40\t2026-11-02T10:00:00.000Z',
		`${goneKey}\t1\t100\t2026-11-01T09:00:00.000Z`,
	]);
});

test('stats --json --all gives the same figures with titles from the library, null for an article that is gone', async t => {
	const stateDir = stateWith(t, {[goneKey]: goneFinished, [bundledKey('guides/keys')]: keysRead});
	const result = await runFolio(t, ['stats', '--json', '--all'], {stateDir});
	t.is(result.stderr, '');
	t.is(result.status, 0);
	t.deepEqual(JSON.parse(result.stdout), {
		store: path.join(stateDir, 'state.json'),
		writable: true,
		library: null,
		forgotten: {positions: 0, articles: 0},
		totals: {articles: 2, views: 4, finished: 1},
		articles: [
			{article: 'guides/keys', title: 'Keys and navigation', views: 3, progress: 40, lastRead: '2026-11-02T10:00:00.000Z'},
			{article: goneKey, title: null, views: 1, progress: 100, lastRead: '2026-11-01T09:00:00.000Z'},
		],
	});
	const here = await runFolio(t, ['stats', '--json'], {stateDir});
	t.like(JSON.parse(here.stdout), {library: path.resolve('articles'), totals: {articles: 1, views: 3, finished: 0}});
});

test('stats with nothing read yet prints no rows, and JSON totals of zero', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const text = await runFolio(t, ['stats'], {stateDir});
	t.is(text.status, 0);
	t.is(text.stdout, '');
	const json = await runFolio(t, ['stats', '--json'], {stateDir});
	t.like(JSON.parse(json.stdout), {totals: {articles: 0, views: 0, finished: 0}, articles: []});
});

test('stats says how many positions and articles were forgotten to stay within the limits', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	writeFileSync(path.join(stateDir, 'state.json'), JSON.stringify({
		articles: {[bundledKey('guides/keys')]: keysRead},
		forgotten: {positions: 3, articles: 2},
		__internal__: {migrations: {version: '2.0.0'}},
	}));
	const text = await runFolio(t, ['stats'], {stateDir});
	t.is(text.status, 0, text.stderr);
	t.is(text.stderr, 'folio: warning: forgotten to stay within the limits: 3 positions (views kept), 2 articles\n', 'what was lost is a warning, in a pipe too');
	const json = await runFolio(t, ['stats', '--json'], {stateDir});
	t.like(JSON.parse(json.stdout), {forgotten: {positions: 3, articles: 2}, totals: {articles: 1, views: 3}});
});
