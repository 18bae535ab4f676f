import {readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {maxArticles, openStore, stateDirectory} from '../../../source/node/state/store.js';
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

test('the file records schema version 1.0.0 from the first write', t => {
	const store = openStore({directory: temporaryFolder(t), env: {}});
	t.deepEqual(readJson(store.path), {articles: {}, __internal__: {migrations: {version: '1.0.0'}}});
	store.recordView('a');
	t.deepEqual(readJson(store.path).__internal__, {migrations: {version: '1.0.0'}});
});

test('a file without a version is migrated and keeps its articles', t => {
	const directory = temporaryFolder(t);
	const file = path.join(directory, 'state.json');
	writeFileSync(file, JSON.stringify({articles: sampleArticles(2)}));
	const store = openStore({directory, env: {}});
	t.deepEqual(store.warnings, []);
	t.is(Object.keys(store.all()).length, 2);
	t.deepEqual(readJson(file).__internal__, {migrations: {version: '1.0.0'}});
});

test('a file from a newer schema is left alone and the store goes read-only', t => {
	const directory = temporaryFolder(t);
	const file = path.join(directory, 'state.json');
	const newer = JSON.stringify({articles: {a: {visits: 3}}, __internal__: {migrations: {version: '2.0.0'}}});
	writeFileSync(file, newer);
	const store = openStore({directory, env: {}});
	t.false(store.writable);
	t.deepEqual(store.warnings, [`reading state at ${file} was written by a newer folio (schema 2.0.0); reading works but views and positions will not be saved`]);
	store.recordView('a');
	t.is(readFileSync(file, 'utf8'), newer);
});

test(`at ${maxArticles} articles, a new one evicts the least recently read`, t => {
	const directory = temporaryFolder(t);
	const articles = sampleArticles(maxArticles);
	writeStateFile(path.join(directory, 'state.json'), articles);
	const store = openStore({directory, env: {}});
	store.recordView('guides/article-0000.md');
	store.recordView('new/article.md');
	const kept = store.all();
	t.is(Object.keys(kept).length, maxArticles);
	t.truthy(kept['new/article.md']);
	t.truthy(kept['guides/article-0000.md'], 'just read, so no longer the oldest');
	t.false(Object.hasOwn(kept, 'guides/article-0001.md'));
	t.truthy(kept['guides/article-0002.md']);
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
