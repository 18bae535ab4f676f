import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test, {type ExecutionContext} from 'ava';
import {articlesFolder, runFolio, temporaryFolder} from '../helpers/cli.js';

// Text only the bundled copy of each library contains: Ink's host element name, marked's hook.
const markers = {ink: '"ink-text"', marked: 'walkTokens'};
const preload = path.resolve('tests/helpers/record-modules.mjs');

/** The built chunks a folio command loaded, as [file name, text]. */
async function loadedChunks(t: ExecutionContext, args: string[], stateDir: string): Promise<Array<[string, string]>> {
	const log = path.join(temporaryFolder(t), 'modules.txt');
	const result = await runFolio(t, args, {stateDir, env: {NODE_OPTIONS: `--import=${preload}`, FOLIO_MODULE_LOG: log, FOLIO_DIR: articlesFolder}});
	t.is(result.status, 0, result.stderr);
	const urls = readFileSync(log, 'utf8').split('\n').filter(url => url.startsWith('file:') && url.includes('/dist/'));
	return [...new Set(urls)].map(url => [path.basename(fileURLToPath(url)), readFileSync(fileURLToPath(url), 'utf8')]);
}

const holding = (chunks: Array<[string, string]>, marker: string) => chunks.filter(([, text]) => text.includes(marker)).map(([file]) => file);

test('folio list loads no Ink, and no marked once the listing cache is warm', async t => {
	const stateDir = temporaryFolder(t);
	const cold = await loadedChunks(t, ['list'], stateDir);
	t.deepEqual(holding(cold, markers.ink), [], 'Ink is never loaded by list');
	const warm = await loadedChunks(t, ['list'], stateDir);
	t.true(warm.some(([file]) => file.startsWith('list-')), 'the list command was recorded');
	t.deepEqual(holding(warm, markers.ink), []);
	t.deepEqual(holding(warm, markers.marked), []);
});

test('the markers are real: cat loads marked, and Ink is in a chunk of the bundle', async t => {
	const chunks = await loadedChunks(t, ['cat', 'guides/keys'], temporaryFolder(t));
	t.not(holding(chunks, markers.marked).length, 0);
	const bundle = readdirSync('dist/chunks').map((file): [string, string] => [file, readFileSync(path.join('dist/chunks', file), 'utf8')]);
	t.not(holding(bundle, markers.ink).length, 0);
});
