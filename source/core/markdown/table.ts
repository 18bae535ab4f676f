import {displayWidth, wrapText} from '../text/fit.js';

export type Alignment = 'center' | 'left' | 'right' | null;

type TableStyle = {
	border: (text: string) => string;
	header: (text: string) => string;
};

/** Words up to this wide are never broken inside a cell; longer ones (URLs, paths) may be. */
const unbrokenWord = 16;

/**
 * Draw a table with box characters inside `width` columns. Columns keep their natural width when
 * the table fits; otherwise every column first gets room for its longest word, the rest is shared
 * evenly among the columns still short of their natural width, and cells wrap. When even
 * the longest words cannot fit side by side, each row is written as a block of `header: value`
 * lines instead, so nothing is cut into three-letter slivers.
 */
export function drawTable(header: string[] | undefined, rows: string[][], align: Alignment[], width: number, style: TableStyle): string[] {
	const columns = rows.reduce((most, row) => Math.max(most, row.length), header?.length ?? 0);
	const cellRows = [...(header ? [header] : []), ...rows].map(row => Array.from({length: columns}, (_, column) => row[column] ?? ''));
	const available = width - (3 * columns + 1);
	const natural = Array.from({length: columns}, () => 1);
	const words = Array.from({length: columns}, () => 1);
	for (const row of cellRows) {
		for (let column = 0; column < columns; column++) {
			for (const line of row[column].split('\n')) {
				natural[column] = Math.max(natural[column], displayWidth(line));
				for (const word of line.split(' ')) {
					words[column] = Math.max(words[column], Math.min(unbrokenWord, displayWidth(word)));
				}
			}
		}
	}

	const widths = columnWidths(natural, words.map((word, column) => Math.min(word, natural[column])), available);
	if (!widths) {
		return records(header, rows, width, style);
	}

	const rule = (left: string, middle: string, right: string) =>
		style.border(left + widths.map(columnWidth => '─'.repeat(columnWidth + 2)).join(middle) + right);
	const lines = [rule('┌', '┬', '┐')];
	for (const [index, row] of cellRows.entries()) {
		const isHeader = header !== undefined && index === 0;
		const wrapped = row.map((cell, column) => cell.split('\n').flatMap(line => wrapText(line, widths[column])));
		const height = Math.max(...wrapped.map(cell => cell.length));
		for (let line = 0; line < height; line++) {
			const cells = wrapped.map((cell, column) => {
				const padded = pad(cell[line] ?? '', widths[column], align[column] ?? 'left');
				return isHeader ? style.header(padded) : padded;
			});
			lines.push(style.border('│') + cells.map(cell => ` ${cell} `).join(style.border('│')) + style.border('│'));
		}

		if (isHeader) {
			lines.push(rule('├', '┼', '┤'));
		}
	}

	lines.push(rule('└', '┴', '┘'));
	return lines;
}

/**
 * Column widths within `available`: natural widths when they fit; else each column's longest word
 * and an even share of the rest, a column taking no more than it needs; undefined when the words
 * alone do not fit.
 */
export function columnWidths(natural: number[], words: number[], available: number): number[] | undefined {
	const total = natural.reduce((sum, value) => sum + value, 0);
	if (total <= available) {
		return natural;
	}

	const minimum = words.reduce((sum, value) => sum + value, 0);
	if (minimum > available) {
		return undefined;
	}

	// Share what is left evenly among the columns still short of their natural width, so short
	// columns are whole and the long ones wrap.
	const widths = [...words];
	let spare = available - minimum;
	while (spare > 0) {
		const short = widths.map((value, column) => column).filter(column => widths[column] < natural[column]);
		const share = Math.max(1, Math.floor(spare / short.length));
		for (const column of short.sort((a, b) => (natural[a] - widths[a]) - (natural[b] - widths[b]))) {
			const give = Math.min(share, natural[column] - widths[column], spare);
			widths[column] += give;
			spare -= give;
		}
	}

	return widths;
}

/** A table too wide for any column layout: one block of `header: value` lines per row. */
function records(header: string[] | undefined, rows: string[][], width: number, style: TableStyle): string[] {
	return rows.flatMap((row, index) => [
		...(index > 0 ? [style.border('─'.repeat(Math.min(width, 8)))] : []),
		...row.flatMap((value, column) => {
			const name = header?.[column];
			const text = (name === undefined || name === '' ? '' : `${style.header(name)}: `) + value.replace(/\n/g, ' ');
			return wrapText(text, width, '  ');
		}),
	]);
}

function pad(text: string, width: number, align: Exclude<Alignment, null>): string {
	const space = Math.max(0, width - displayWidth(text));
	if (align === 'right') {
		return ' '.repeat(space) + text;
	}

	if (align === 'center') {
		const left = Math.floor(space / 2);
		return ' '.repeat(left) + text + ' '.repeat(space - left);
	}

	return text + ' '.repeat(space);
}
