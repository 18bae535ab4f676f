import {realpathSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {runFolio, temporaryFolder, writeLibrary} from '../helpers/cli.js';

const invisible = /[\u200B\u200E\u200F\u061C\u2060-\u2064\uFEFF\u2028\u2029]|\uDB40[\uDC00-\uDC7F]/;

test('invisible format characters, raw or as entities, never reach the output', async t => {
	const text = '# Ti\u200Btle\n\nzero\u200Bwidth, marks \u200E\u200F\u061C, joiner\u2060, tag \uDB40\uDC41\uDB40\uDC42 end,\u2028next line; entity &#8203;&#x200F;&#x2028;here.\n';
	const file = path.join(writeLibrary(t, {'a.md': text}), 'a.md');
	for (const format of ['plain', 'ansi', 'json']) {
		const result = await runFolio(t, ['cat', file, '--format', format]);
		t.is(result.status, 0, result.stderr);
		t.false(invisible.test(result.stdout), `${format}: ${JSON.stringify(result.stdout.match(invisible))}`);
		t.regex(result.stdout, /zerowidth/, format);
	}
});

test('&Tab; and &#9; outside code are expanded to spaces like raw tabs, so lines keep the width', async t => {
	const file = path.join(writeLibrary(t, {'a.md': '# T\n\nab&Tab;c&#9;d&#x09;e\n\n```\ncode&Tab;stays\n```\n'}), 'a.md');
	const result = await runFolio(t, ['cat', file, '--format', 'plain', '--width', '40']);
	t.is(result.status, 0, result.stderr);
	t.false(result.stdout.includes('\t'), JSON.stringify(result.stdout));
	t.regex(result.stdout, /ab {2}c {3}d {3}e/);
	t.regex(result.stdout, /code&Tab;stays/, 'code shows the entity as written');
});

test('escape sequences in the state file never reach stats', async t => {
	const library = writeLibrary(t, {'notes.md': '# Notes\n'});
	const stateDir = temporaryFolder(t);
	const key = realpathSync(path.join(library, 'notes.md'));
	writeFileSync(path.join(stateDir, 'state.json'), JSON.stringify({
		articles: {[key]: {views: 1, lastRead: '\u001B]0;pwned\u0007\u001B[2J', readSections: ['\u001B[31mx'], position: {slug: '\u001B[2J', fraction: 0, percent: 5, at: 'x\u001B'}}},
		__internal__: {migrations: {version: '2.0.0'}},
	}));
	for (const args of [['stats'], ['stats', '--all'], ['list']]) {
		const result = await runFolio(t, [...args, '--dir', library], {stateDir});
		t.is(result.status, 0, result.stderr);
		t.false(result.stdout.includes('\u001B') || result.stderr.includes('\u001B'), args.join(' '));
	}
});
