import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {openStore} from '../../../source/node/state/store.js';
import {temporaryFolder} from '../../helpers/store-fixtures.js';

const position = {slug: 'install', fraction: 0.5, percent: 50, at: '2026-02-01T10:00:00.000Z'};
const isRoot = process.getuid?.() === 0;

function corruptFiles(directory: string): string[] {
	return readdirSync(directory).filter(name => name.startsWith('state.json.corrupt-'));
}

/** Whatever the store is given, it neither throws nor saves. */
function assertReadOnly(t: {is(a: unknown, b: unknown): void; deepEqual(a: unknown, b: unknown, message?: string): void; false(a: unknown): void}, store: ReturnType<typeof openStore>): void {
	t.false(store.writable);
	t.deepEqual(store.recordView('a'), {views: 1, readSections: []}, 'counted on screen, not saved');
	store.savePosition('a', position, ['install']);
	t.is(store.get('a'), undefined);
	t.deepEqual(Object.keys(store.all()), []);
	t.is(store.reset(), 0);
	t.is(store.reset('a'), 0);
}

for (const [name, contents] of [
	['a file that is not JSON', '{"articles": {"a": {"views": 3'],
	['an empty file', ''],
	['a file that fails the schema', JSON.stringify({articles: {'guides/keys': {views: 'many', readSections: []}}})],
	['a file whose articles are not an object', JSON.stringify({articles: 'none'})],
] as const) {
	test(`${name} is moved aside, unchanged, with one warning, and the store starts afresh`, t => {
		const directory = temporaryFolder(t);
		const file = path.join(directory, 'state.json');
		writeFileSync(file, contents);
		const store = openStore({directory, env: {}});
		const [aside] = corruptFiles(directory);
		t.regex(aside, /^state\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
		t.is(readFileSync(path.join(directory, aside), 'utf8'), contents);
		t.deepEqual(store.warnings, [`reading state at ${file} was unreadable; moved it to ${path.join(directory, aside)} and started afresh`]);
		t.true(store.writable);
		t.is(store.recordView('a').views, 1);
		t.deepEqual(openStore({directory, env: {}}).warnings, []);
	});
}

test('two corrupt files in a row are both kept', t => {
	const directory = temporaryFolder(t);
	writeFileSync(path.join(directory, 'state.json'), 'one');
	openStore({directory, env: {}});
	writeFileSync(path.join(directory, 'state.json'), 'two');
	openStore({directory, env: {}});
	const kept = corruptFiles(directory).map(name => readFileSync(path.join(directory, name), 'utf8'));
	t.deepEqual(kept.sort(), ['one', 'two']);
});

test('a file corrupted while folio runs is moved aside at the next write', t => {
	const directory = temporaryFolder(t);
	const store = openStore({directory, env: {}});
	store.recordView('a');
	writeFileSync(store.path, '{oops');
	t.is(store.get('a'), undefined);
	t.is(store.recordView('b').views, 1);
	t.is(corruptFiles(directory).length, 1);
	t.is(store.warnings.length, 1);
	t.regex(store.warnings[0], /was unreadable; moved it to .*state\.json\.corrupt-.* and started afresh$/);
});

test('a folder that cannot be created gives a read-only store and one warning', t => {
	const blocker = path.join(temporaryFolder(t), 'a-file');
	writeFileSync(blocker, '');
	const directory = path.join(blocker, 'folio');
	const store = openStore({directory, env: {}});
	assertReadOnly(t, store);
	t.deepEqual(store.warnings, [`cannot write reading state to ${directory} (ENOTDIR: not a directory); reading works but views and positions will not be saved`]);
});

// Root writes through chmod 0o555, so as root only the test above (ENOTDIR) can be real.
(isRoot ? test.skip : test)('a read-only folder gives a read-only store and one warning', t => {
	const directory = temporaryFolder(t);
	chmodSync(directory, 0o555);
	t.teardown(() => {
		chmodSync(directory, 0o755);
	});
	const store = openStore({directory, env: {}});
	assertReadOnly(t, store);
	t.deepEqual(store.warnings, [`cannot write reading state to ${directory} (EACCES: permission denied); reading works but views and positions will not be saved`]);
});

test('when the folder becomes a file after opening, methods degrade instead of throwing', t => {
	const directory = path.join(temporaryFolder(t), 'state');
	mkdirSync(directory);
	const store = openStore({directory, env: {}});
	store.recordView('a');
	rmSync(directory, {recursive: true});
	writeFileSync(directory, 'not a folder');
	t.notThrows(() => {
		store.savePosition('a', position);
		store.recordView('a');
		store.reset();
	});
	t.is(store.get('a'), undefined);
	t.false(store.writable);
	t.is(store.warnings.length, 1);
	t.regex(store.warnings[0], /^cannot write reading state to .*\(ENOTDIR: not a directory\); reading works but views and positions will not be saved$/);
});

test('a folder deleted after opening is recreated at the next write', t => {
	const directory = path.join(temporaryFolder(t), 'state');
	const store = openStore({directory, env: {}});
	rmSync(directory, {recursive: true});
	t.is(store.recordView('a').views, 1);
	t.true(existsSync(store.path));
	t.deepEqual(store.warnings, []);
});
