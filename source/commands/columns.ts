import {stringWidth, truncate} from '../core/text/text-width.js';

/** How aligned columns fit a terminal: its width, and the columns that give way (cut with …), first first. */
export type Fit = {columns: number; shrink: number[]};

/** The narrowest a column that gives way is cut to. */
const narrowest = 12;

/**
 * Rows as columns two spaces apart, measured as the terminal counts (wide characters take two),
 * right-aligned where `right` says; the last column is not padded. With `fit`, a line wider than
 * the terminal has its `shrink` columns cut in turn to make room, and what still does not fit is
 * cut at the edge, so a row never wraps.
 */
export function alignColumns(rows: string[][], right: boolean[], fit?: Fit): string[] {
	// Each cell measured once; a loop, not Math.max(...), which overflows the stack on a long list.
	const cellWidths = rows.map(row => row.map(cell => stringWidth(cell)));
	const widths = rows[0].map((_, column) => {
		let widest = 0;
		for (const row of cellWidths) {
			widest = Math.max(widest, row[column] ?? 0);
		}

		return widest;
	});
	if (fit) {
		for (const column of fit.shrink) {
			const over = widths.reduce((sum, width) => sum + width, 0) + (2 * (widths.length - 1)) - fit.columns;
			if (over > 0) {
				widths[column] = Math.max(Math.min(narrowest, widths[column]), widths[column] - over);
			}
		}
	}

	return rows.map((row, index) => {
		const line = row.map((cell, column) => {
			const cut = cellWidths[index][column] > widths[column];
			const shown = cut ? truncate(cell, widths[column]) : cell;
			const pad = ' '.repeat(Math.max(0, widths[column] - (cut ? stringWidth(shown) : cellWidths[index][column])));
			if (column === row.length - 1 && !right[column]) {
				return shown;
			}

			return right[column] ? pad + shown : shown + pad;
		}).join('  ');
		return fit && stringWidth(line) > fit.columns ? truncate(line, fit.columns) : line;
	});
}
