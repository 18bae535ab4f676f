import {readFileSync} from 'node:fs';
import test from 'ava';
import {commandFor, helpRows, keymap, keyNames, keyTableMarkdown, type Command, type Screen} from '../../source/core/keys/keymap.js';

test('no key is bound to two commands on the same screen', t => {
	for (const screen of Object.keys(keymap) as Screen[]) {
		const keys = keymap[screen].flatMap(binding => binding.keys);
		t.is(new Set(keys).size, keys.length, screen);
	}
});

test('the reader binds the keys less and vim readers expect', t => {
	const expected: Record<string, Command> = {
		j: 'lineDown', k: 'lineUp', down: 'lineDown', up: 'lineUp', space: 'pageDown', pagedown: 'pageDown', f: 'pageDown',
		b: 'pageUp', pageup: 'pageUp', d: 'halfPageDown', u: 'halfPageUp', g: 'top', home: 'top', G: 'bottom', end: 'bottom',
		']': 'nextSection', '[': 'previousSection', '/': 'search', n: 'nextMatch', N: 'previousMatch', t: 'toggleToc',
		tab: 'switchFocus', '?': 'help', escape: 'back', backspace: 'back', q: 'quit', 'ctrl+c': 'interrupt',
	};
	for (const [key, command] of Object.entries(expected)) {
		t.is(commandFor('reader', key), command, key);
	}
});

test('keys typed together are split into one key each', t => {
	t.deepEqual(keyNames(']]j', {}), [']', ']', 'j']);
	t.deepEqual(keyNames('jj\r', {}), ['j', 'j', 'enter']);
	t.deepEqual(keyNames(' ', {}), ['space']);
	t.deepEqual(keyNames('c', {ctrl: true}), ['ctrl+c']);
	t.deepEqual(keyNames('', {pageDown: true}), ['pagedown']);
});

test('help lists every binding of a screen', t => {
	t.is(helpRows('reader').length, keymap.reader.length);
	t.true(helpRows('reader').some(row => row.keys === '] ' || row.keys === ']'));
});

test('the README key table is the one the keymap writes', t => {
	const readme = readFileSync('README.md', 'utf8');
	const table = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme)?.[1];
	t.is(table, keyTableMarkdown());
});
