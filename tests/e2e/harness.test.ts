import {mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import test from 'ava';
import {keyBytes} from '../helpers/keys.js';
import {start, temporaryFolder} from '../helpers/terminal.js';

/** Every file below a folder, relative to it. */
function filesIn(folder: string): string[] {
	return readdirSync(folder, {recursive: true, withFileTypes: true}).filter(entry => entry.isFile()).map(entry => path.relative(folder, path.join(entry.parentPath, entry.name)));
}

test('a session sees none of the environment of the person running the tests', async t => {
	// This test file runs in its own process: what it sets here is what a developer's shell could hold.
	const theirs = temporaryFolder(t);
	for (const name of ['XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'HOME']) {
		process.env[name] = path.join(theirs, name);
		mkdirSync(process.env[name]!);
	}

	Object.assign(process.env, {NO_COLOR: '1', FOLIO_DIR: theirs, FOLIO_PROFILE: 'theirs', FOLIO_MAX_BYTES: '10', COLUMNS: '33', LINES: '7', TERM: 'dumb'});
	const folio = await start([], {t});
	await folio.waitFor(text => /^folio — \d+ articles/.test(text));
	t.true((await folio.styledScreen()).includes('\u001B['), 'NO_COLOR did not reach folio: the library has styles');
	await folio.send('q');
	t.is(await folio.exitCode(), 0);
	t.deepEqual(filesIn(theirs), [], 'nothing was read from or written to their folders');
	t.true(filesIn(folio.home).length > 0, `folio used the session's own HOME (${folio.home}) instead`);
});

test('key names become the bytes an xterm sends, and an unknown name is an error, not text', t => {
	t.is(keyBytes('C-c'), '\u0003');
	t.is(keyBytes('Up'), '\u001B[A');
	t.is(keyBytes('Up', {applicationCursor: true}), '\u001BOA');
	t.is(keyBytes('M-x'), '\u001Bx');
	t.is(keyBytes('q'), 'q');
	t.throws(() => keyBytes('Pagedown'), {message: /Expected a key name/});
});
