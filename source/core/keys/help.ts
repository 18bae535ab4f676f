import {helpRows, type Screen} from './keymap.js';

/** One row of the help screen. */
export type HelpLine = {text: string; heading: boolean};

const titles: Record<Screen, string> = {library: 'Library', reader: 'Reader', toc: 'Contents (Tab to focus)', links: 'Link list (o)', help: 'This help'};

/** Where the help screen is: its screens, and the rows and columns it is drawn in. */
export type HelpView = {screens: Screen[]; width: number; height: number};

/**
 * Every key binding of `screens`, then how to move through this help, as lines no wider than
 * `width`: descriptions wrap under their column instead of being cut off, and on a narrow
 * terminal each description goes below its keys.
 */
export function helpLines(screens: Screen[], width: number): HelpLine[] {
	const lines: HelpLine[] = [{text: 'folio keys', heading: true}];
	for (const screen of [...screens, 'help' as const]) {
		lines.push({text: '', heading: false}, ...wrapWords(titles[screen], width).map(text => ({text, heading: true})));
		for (const row of helpRows(screen)) {
			const keyColumn = Math.min(22, Math.max(...helpRows(screen).map(each => each.keys.length)));
			const inline = width >= 2 + keyColumn + 1 + 16 && row.keys.length <= keyColumn;
			if (inline) {
				const [first, ...rest] = wrapWords(row.description, width - keyColumn - 3);
				lines.push({text: `  ${row.keys.padEnd(keyColumn)} ${first}`, heading: false});
				lines.push(...rest.map(text => ({text: `${' '.repeat(keyColumn + 3)}${text}`, heading: false})));
			} else {
				lines.push(...wrapWords(row.keys, width - 2).map(text => ({text: `  ${text}`, heading: false})));
				lines.push(...wrapWords(row.description, width - 4).map(text => ({text: `    ${text}`, heading: false})));
			}
		}
	}

	return lines;
}

/** The rows of help text shown at once: all but the footer line. */
export function helpPage(height: number): number {
	return Math.max(1, height - 1);
}

/** The furthest the help can scroll: its last line at the bottom of the page. */
export function helpLast(view: HelpView): number {
	return Math.max(0, helpLines(view.screens, view.width).length - helpPage(view.height));
}

/** Split text at spaces into lines of at most `width` columns (a longer word is cut). */
function wrapWords(text: string, width: number): string[] {
	const room = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		for (let piece = word; piece !== ''; piece = piece.slice(room)) {
			const part = piece.slice(0, room);
			if (line === '') {
				line = part;
			} else if (line.length + 1 + part.length <= room) {
				line += ` ${part}`;
			} else {
				lines.push(line);
				line = part;
			}
		}
	}

	lines.push(line);
	return lines;
}
