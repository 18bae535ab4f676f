import {displayWidth, fitLine} from '../text/fit.js';

export type Alignment = 'center' | 'left' | 'right' | null;

type TableStyle = {
	border: (text: string) => string;
	header: (text: string) => string;
};

const minimumColumn = 3;

/**
 * Draw a table with box characters inside `width` columns. Columns keep their natural width when
 * they fit; otherwise the widest columns shrink and their cells wrap. A table with too many
 * columns for the width is written as `header: value` lines instead, so nothing is cut.
 */
export function drawTable(header: string[], rows: string[][], align: Alignment[], width: number, style: TableStyle): string[] {
	const columns = header.length;
	const cellRows = [header, ...rows].map(row => Array.from({length: columns}, (_, column) => row[column] ?? ''));
	const available = width - (3 * columns + 1);
	if (available < columns * minimumColumn) {
		return rows.flatMap((row, index) => [
			...(index > 0 ? [''] : []),
			...header.flatMap((name, column) => fitLine(`${style.header(name)}: ${row[column] ?? ''}`, width)),
		]);
	}

	const widths = Array.from({length: columns}, () => 1);
	for (const row of cellRows) {
		for (let column = 0; column < columns; column++) {
			widths[column] = Math.max(widths[column], displayWidth(row[column]));
		}
	}

	let total = widths.reduce((sum, value) => sum + value, 0);
	while (total > available) {
		const widest = widths.indexOf(Math.max(...widths));
		const second = Math.max(minimumColumn, ...widths.filter((_, index) => index !== widest));
		const cut = Math.max(1, Math.min(total - available, widths[widest] - second + 1));
		widths[widest] -= cut;
		total -= cut;
	}

	const rule = (left: string, middle: string, right: string) =>
		style.border(left + widths.map(columnWidth => '─'.repeat(columnWidth + 2)).join(middle) + right);
	const lines = [rule('┌', '┬', '┐')];
	for (const [index, row] of cellRows.entries()) {
		const wrapped = row.map((cell, column) => fitLine(cell, widths[column]));
		const height = Math.max(...wrapped.map(cell => cell.length));
		for (let line = 0; line < height; line++) {
			const cells = wrapped.map((cell, column) => {
				const text = cell[line] ?? '';
				const padded = pad(text, widths[column], align[column] ?? 'left');
				return index === 0 ? style.header(padded) : padded;
			});
			lines.push(style.border('│') + cells.map(cell => ` ${cell} `).join(style.border('│')) + style.border('│'));
		}

		if (index === 0) {
			lines.push(rule('├', '┼', '┤'));
		}
	}

	lines.push(rule('└', '┴', '┘'));
	return lines;
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
