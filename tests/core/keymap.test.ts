import {readFileSync} from 'node:fs';
import test from 'ava';
import {commandFor, helpRows, keyLabel, keymap, keyNames, keyTableMarkdown, type Command, type Screen} from '../../source/core/keys/keymap.js';

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

test('help lists every binding of a screen, every key of it by its label', t => {
	// What a reader sees in the help, written out by hand: not derived from the keymap.
	const reader = helpRows('reader');
	for (const row of [
		{keys: 'Space PgDn f', description: 'page down'},
		{keys: 'b PgUp', description: 'page up'},
		{keys: ']', description: 'next section'},
		{keys: 'Esc Backspace', description: 'back to the library (quit, for a file opened by itself)'},
		{keys: 'Ctrl+C', description: 'quit from anywhere'},
	]) {
		t.deepEqual(reader.find(shown => shown.description === row.description), row);
	}

	for (const screen of Object.keys(keymap) as Screen[]) {
		const rows = helpRows(screen);
		for (const binding of keymap[screen]) {
			const row = rows.find(shown => shown.description === binding.description && binding.keys.every(key => shown.keys.split(' ').includes(keyLabel(key))));
			t.truthy(row, `${screen}: ${binding.keys.join(' ')} (${binding.description}) is in the help`);
		}
	}
});

test('the README key table is the one the keymap writes', t => {
	const readme = readFileSync('README.md', 'utf8');
	const table = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme)?.[1];
	t.is(table, keyTableMarkdown());
});
