import {readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {articleStateKey} from '../../source/node/state/article-key.js';
import {openStore} from '../../source/node/state/store.js';
import {runFolio, temporaryFolder, writeLibrary} from '../helpers/cli.js';

const source = '# Guide\n\nIntro.\n\n## Install\n\nText.\n\n## Usage\n\nMore.\n';

function setUp(t: Parameters<typeof temporaryFolder>[0]) {
	const library = writeLibrary(t, {'docs/guide.md': source});
	const stateDir = temporaryFolder(t, 'folio-state-');
	const store = openStore({env: {FOLIO_STATE_DIR: stateDir}});
	const key = articleStateKey(path.join(library, 'docs', 'guide.md'));
	store.setMark(key, 'b', {slug: 'usage', fraction: 0.5, percent: 80, at: '2026-01-01T00:00:00.000Z'});
	store.setMark(key, 'a', {slug: 'install', fraction: 0, percent: 40, at: '2026-01-01T00:00:00.000Z'});
	store.setMark(key, 'Z', {slug: 'gone', fraction: 0.2, percent: 90, at: '2026-01-01T00:00:00.000Z'});
	return {library, stateDir};
}

test('folio marks lists the marks by letter: slug, section title, percent', async t => {
	const {library, stateDir} = setUp(t);
	const result = await runFolio(t, ['marks', 'docs/guide', '--dir', library], {stateDir});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout, 'Z\tgone\t(section gone)\t90%\na\tinstall\tInstall\t40%\nb\tusage\tUsage\t80%\n');
});

test('folio marks --json gives each mark with its place', async t => {
	const {library, stateDir} = setUp(t);
	const result = await runFolio(t, ['marks', 'docs/guide', '--dir', library, '--json'], {stateDir});
	t.is(result.status, 0, result.stderr);
	t.deepEqual(JSON.parse(result.stdout)[1], {mark: 'a', slug: 'install', section: 'Install', fraction: 0, percent: 40});
});

test('an article without marks prints nothing; a missing article or stdin is one error line', async t => {
	const {library, stateDir} = setUp(t);
	const other = writeLibrary(t, {'other.md': source});
	const none = await runFolio(t, ['marks', 'other', '--dir', other], {stateDir});
	t.is(none.status, 0);
	t.is(none.stdout, '');
	const missing = await runFolio(t, ['marks', 'nope', '--dir', library], {stateDir});
	t.is(missing.status, 1);
	t.regex(missing.stderr, /^folio: no article nope/);
	const stdin = await runFolio(t, ['marks', '-'], {stateDir, input: source});
	t.is(stdin.status, 2);
	t.is(stdin.stderr.split('\n').length, 2);
});

test('a mark that is not one letter is never stored, and a value out of range is clamped', t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const store = openStore({env: {FOLIO_STATE_DIR: stateDir}});
	store.setMark('x', 'ab', {fraction: 0, percent: 0, at: 'now'});
	store.setMark('x', '\u001B', {fraction: 0, percent: 0, at: 'now'});
	t.is(store.get('x'), undefined);
	store.setMark('x', 'q', {fraction: 7, percent: -3, at: '2026-01-01T00:00:00.000Z'});
	t.deepEqual(store.get('x')?.marks, {q: {fraction: 1, percent: 0, at: '2026-01-01T00:00:00.000Z'}});
});

test('a state file with a malformed mark is moved aside with one warning, not trusted', t => {
	const stateDir = temporaryFolder(t, 'folio-state-');
	const bad = {articles: {x: {views: 1, readSections: [], marks: {'\u001B[2J': {fraction: 0, percent: 0, at: 'now'}}}}};
	writeFileSync(path.join(stateDir, 'state.json'), JSON.stringify(bad));
	const store = openStore({env: {FOLIO_STATE_DIR: stateDir}});
	t.is(store.warnings.length, 1);
	t.is(store.get('x'), undefined);
	t.true(readdirSync(stateDir).some(name => name.startsWith('state.json.corrupt-')));
});
