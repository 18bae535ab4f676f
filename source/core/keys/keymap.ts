/**
 * Key bindings are data: every command, the keys that trigger it on each screen, and what it
 * does. The input handler, the help screen and the README's key table all read this table.
 */

import {mouseKeyName, parseMouse} from './mouse.js';

export type Screen = 'library' | 'reader' | 'toc' | 'links' | 'help';

export type Command =
	| 'lineDown' | 'lineUp' | 'pageDown' | 'pageUp' | 'halfPageDown' | 'halfPageUp' | 'top' | 'bottom'
	| 'nextSection' | 'previousSection' | 'search' | 'nextMatch' | 'previousMatch' | 'toggleToc'
	| 'switchFocus' | 'select' | 'help' | 'back' | 'quit' | 'interrupt' | 'filter' | 'cycleSort'
	| 'links' | 'historyBack' | 'historyForward' | 'setMark' | 'jumpToMark' | 'percent' | 'edit';

export type Binding = {
	command: Command;
	/** Key names: a printable character (`j`, `G`, `?`) or a named key (`down`, `pagedown`, `ctrl+c`). */
	keys: string[];
	description: string;
};

export const keymap: Record<Screen, Binding[]> = {
	reader: [
		{command: 'lineDown', keys: ['j', 'down', 'enter'], description: 'scroll down one line'},
		{command: 'lineUp', keys: ['k', 'up'], description: 'scroll up one line'},
		{command: 'pageDown', keys: ['space', 'pagedown', 'f'], description: 'page down'},
		{command: 'pageUp', keys: ['b', 'pageup'], description: 'page up'},
		{command: 'halfPageDown', keys: ['d'], description: 'half a page down'},
		{command: 'halfPageUp', keys: ['u'], description: 'half a page up'},
		{command: 'top', keys: ['g', 'home'], description: 'go to the top'},
		{command: 'bottom', keys: ['G', 'end'], description: 'go to the bottom'},
		{command: 'nextSection', keys: [']'], description: 'next section'},
		{command: 'previousSection', keys: ['['], description: 'previous section (or the start of this one)'},
		{command: 'search', keys: ['/'], description: 'search in the article'},
		{command: 'nextMatch', keys: ['n'], description: 'next match'},
		{command: 'previousMatch', keys: ['N'], description: 'previous match'},
		{command: 'toggleToc', keys: ['t'], description: 'show or hide the table of contents'},
		{command: 'switchFocus', keys: ['tab'], description: 'move focus between contents and text'},
		{command: 'links', keys: ['o'], description: 'list the links, to follow one'},
		{command: 'historyBack', keys: ['H'], description: 'back to the previous place (across articles)'},
		{command: 'historyForward', keys: ['L'], description: 'forward again'},
		{command: 'setMark', keys: ['m'], description: 'm + letter: mark this place'},
		{command: 'jumpToMark', keys: ['\''], description: '\' + letter: go to the mark; \'\' back to where the last jump started'},
		{command: 'percent', keys: ['%'], description: 'N%: go N percent through; a number before a move repeats it (5j, 3], 2 Space)'},
		{command: 'edit', keys: ['e', 'v'], description: 'edit the file at this section ($VISUAL, $EDITOR, vi)'},
		{command: 'help', keys: ['?'], description: 'show this help'},
		{command: 'back', keys: ['escape', 'backspace'], description: 'back to the library (quit, for a file opened by itself)'},
		{command: 'quit', keys: ['q'], description: 'quit'},
		{command: 'interrupt', keys: ['ctrl+c'], description: 'quit from anywhere'},
	],
	toc: [
		{command: 'lineDown', keys: ['j', 'down'], description: 'select the next section'},
		{command: 'lineUp', keys: ['k', 'up'], description: 'select the previous section'},
		{command: 'top', keys: ['g', 'home'], description: 'select the first section'},
		{command: 'bottom', keys: ['G', 'end'], description: 'select the last section'},
		{command: 'select', keys: ['enter'], description: 'jump to the selected section'},
		{command: 'switchFocus', keys: ['tab'], description: 'back to the text'},
		{command: 'toggleToc', keys: ['t'], description: 'hide the table of contents'},
		{command: 'help', keys: ['?'], description: 'show this help'},
		{command: 'back', keys: ['escape', 'backspace'], description: 'back to the text'},
		{command: 'quit', keys: ['q'], description: 'quit'},
		{command: 'interrupt', keys: ['ctrl+c'], description: 'quit from anywhere'},
	],
	links: [
		{command: 'lineDown', keys: ['j', 'down'], description: 'select the next link'},
		{command: 'lineUp', keys: ['k', 'up'], description: 'select the previous link'},
		{command: 'pageDown', keys: ['pagedown'], description: 'a page of links down'},
		{command: 'pageUp', keys: ['pageup'], description: 'a page of links up'},
		{command: 'top', keys: ['home'], description: 'the first link'},
		{command: 'bottom', keys: ['end'], description: 'the last link'},
		{command: 'select', keys: ['enter'], description: 'follow the selected link'},
		{command: 'back', keys: ['escape'], description: 'close the list (any other key filters it)'},
		{command: 'interrupt', keys: ['ctrl+c'], description: 'quit from anywhere'},
	],
	library: [
		{command: 'lineDown', keys: ['j', 'down'], description: 'next article'},
		{command: 'lineUp', keys: ['k', 'up'], description: 'previous article'},
		{command: 'pageDown', keys: ['pagedown', 'space'], description: 'page down'},
		{command: 'pageUp', keys: ['pageup', 'b'], description: 'page up'},
		{command: 'top', keys: ['g', 'home'], description: 'first article'},
		{command: 'bottom', keys: ['G', 'end'], description: 'last article'},
		{command: 'select', keys: ['enter'], description: 'open the article'},
		{command: 'filter', keys: ['/'], description: 'filter as you type: titles, category, tags, id, and below them the text of the articles; Enter on a text match opens it there'},
		{command: 'cycleSort', keys: ['s'], description: 'sort by title, date, recently read, most viewed'},
		{command: 'help', keys: ['?'], description: 'show this help'},
		{command: 'back', keys: ['escape'], description: 'clear the filter'},
		{command: 'quit', keys: ['q'], description: 'quit'},
		{command: 'interrupt', keys: ['ctrl+c'], description: 'quit from anywhere'},
	],
	help: [
		{command: 'lineDown', keys: ['j', 'down'], description: 'scroll the help down'},
		{command: 'lineUp', keys: ['k', 'up'], description: 'scroll the help up'},
		{command: 'pageDown', keys: ['space', 'pagedown', 'f'], description: 'page down'},
		{command: 'pageUp', keys: ['b', 'pageup'], description: 'page up'},
		{command: 'top', keys: ['g', 'home'], description: 'to the top'},
		{command: 'bottom', keys: ['G', 'end'], description: 'to the bottom'},
		{command: 'back', keys: ['escape', '?', 'q'], description: 'close the help'},
		{command: 'interrupt', keys: ['ctrl+c'], description: 'quit from anywhere'},
	],
};

const lookup = new Map<Screen, Map<string, Command>>(
	(Object.keys(keymap) as Screen[]).map(screen => [
		screen,
		new Map(keymap[screen].flatMap(binding => binding.keys.map(key => [key, binding.command] as const))),
	]),
);

/** The command a key triggers on a screen, if any. */
export function commandFor(screen: Screen, key: string): Command | undefined {
	return lookup.get(screen)?.get(key);
}

/** How a key name is shown to people: `Space`, `PgDn`, `Ctrl+C`, `j`. */
export function keyLabel(key: string): string {
	const labels: Record<string, string> = {
		down: 'Down', up: 'Up', pagedown: 'PgDn', pageup: 'PgUp', home: 'Home', end: 'End', space: 'Space',
		enter: 'Enter', escape: 'Esc', backspace: 'Backspace', tab: 'Tab', 'ctrl+c': 'Ctrl+C',
	};
	return labels[key] ?? key;
}

/** Rows of the help screen for one screen: keys and what they do. */
export function helpRows(screen: Screen): Array<{keys: string; description: string}> {
	return keymap[screen].map(binding => ({keys: binding.keys.map(key => keyLabel(key)).join(' '), description: binding.description}));
}

const characterNames: Record<string, string> = {
	' ': 'space', '\r': 'enter', '\n': 'enter', '\t': 'tab', '\u007F': 'backspace', '\b': 'backspace', '\u001B': 'escape', '\u0003': 'ctrl+c',
};

/** Key event flags as Ink reports them. */
export type KeyFlags = {
	upArrow?: boolean; downArrow?: boolean; leftArrow?: boolean; rightArrow?: boolean;
	pageUp?: boolean; pageDown?: boolean; home?: boolean; end?: boolean;
	return?: boolean; escape?: boolean; tab?: boolean; backspace?: boolean; delete?: boolean;
	ctrl?: boolean; shift?: boolean; meta?: boolean;
};

/**
 * Turn one input event into key names, one per character: keys typed quickly can arrive as one
 * string (`]]`) and each must count.
 */
export function keyNames(input: string, key: KeyFlags): string[] {
	const mouse = parseMouse(input);
	if (mouse) {
		return [mouseKeyName(mouse)];
	}

	const named: Array<[boolean | undefined, string]> = [
		[key.upArrow, 'up'], [key.downArrow, 'down'], [key.leftArrow, 'left'], [key.rightArrow, 'right'],
		[key.pageUp, 'pageup'], [key.pageDown, 'pagedown'], [key.home, 'home'], [key.end, 'end'],
		[key.return, 'enter'], [key.escape, 'escape'], [key.tab && !key.shift, 'tab'],
		[key.backspace || key.delete, 'backspace'],
	];
	for (const [active, name] of named) {
		if (active) {
			return [name];
		}
	}

	if (key.ctrl && input.length === 1) {
		return [`ctrl+${input.toLowerCase()}`];
	}

	return [...input].map(character => characterNames[character] ?? character);
}

/** The README's key table, written from the keymap: `npm run docs:keys` prints it. */
export function keyTableMarkdown(): string {
	const sections: Array<[Screen, string]> = [['reader', 'Reader'], ['toc', 'Contents pane (after Tab)'], ['links', 'Link list (after o)'], ['library', 'Library'], ['help', 'Help screen (after ?)']];
	return sections.map(([screen, title]) => [
		`**${title}**`,
		'',
		'| Keys | Action |',
		'|---|---|',
		...helpRows(screen).map(row => `| ${row.keys.split(' ').map(key => `\`${key}\``).join(' ')} | ${row.description} |`),
	].join('\n')).join('\n\n');
}
