import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {openStore, stateDirectory} from '../../../source/node/state/store.js';
import {maxArticles, maxPositions} from '../../../source/node/state/store-limits.js';
import {sampleArticles, temporaryFolder, writeStateFile} from '../../helpers/store-fixtures.js';

const position = {slug: 'install', fraction: 0.5, percent: 37.5, at: '2026-02-01T10:00:00.000Z'};

function readJson(file: string): Record<string, unknown> {
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

test('recordView counts each view and sets lastRead', t => {
	const store = openStore({directory: temporaryFolder(t), env: {}});
	store.recordView('guides/keys');
	const state = store.recordView('guides/keys');
	t.is(state.views, 2);
	t.is(store.get('guides/keys')?.views, 2);
	t.regex(state.lastRead ?? '', /^\d{4}-\d\d-\d\dT/);
	t.deepEqual(state.readSections, []);
	t.deepEqual(store.warnings, []);
	t.true(store.writable);
});

test('a saved position reads back the same, from a new store on the same file', t => {
	const directory = temporaryFolder(t);
	openStore({directory, env: {}}).savePosition('guides/keys', position);
	t.deepEqual(openStore({directory, env: {}}).get('guides/keys')?.position, position);
});

test('a position before the first heading has no slug', t => {
	const store = openStore({directory: temporaryFolder(t), env: {}});
	store.savePosition('a', {fraction: 0, percent: 0, at: position.at});
	t.deepEqual(store.get('a')?.position, {fraction: 0, percent: 0, at: position.at});
});

test('out-of-range numbers are clamped instead of breaking the file', t => {
	const store = openStore({directory: temporaryFolder(t), env: {}});
	store.savePosition('a', {fraction: Number.NaN, percent: 140, at: position.at});
	t.deepEqual(store.get('a')?.position, {fraction: 0, percent: 100, at: position.at});
});

test('readSections accumulate as a union across saves', t => {
	const store = openStore({directory: temporaryFolder(t), env: {}});
	store.savePosition('a', position, ['intro', 'install']);
	store.savePosition('a', position, ['install', 'usage']);
	store.savePosition('a', position);
	t.deepEqual(store.get('a')?.readSections, ['intro', 'install', 'usage']);
});

test('keys with dots, slashes and prototype names stay whole keys', t => {
	const directory = temporaryFolder(t);
	const store = openStore({directory, env: {}});
	const keys = ['/home/u/notes/a.b.md', 'guides/keys', 'a.b', 'a', 'constructor', '__proto__'];
	for (const key of keys) {
		store.recordView(key);
	}

	t.deepEqual(Object.keys(store.all()).sort(), [...keys].sort());
	t.is(store.get('a.b')?.views, 1);
	t.is(store.get('toString'), undefined);
	const articles = readJson(store.path).articles as Record<string, unknown>;
	t.true(Object.hasOwn(articles, '/home/u/notes/a.b.md'));
	t.true(Object.hasOwn(articles, '__proto__'));
});

test('each profile has its own file', t => {
	const directory = temporaryFolder(t);
	const plain = openStore({directory, env: {}});
	const work = openStore({directory, profile: 'work', env: {}});
	const fromEnvironment = openStore({directory, env: {FOLIO_PROFILE: 'home_2'}});
	plain.recordView('a');
	work.recordView('a');
	work.recordView('a');
	t.is(path.basename(plain.path), 'state.json');
	t.is(path.basename(work.path), 'state-work.json');
	t.is(path.basename(fromEnvironment.path), 'state-home_2.json');
	t.is(plain.get('a')?.views, 1);
	t.is(work.get('a')?.views, 2);
	t.is(fromEnvironment.get('a'), undefined);
});

test('a profile name other than letters, digits, - or _ is refused', t => {
	const directory = temporaryFolder(t);
	const error = t.throws(() => openStore({directory, profile: 'a/b', env: {}}));
	t.is(error?.message, 'Expected --profile to be 1 to 64 letters, digits, - or _, got "a/b"');
	t.throws(() => openStore({directory, profile: 'x'.repeat(65), env: {}}));
	t.throws(() => openStore({directory, env: {FOLIO_PROFILE: '..'}}));
});

test('FOLIO_STATE_DIR wins over the directory option', t => {
	const chosen = temporaryFolder(t);
	const options = {directory: temporaryFolder(t), env: {FOLIO_STATE_DIR: chosen}};
	t.is(stateDirectory(options), chosen);
	t.is(openStore(options).path, path.join(chosen, 'state.json'));
});

test('without a folder, state lives in XDG_CONFIG_HOME/folio', t => {
	const config = temporaryFolder(t);
	const store = openStore({env: {XDG_CONFIG_HOME: config}});
	t.is(store.path, path.join(config, 'folio', 'state.json'));
	store.recordView('a');
	t.is(openStore({env: {XDG_CONFIG_HOME: config}}).get('a')?.views, 1);
});

test('without XDG_CONFIG_HOME, the folder is ~/.config/folio', t => {
	const expected = process.platform === 'linux' ? path.join(os.homedir(), '.config', 'folio') : stateDirectory({env: {}});
	t.is(stateDirectory({env: {}}), expected);
});

test('the file records schema version 2.0.0 from the first write', t => {
	const store = openStore({directory: temporaryFolder(t), env: {}});
	t.false(existsSync(store.path), 'opening alone writes nothing');
	store.recordView('/library/a.md');
	t.deepEqual(readJson(store.path).__internal__, {migrations: {version: '2.0.0'}});
});

test('a file without a version is migrated and keeps its articles', t => {
	const directory = temporaryFolder(t);
	const file = path.join(directory, 'state.json');
	writeFileSync(file, JSON.stringify({articles: sampleArticles(2)}));
	const store = openStore({directory, env: {}});
	t.deepEqual(store.warnings, []);
	t.is(Object.keys(store.all()).length, 2);
	t.deepEqual(readJson(file).__internal__, {migrations: {version: '2.0.0'}});
});

test('a file from a newer schema is shown, never rewritten or moved aside, and said once', t => {
	const directory = temporaryFolder(t);
	const file = path.join(directory, 'state.json');
	const newer = JSON.stringify({
		articles: {'/l/a.md': {views: 3, readSections: [], lastRead: '2026-01-01T00:00:00.000Z', marks: {x: 1}}, '/l/b.md': {visits: 3}},
		__internal__: {migrations: {version: '3.1.0\u001B]0;x\u0007'}},
	});
	writeFileSync(file, newer);
	const store = openStore({directory, env: {}});
	t.false(store.writable);
	t.deepEqual(store.warnings, [`reading state at ${file} was written by a newer folio (schema 3.1.0); it is shown but views and positions will not be saved`]);
	t.is(store.get('/l/a.md')?.views, 3, 'what this version can read is shown');
	t.is(store.recordView('/l/a.md').views, 4, 'the view is counted on screen');
	store.savePosition('/l/a.md', position);
	t.is(store.reset(), 0);
	t.is(readFileSync(file, 'utf8'), newer);
	t.deepEqual(readdirSync(directory), ['state.json']);
	t.is(store.warnings.length, 1);
});

test('a newer folio replacing the file while this one runs stops the writes, with one warning', t => {
	const directory = temporaryFolder(t);
	const store = openStore({directory, env: {}});
	store.recordView('/l/a.md');
	const newer = JSON.stringify({articles: {'/l/a.md': {views: 9, readSections: []}}, __internal__: {migrations: {version: '3.0.0'}}});
	writeFileSync(store.path, newer);
	store.recordView('/l/a.md');
	store.savePosition('/l/a.md', position);
	t.is(readFileSync(store.path, 'utf8'), newer);
	t.deepEqual(readdirSync(directory), ['state.json'], 'not moved aside as corrupt');
	t.false(store.writable);
	t.deepEqual(store.warnings, [`reading state at ${store.path} was written by a newer folio (schema 3.0.0); it is shown but views and positions will not be saved`]);
	t.is(store.get('/l/a.md')?.views, 9);
});

test(`past ${maxPositions} articles with a position, the least recently read lose their position first, and it is counted`, t => {
	const directory = temporaryFolder(t);
	writeStateFile(path.join(directory, 'state.json'), sampleArticles(maxPositions));
	const store = openStore({directory, env: {}});
	store.recordView('/library/guides/article-00000.md');
	store.savePosition('/new/article.md', position);
	const kept = store.all();
	t.is(Object.keys(kept).length, maxPositions + 1, 'no article is forgotten whole');
	t.truthy(kept['/library/guides/article-00000.md'].position, 'just read, so no longer the oldest');
	t.deepEqual(kept['/library/guides/article-00001.md'], {views: 2, lastRead: '2025-01-01T00:01:00.000Z', readSections: []}, 'views kept, position gone');
	t.truthy(kept['/library/guides/article-00002.md'].position);
	t.deepEqual(store.forgotten(), {positions: 1, articles: 0});
});

test(`past ${maxArticles} articles, the least recently read are forgotten whole, and it is counted`, t => {
	const directory = temporaryFolder(t);
	const articles = sampleArticles(maxArticles);
	for (const state of Object.values(articles)) {
		delete state.position;
		state.readSections = [];
	}

	writeStateFile(path.join(directory, 'state.json'), articles);
	const store = openStore({directory, env: {}});
	store.recordView('/new/article.md');
	const kept = store.all();
	t.is(Object.keys(kept).length, maxArticles);
	t.false(Object.hasOwn(kept, '/library/guides/article-00000.md'));
	t.deepEqual(store.forgotten(), {positions: 0, articles: 1});
});

test('reset clears one article, then all, and says how many', t => {
	const store = openStore({directory: temporaryFolder(t), env: {}});
	store.recordView('a');
	store.recordView('b');
	store.savePosition('c', position);
	t.is(store.reset('a'), 1);
	t.is(store.reset('a'), 0);
	t.is(store.get('a'), undefined);
	t.is(store.reset(), 2);
	t.deepEqual(Object.keys(store.all()), []);
	t.is(store.reset(), 0);
});
