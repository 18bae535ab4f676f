import path from 'node:path';
import test from 'ava';
import {outputLines, runFolio, temporaryFolder} from '../helpers/cli.js';
import {read, stateWith} from '../helpers/state-file.js';

const keysRead = read({views: 3, percent: 40, at: '2026-11-02T10:00:00.000Z'});
const goneFinished = read({views: 1, percent: 100, at: '2026-11-01T09:00:00.000Z'});

test('stats lists views, progress and last read per article, newest first, then totals and the state file', async t => {
	const stateDir = stateWith(t, {'gone/article': goneFinished, 'guides/keys': keysRead});
	const result = await runFolio(t, ['stats'], {stateDir});
	t.is(result.stderr, '');
	t.is(result.status, 0);
	t.deepEqual(outputLines(result.stdout), [
		'guides/keys\t3 views\t40%\t2026-11-02T10:00:00.000Z',
		'gone/article\t1 view\tdone\t2026-11-01T09:00:00.000Z',
		'2 articles, 4 views, 1 finished',
		`state: ${path.join(stateDir, 'state.json')}`,
	]);
});

test('stats --json gives the same figures with titles from the library, null for an article that is gone', async t => {
	const stateDir = stateWith(t, {'gone/article': goneFinished, 'guides/keys': keysRead});
	const result = await runFolio(t, ['stats', '--json'], {stateDir});
	t.is(result.stderr, '');
	t.is(result.status, 0);
	t.deepEqual(JSON.parse(result.stdout), {
		store: path.join(stateDir, 'state.json'),
		writable: true,
		totals: {articles: 2, views: 4, finished: 1},
		articles: [
			{article: 'guides/keys', title: 'Keys and navigation', views: 3, progress: 40, lastRead: '2026-11-02T10:00:00.000Z'},
			{article: 'gone/article', title: null, views: 1, progress: 100, lastRead: '2026-11-01T09:00:00.000Z'},
		],
	});
});

test('stats with nothing read yet says so, in text and JSON, and creates no state file', async t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const text = await runFolio(t, ['stats'], {stateDir});
	t.is(text.status, 0);
	t.deepEqual(outputLines(text.stdout), ['No reading state yet: open an article with folio ARTICLE.', `state: ${path.join(stateDir, 'state.json')} (not created yet)`]);
	const json = await runFolio(t, ['stats', '--json'], {stateDir});
	t.like(JSON.parse(json.stdout), {totals: {articles: 0, views: 0, finished: 0}, articles: []});
});
