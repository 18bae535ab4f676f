import {PassThrough} from 'node:stream';
import path from 'node:path';
import test from 'ava';
import {searchCommand} from '../../source/commands/search.js';
import type {CommandContext} from '../../source/commands/context.js';
import {temporaryFolder, writeLibrary} from '../helpers/cli.js';

/** Run `folio search` with stdout as a terminal of `columns` columns; returns what it printed. */
async function searchOnTerminal(t: Parameters<typeof temporaryFolder>[0], folder: string, words: string[], env: NodeJS.ProcessEnv = {}) {
	const stdout = Object.assign(new PassThrough(), {isTTY: true, columns: 60});
	const chunks: Buffer[] = [];
	stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
	const context: CommandContext = {stdout, stderr: new PassThrough(), env: {XDG_CACHE_HOME: path.join(temporaryFolder(t), 'cache'), ...env}, libraryFolder: folder};
	const status = await searchCommand(context, {words, json: false});
	return {status, output: Buffer.concat(chunks).toString('utf8')};
}

const library = {
	'alpha.md': '# Alpha\n\nThe socket opens.\n\n## Second part\n\nA socket closes.\n',
	'a-much-longer-folder/beta.md': '# Beta\n\nA rather long run of words comes first, and only then the socket appears.\n',
};

test('on a terminal hits are aligned columns that fit, the id once per article, matches in bold yellow', async t => {
	const {status, output} = await searchOnTerminal(t, writeLibrary(t, library), ['sock']);
	t.is(status, 0);
	const lines = output.trimEnd().split('\n');
	// eslint-disable-next-line no-control-regex
	const plain = lines.map(line => line.replace(/\u001B\[[\d;]*m/g, ''));
	t.is(plain.length, 3);
	t.regex(plain[0], /^alpha {2,}Alpha {2,}\d+ {2}The socket opens\.$/);
	t.regex(plain[1], /^ +Second part +\d+ {2}A socket closes\.$/);
	t.is(plain[0].indexOf('Alpha'), plain[1].indexOf('Second part'));
	t.is(plain[0].indexOf('The socket'), plain[1].indexOf('A socket'));
	t.true(lines[0].includes('\u001B[1;33msock\u001B[22;39met'));
	for (const line of plain) {
		t.true(line.length <= 60, line);
	}

	// A long id gives way to the snippet, which starts at a word before the match.
	t.regex(plain[2], /^a-much-longer-…  Beta +\d+ {2}…\w.* socket/);
});

test('on a terminal NO_COLOR prints the same columns without styling', async t => {
	const {output} = await searchOnTerminal(t, writeLibrary(t, library), ['sock'], {NO_COLOR: '1'});
	t.false(output.includes('\u001B'));
	t.regex(output, /The socket opens/);
});
