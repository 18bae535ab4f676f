/**
 * A terminal row as text with SGR sequences where its style changes, read back from the
 * emulator's cells: what `tmux capture-pane -e` gives, so tests can check colours and bold.
 *
 * The format is fixed so tests can match it: at each change the new style is written whole
 * (`ESC[0m` first when leaving a styled run, then `ESC[a;b;...m` unless the new style is plain),
 * colours as `3N`/`9N` (palette 0–15), `38;5;N` (256 colours) or `38;2;R;G;B`, backgrounds alike
 * with 4/10/48; a styled row ends with `ESC[0m`. Trailing unstyled blanks are dropped.
 *
 * @example
 * styledRow(buffer.getLine(0)!, 80, cell) // 'plain \u001B[1;31mbold red\u001B[0m'
 */
import type {IBufferCell, IBufferLine} from '@xterm/headless';

/** The SGR parameters of one cell's style, `''` when it has none. */
export function sgrParameters(cell: IBufferCell): string {
	const parameters: string[] = [];
	const flags: Array<[number, string]> = [
		[cell.isBold(), '1'], [cell.isDim(), '2'], [cell.isItalic(), '3'], [cell.isUnderline(), '4'],
		[cell.isBlink(), '5'], [cell.isInverse(), '7'], [cell.isInvisible(), '8'], [cell.isStrikethrough(), '9'],
		[cell.isOverline(), '53'],
	];
	for (const [on, parameter] of flags) {
		if (on) {
			parameters.push(parameter);
		}
	}

	parameters.push(...colour(cell.isFgRGB(), cell.isFgPalette(), cell.getFgColor(), 30));
	parameters.push(...colour(cell.isBgRGB(), cell.isBgPalette(), cell.getBgColor(), 40));
	return parameters.join(';');
}

function colour(rgb: boolean, palette: boolean, value: number, base: 30 | 40): string[] {
	if (rgb) {
		return [`${base + 8};2;${(value >> 16) & 0xFF};${(value >> 8) & 0xFF};${value & 0xFF}`];
	}

	if (!palette) {
		return [];
	}

	if (value < 8) {
		return [String(base + value)];
	}

	return value < 16 ? [String(base + 60 + value - 8)] : [`${base + 8};5;${value}`];
}

/** One row, up to `width` columns, with its styles as SGR sequences; `scratch` is a cell object to reuse. */
export function styledRow(line: IBufferLine, width: number, scratch: IBufferCell): string {
	let text = '';
	let pendingBlanks = '';
	let current = '';
	for (let column = 0; column < Math.min(width, line.length); column++) {
		const cell = line.getCell(column, scratch)!;
		if (cell.getWidth() === 0) {
			continue;
		}

		const characters = cell.getChars() || ' ';
		const style = sgrParameters(cell);
		if (style === '' && characters === ' ') {
			text += current === '' ? '' : '\u001B[0m';
			current = '';
			pendingBlanks += ' ';
			continue;
		}

		text += pendingBlanks;
		pendingBlanks = '';
		if (style !== current) {
			text += `${current === '' ? '' : '\u001B[0m'}${style === '' ? '' : `\u001B[${style}m`}`;
			current = style;
		}

		text += characters;
	}

	return current === '' ? text : `${text}\u001B[0m`;
}
