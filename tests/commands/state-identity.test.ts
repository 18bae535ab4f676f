import {readFileSync, realpathSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {runFolio, temporaryFolder, writeLibrary} from '../helpers/cli.js';

type ListRow = {id: string; views: number; progress: number};

const position = {slug: 'usage', fraction: 0.5, percent: 40, at: '2026-01-02T00:00:00.000Z'};

function state(views: number, lastRead = '2026-01-02T00:00:00.000Z') {
	return {views, position, lastRead, readSections: ['usage'], marks: {a: {...position, percent: 10}, Z: position}};
}

function writeState(stateDir: string, version: string, articles: Record<string, unknown>): string {
	const file = path.join(stateDir, 'state.json');
	writeFileSync(file, JSON.stringify({articles, __internal__: {migrations: {version}}}));
	return file;
}

async function listViews(t: ExecutionContext, library: string, stateDir: string): Promise<Record<string, number>> {
	const result = await runFolio(t, ['list', '--json', '--dir', library], {stateDir});
	t.is(result.status, 0, result.stderr);
	return Object.fromEntries((JSON.parse(result.stdout) as ListRow[]).map(row => [row.id, row.views]));
}

test('a state file in today\'s format (schema 1.0.0) is migrated and nothing in it is lost', async t => {
	const library = writeLibrary(t, {'guides/keys.md': '# Keys\n', 'notes.md': '# Notes\n'});
	const opened = writeLibrary(t, {'loose.md': '# Loose\n'});
	const loose = realpathSync(path.join(opened, 'loose.md'));
	const stateDir = temporaryFolder(t);
	const file = writeState(stateDir, '1.0.0', {
		'guides/keys': state(5),
		notes: {views: 2, readSections: []},
		'only/in-another-library': state(7),
		[loose]: state(3),
	});

	t.deepEqual(await listViews(t, library, stateDir), {'guides/keys': 5, notes: 2});
	const migrated = JSON.parse(readFileSync(file, 'utf8')) as {articles: Record<string, {views: number; position?: unknown}>; unclaimed: Record<string, {views: number}>; __internal__: unknown};
	t.deepEqual(migrated.__internal__, {migrations: {version: '2.0.0'}});
	const realLibrary = realpathSync(library);
	t.deepEqual(migrated.articles[path.join(realLibrary, 'guides/keys.md')], state(5), 'position and sections kept');
	t.is(migrated.articles[path.join(realLibrary, 'notes.md')].views, 2);
	t.deepEqual(migrated.articles[loose], state(3), 'a file opened by path keeps its state');
	t.deepEqual(migrated.unclaimed, {'only/in-another-library': state(7)}, 'an id this library lacks waits for its own');

	const all = await runFolio(t, ['stats', '--json', '--all', '--dir', library], {stateDir});
	const totals = (JSON.parse(all.stdout) as {totals: {articles: number; views: number}}).totals;
	t.deepEqual(totals, {articles: 4, views: 17, finished: 0} as typeof totals, 'every view is still there');
});

test('two libraries with the same id keep separate state, and stats shows the current library unless --all', async t => {
	const first = writeLibrary(t, {'notes.md': '# First notes\n'});
	const second = writeLibrary(t, {'notes.md': '# Second notes\n'});
	const stateDir = temporaryFolder(t);
	writeState(stateDir, '2.0.0', {[realpathSync(path.join(first, 'notes.md'))]: state(4)});

	t.deepEqual(await listViews(t, first, stateDir), {notes: 4});
	t.deepEqual(await listViews(t, second, stateDir), {notes: 0});

	const ofSecond = await runFolio(t, ['stats', '--dir', second], {stateDir});
	t.is(ofSecond.status, 0, ofSecond.stderr);
	t.is(ofSecond.stdout, '');
	const ofFirst = await runFolio(t, ['stats', '--dir', first], {stateDir});
	t.regex(ofFirst.stdout, /^notes\t4\t40\t2026-01-02T00:00:00.000Z$/m);
	const everything = await runFolio(t, ['stats', '--all', '--dir', second], {stateDir});
	t.regex(everything.stdout, /notes\.md\t4\t40\t/, 'another library\'s article is named by its path');
	t.like(JSON.parse((await runFolio(t, ['stats', '--all', '--json', '--dir', second], {stateDir})).stdout), {totals: {articles: 1, views: 4, finished: 0}});

	const reset = await runFolio(t, ['reset', 'notes', '--yes', '--dir', second], {stateDir});
	t.is(reset.stdout, 'cleared 0 articles\n', 'resetting the second library\'s notes leaves the first\'s');
	t.deepEqual(await listViews(t, first, stateDir), {notes: 4});
});

test('one file reached by id, by path and through a link has one state', async t => {
	const library = writeLibrary(t, {'guides/keys.md': '# Keys\n'});
	symlinkSync(path.join(library, 'guides', 'keys.md'), path.join(library, 'alias.md'));
	const stateDir = temporaryFolder(t);
	writeState(stateDir, '2.0.0', {[realpathSync(path.join(library, 'guides/keys.md'))]: state(6)});

	t.deepEqual(await listViews(t, library, stateDir), {alias: 6, 'guides/keys': 6});
	// Named through the link: the key is the file the link leads to.
	const reset = await runFolio(t, ['reset', path.join(library, 'alias.md'), '--yes', '--dir', library], {stateDir});
	t.is(reset.stdout, 'cleared 1 article\n', reset.stderr);
	t.deepEqual(await listViews(t, library, stateDir), {alias: 0, 'guides/keys': 0});
});

test('an article opened through a link, or from a library reached through a link, finds the state of the file it leads to', async t => {
	const library = writeLibrary(t, {'guides/keys.md': '# Keys\n\n## Usage\n\nText.\n'});
	symlinkSync(path.join(library, 'guides', 'keys.md'), path.join(library, 'alias.md'));
	const linkedLibrary = path.join(temporaryFolder(t), 'library-link');
	symlinkSync(library, linkedLibrary);
	const stateDir = temporaryFolder(t);
	writeState(stateDir, '2.0.0', {[realpathSync(path.join(library, 'guides/keys.md'))]: state(6)});

	// `folio marks` opens the article as the reader does and looks its state up by the same key.
	for (const [article, folder] of [['alias', library], ['guides/keys', linkedLibrary], ['alias', linkedLibrary]]) {
		const marks = await runFolio(t, ['marks', article, '--dir', folder], {stateDir});
		t.is(marks.status, 0, marks.stderr);
		t.is(marks.stdout, 'Z\tusage\tUsage\t40%\na\tusage\tUsage\t10%\n', `${article} in ${folder}`);
	}
});

test('state that cannot be written is still shown by list and stats', async t => {
	const library = writeLibrary(t, {'notes.md': '# Notes\n'});
	const stateDir = temporaryFolder(t);
	const file = writeState(stateDir, '9.0.0', {[realpathSync(path.join(library, 'notes.md'))]: state(8)});
	const before = readFileSync(file, 'utf8');
	t.deepEqual(await listViews(t, library, stateDir), {notes: 8});
	const stats = await runFolio(t, ['stats', '--dir', library], {stateDir});
	t.regex(stats.stdout, /^notes\t8\t/m);
	t.like(JSON.parse((await runFolio(t, ['stats', '--json', '--dir', library], {stateDir})).stdout), {writable: false});
	t.regex(stats.stderr, /^folio: warning: reading state at .* was written by a newer folio \(schema 9\.0\.0\); it is shown but views and positions will not be saved\n$/);
	t.is(readFileSync(file, 'utf8'), before);
});
