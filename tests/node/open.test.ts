import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {editorFor, runEditor} from '../../source/node/open/editor.js';
import {openUrl} from '../../source/node/open/open-url.js';
import {temporaryFolder} from '../helpers/cli.js';

/** A shell script that writes its arguments, one a line, to `record`. */
function recorder(folder: string, name: string): {script: string; record: string} {
	const script = path.join(folder, name);
	const record = path.join(folder, `${name}.args`);
	writeFileSync(script, `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n' "$arg"; done > '${record}.tmp'\nmv '${record}.tmp' '${record}'\n`);
	chmodSync(script, 0o755);
	return {script, record};
}

async function recorded(record: string): Promise<string[]> {
	const deadline = Date.now() + 10_000;
	while (!existsSync(record) && Date.now() < deadline) {
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}

	return readFileSync(record, 'utf8').split('\n').slice(0, -1);
}

test('$BROWSER gets the URL as one argument, shell characters and all', async t => {
	const folder = temporaryFolder(t);
	const {script, record} = recorder(folder, 'browser');
	const url = 'https://example.com/a?b=1&c=$(touch pwned)#x';
	const result = await openUrl(url, {...process.env, BROWSER: script});
	t.true(result.ok);
	t.is(result.message, `opened ${url} with ${script}`);
	t.deepEqual(await recorded(record), [url]);
	t.false(existsSync(path.join(folder, 'pwned')));
});

test('$BROWSER with %s puts the URL there; only the first of a : list is used', async t => {
	const folder = temporaryFolder(t);
	const {script, record} = recorder(folder, 'browser');
	await openUrl('mailto:someone@example.com', {...process.env, BROWSER: `${script} --new-tab %s:/nonexistent`});
	t.deepEqual(await recorded(record), ['--new-tab', 'mailto:someone@example.com']);
});

test('other schemes and URLs with control or bidi characters are never opened', async t => {
	const folder = temporaryFolder(t);
	const {script, record} = recorder(folder, 'browser');
	for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://exa\u001B]8;;mple.com', 'https://example.com/\u202Egpj', 'https://exa\u0085mple.com']) {
		const result = await openUrl(url, {...process.env, BROWSER: script});
		t.false(result.ok, url);
		// eslint-disable-next-line no-control-regex
		t.false(/[\u0000-\u001F\u007F-\u009F\u202E]/.test(result.message));
	}

	t.false(existsSync(record));
});

test('the editor is $VISUAL, else $EDITOR, else vi, given +LINE FILE', async t => {
	t.deepEqual(await editorFor('/a/b.md', 12, {VISUAL: 'myedit -x', EDITOR: 'other'}), {commandLine: 'myedit -x', args: ['+12', '/a/b.md']});
	t.deepEqual(await editorFor('/a/b.md', 3, {EDITOR: 'nano'}), {commandLine: 'nano', args: ['+3', '/a/b.md']});
	t.deepEqual(await editorFor('/a/b.md', 3, {EDITOR: 'vim'}), {commandLine: 'vim', args: ['+3', '/a/b.md']});
	t.deepEqual(await editorFor('/a/b.md', 1, {}), {commandLine: 'vi', args: ['+1', '/a/b.md']});
});

test('editors with a syntax of their own get it, through open-editor', async t => {
	t.deepEqual(await editorFor('/a/b.md', 7, {VISUAL: 'code'}), {commandLine: 'code', args: ['--goto', '/a/b.md:7:1', '--wait']});
});

test('the editor runs in the foreground with the file name as one argument', async t => {
	const folder = temporaryFolder(t);
	const {script, record} = recorder(folder, 'editor');
	const file = path.join(folder, 'my notes $(x).md');
	const result = runEditor(await editorFor(file, 5, {EDITOR: script}), process.env);
	t.true(result.ok);
	t.deepEqual(readFileSync(record, 'utf8').split('\n').slice(0, -1), ['+5', file]);
});

test('a missing editor says so in one line', t => {
	const result = runEditor({commandLine: 'no-such-editor-anywhere', args: ['+1', 'x.md']}, process.env);
	t.false(result.ok);
	t.is(result.message, 'editor not found: no-such-editor-anywhere (set VISUAL or EDITOR)');
});
