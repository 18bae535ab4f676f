import test from 'ava';
import {runFolio} from '../helpers/cli.js';
import {articlesIn, bundledKey, read, stateWith} from '../helpers/state-file.js';

const state = {
	[bundledKey('guides/keys')]: read({views: 3, percent: 40, at: '2026-11-02T10:00:00.000Z'}),
	[bundledKey('getting-started')]: read({views: 1, percent: 100, at: '2026-11-01T09:00:00.000Z'}),
};

for (const [arguments_, what] of [[['reset'], 'all reading state'], [['reset', 'guides/keys'], 'the reading state of guides/keys']] as const) {
	test(`\`folio ${arguments_.join(' ')}\` without --yes is refused as a usage error and keeps the state`, async t => {
		const stateDir = stateWith(t, state);
		const result = await runFolio(t, [...arguments_], {stateDir});
		t.is(result.status, 2, 'exit code 2: usage error');
		t.is(result.stdout, '');
		t.is(result.stderr, `folio: folio reset clears ${what}; add --yes to confirm\n`);
		t.deepEqual(articlesIn(stateDir), state);
	});
}

test('reset ARTICLE --yes forgets that article only', async t => {
	const stateDir = stateWith(t, state);
	const result = await runFolio(t, ['reset', 'guides/keys', '--yes'], {stateDir});
	t.is(result.stderr, '');
	t.is(result.status, 0);
	t.is(result.stdout, 'cleared 1 article\n');
	t.deepEqual(articlesIn(stateDir), {[bundledKey('getting-started')]: state[bundledKey('getting-started')]});
	const stats = await runFolio(t, ['stats', '--json'], {stateDir});
	t.like(JSON.parse(stats.stdout), {totals: {articles: 1, views: 1}});
});

test('reset --yes forgets every article', async t => {
	const stateDir = stateWith(t, state);
	const result = await runFolio(t, ['reset', '--yes'], {stateDir});
	t.is(result.stderr, '');
	t.is(result.status, 0);
	t.is(result.stdout, 'cleared 2 articles\n');
	t.deepEqual(articlesIn(stateDir), {});
	const stats = await runFolio(t, ['stats', '--json'], {stateDir});
	t.like(JSON.parse(stats.stdout), {totals: {articles: 0, views: 0, finished: 0}, articles: []});
});

test('reset of an id that is neither an article nor the state of one exits 1 naming the closest ids, and keeps the state', async t => {
	const stateDir = stateWith(t, state);
	const result = await runFolio(t, ['reset', 'guides/kyes', '--yes'], {stateDir});
	t.is(result.status, 1);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^folio: no article guides\/kyes; closest: guides\/keys/);
	t.deepEqual(articlesIn(stateDir), state);
	// An article since deleted still has its state cleared by id.
	const gone = stateWith(t, {...state, [bundledKey('gone/article')]: read({views: 2, percent: 10, at: '2026-11-03T10:00:00.000Z'})});
	const cleared = await runFolio(t, ['reset', 'gone/article', '--yes'], {stateDir: gone});
	t.is(cleared.status, 0, cleared.stderr);
	t.is(cleared.stdout, 'cleared 1 article\n');
});
