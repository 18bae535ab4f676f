/**
 * Reading folio's screens in end-to-end tests: the reader split into TOC, body and status line,
 * and measures that compare two screens.
 *
 * @example
 * const reader = readerScreen(await folio.screen());
 * t.is(reader.section, 'In the reader');
 */

import stringWidth from 'string-width';

/** The reader's status line once it is reading (not searching): `NN%  ? help · q quit` at the right. */
export const readingStatus = /\d{1,3}%  \? help · q quit$/;

/**
 * Whether the reader has drawn a frame at this width: its status line spans exactly `width`
 * columns. A frame drawn for the old width just before a resize wraps in the new one, and its
 * wrapped status line alone would still look like a status line.
 */
export function drawnAt(screen: string, width: number): boolean {
	const {status} = readerScreen(screen);
	return readingStatus.test(status) && [...status].length === width;
}

/** The reader's screen split into its parts. */
export type ReaderScreen = {
	/** Every row above the status line. */
	rows: string[];
	/** The TOC column (left of the separator `│`), empty when the TOC is hidden. */
	toc: string[];
	/** The body column (right of the separator), or the whole row when the TOC is hidden. */
	body: string[];
	/** The status line: the last non-empty row. */
	status: string;
	/** The section title at the status line's left. */
	section: string;
	/** The percentage on the status line, if shown. */
	percent: number | undefined;
	/** The first row of the body. */
	top: string;
};

/** Split a reader screen into TOC, body and status line. */
export function readerScreen(screen: string): ReaderScreen {
	const all = screen.split('\n');
	let last = all.length - 1;
	while (last > 0 && all[last].trim() === '') {
		last--;
	}

	const status = all[last] ?? '';
	const rows = all.slice(0, last);
	const column = separatorColumn(rows);
	const toc = column === undefined ? [] : rows.map(row => splitAtColumn(row, column)[0].trimEnd());
	const body = column === undefined ? rows : rows.map(row => [...splitAtColumn(row, column)[1]].slice(2).join(''));
	const section = /^(.*?)\s{2,}\d{1,3}%/.exec(status)?.[1].trim() ?? '';
	const percent = /(\d{1,3})%/.exec(status)?.[1];
	return {rows, toc, body, status, section, percent: percent === undefined ? undefined : Number(percent), top: body[0] ?? ''};
}

/**
 * The column of the TOC separator: a `│` at the same terminal column on every row, if there is
 * one. Columns, not characters: the pane's title starts with an emoji two columns wide.
 */
function separatorColumn(rows: string[]): number | undefined {
	if (rows.length === 0) {
		return undefined;
	}

	const first = columnOf(rows[0], '│');
	if (first === undefined || first < 1) {
		return undefined;
	}

	return rows.every(row => columnOf(row, '│') === first || splitAtColumn(row, first)[1].startsWith('│')) ? first : undefined;
}

/** The terminal column where `character` first appears in `row`. */
function columnOf(row: string, character: string): number | undefined {
	const index = row.indexOf(character);
	return index === -1 ? undefined : stringWidth(row.slice(0, index));
}

/** A row cut at a terminal column: what is left of it, and the rest. */
function splitAtColumn(row: string, column: number): [string, string] {
	let width = 0;
	let index = 0;
	for (const character of row) {
		if (width >= column) {
			break;
		}

		width += stringWidth(character);
		index += character.length;
	}

	return [row.slice(0, index), row.slice(index)];
}

/** TOC entries as plain titles: read marks, indentation and ellipses removed. */
export function tocEntries(screen: string): string[] {
	return readerScreen(screen).toc.map(line => line.replace(/^[\s✓›>*]+/, '').trim()).filter(Boolean);
}

/**
 * How many rows the body scrolled between two screens: the smallest shift with at least
 * `minimumOverlap` rows in common, or undefined when none matches.
 */
export function scrolledBy(before: string[], after: string[], minimumOverlap = 3): number | undefined {
	for (let shift = 0; shift <= before.length - minimumOverlap; shift++) {
		const overlap = before.length - shift;
		if (before.slice(shift).every((row, index) => row === after[index]) && overlap >= minimumOverlap) {
			return shift;
		}
	}

	return undefined;
}

/** Widest row of a screen, in columns (every character in these tests is one column wide). */
export function widestRow(screen: string): number {
	return Math.max(...screen.split('\n').map(row => [...row].length));
}
