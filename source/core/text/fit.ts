import {painter} from './style.js';
import {stripStyling} from './sanitize.js';
import {isSimpleText, stringWidth, wrapAnsi} from './text-width.js';

// eslint-disable-next-line no-control-regex
const leadingStyledSpaces = /^((?:\u001B\[[\d;]*m)*) +/;
// eslint-disable-next-line no-control-regex
const trailingStyledSpaces = / +((?:\u001B\[[\d;]*m)*)$/;
const listPrefix = /^((?: *│ ?)* *(?:[*•+-] |\d+[.)] |\[[ xX]\] )*)/;
// eslint-disable-next-line no-control-regex
const styledToken = /\u001B\[[\d;]*m| +|[^ \u001B]+/g;

/** Terminal columns a rendered line takes (escape sequences count zero, CJK and emoji two). */
export function displayWidth(line: string): number {
	if (isSimpleText(line)) {
		return line.includes('\u001B') ? stripStyling(line).length : line.length;
	}

	return stringWidth(stripStyling(line));
}

/**
 * Fit one rendered line into `width` columns. Long lines wrap at word boundaries (breaking words
 * only when they are wider than the line) and continuation lines keep the indent of list items
 * and quotes, the way a reader expects them to hang.
 */
export function fitLine(text: string, width: number): string[] {
	if (displayWidth(text) <= width) {
		return [text];
	}

	// Deeply nested quotes and lists indent past the width: keep at most half of it.
	const line = limitIndent(text, Math.floor(width / 2));
	if (displayWidth(line) <= width) {
		return [line];
	}

	const prefix = listPrefix.exec(stripStyling(line))?.[1] ?? '';
	const hanging = Math.min(prefix.length, Math.floor(width / 2));
	// Continuation lines hang under the text: quote bars repeat, bullets become spaces.
	const bar = line.includes('\u001B') ? painter('ansi').gray('│') : '│';
	const pad = [...prefix.slice(0, hanging)].map(character => (character === '│' ? bar : ' ')).join('');
	const pieces = isSimpleText(line) ? wrapSimple(line, width, hanging, pad) : wrapWide(line, width, hanging, pad);
	return pieces.map(piece => piece.replace(trailingStyledSpaces, '$1'));
}

/** Drop leading spaces beyond `maximum`, keeping any styling among them. */
function limitIndent(line: string, maximum: number): string {
	let spaces = 0;
	let index = 0;
	let out = '';
	while (index < line.length) {
		if (line[index] === ' ') {
			if (spaces < maximum) {
				out += ' ';
			}

			spaces++;
			index++;
		} else if (line[index] === '\u001B') {
			const end = line.indexOf('m', index);
			if (end === -1) {
				break;
			}

			out += line.slice(index, end + 1);
			index = end + 1;
		} else {
			break;
		}
	}

	return spaces > maximum ? out + line.slice(index) : line;
}

/**
 * Word-wrap a line whose characters are all one column wide, carrying styling across breaks.
 * This is the common case and much cheaper than measuring every word with string-width.
 */
function wrapSimple(line: string, width: number, hanging: number, pad: string): string[] {
	const lines: string[] = [];
	const style = new SgrState();
	let current = '';
	let column = 0;
	let pending = 0;
	let started = false;

	const breakLine = () => {
		const open = style.sequence();
		lines.push(open ? current + '\u001B[0m' : current);
		current = pad + open;
		column = hanging;
		pending = 0;
	};

	for (const token of line.match(styledToken) ?? []) {
		if (token.startsWith('\u001B')) {
			current += token;
			style.apply(token);
			continue;
		}

		if (token.startsWith(' ')) {
			if (started) {
				pending += token.length;
			} else {
				current += token;
				column += token.length;
			}

			continue;
		}

		started = true;
		let word = token;
		if (column + pending + word.length <= width) {
			current += ' '.repeat(pending) + word;
			column += pending + word.length;
			pending = 0;
			continue;
		}

		if (word.length <= width - hanging) {
			breakLine();
			current += word;
			column += word.length;
			continue;
		}

		// A word longer than a whole line: fill lines with pieces of it.
		while (word.length > 0) {
			let room = width - column - pending;
			if (room <= 0) {
				breakLine();
				room = width - column;
			}

			current += ' '.repeat(pending) + word.slice(0, room);
			column += pending + Math.min(room, word.length);
			pending = 0;
			word = word.slice(room);
			if (word.length > 0) {
				breakLine();
			}
		}
	}

	lines.push(current);
	return lines.filter((piece, index) => index === 0 || stripStyling(piece).trim() !== '');
}

/** Wrap a line with wide or combining characters, measuring with string-width. */
function wrapWide(line: string, width: number, hanging: number, pad: string): string[] {
	const pieces = wrapAnsi(line, width - hanging, {hard: true, trim: false, wordWrap: true}).split('\n');
	const fitted = [pieces[0]];
	for (const piece of pieces.slice(1)) {
		const text = piece.replace(leadingStyledSpaces, '$1');
		if (stripStyling(text).trim() !== '') {
			fitted.push(pad + text);
		}
	}

	// A character wider than a whole line is the only thing that can still overflow: cut it.
	return fitted.map(fittedLine => (displayWidth(fittedLine) <= width ? fittedLine : cutToWidth(fittedLine, width)));
}

function cutToWidth(line: string, width: number): string {
	let out = '';
	let used = 0;
	for (const {segment} of new Intl.Segmenter().segment(stripStyling(line))) {
		const columns = stringWidth(segment);
		if (used + columns > width) {
			break;
		}

		out += segment;
		used += columns;
	}

	return out;
}

/**
 * The SGR attributes in effect after a run of sequences, so a wrapped line can reopen exactly
 * the styling that was open where it broke, in one sequence, however many came before.
 */
class SgrState {
	private readonly attributes = new Map<string, string>();

	apply(sequence: string): void {
		const codes = sequence.slice(2, -1).split(';').map(code => (code === '' ? 0 : Number(code)));
		for (let index = 0; index < codes.length; index++) {
			const code = codes[index];
			if (code === 0) {
				this.attributes.clear();
			} else if (code === 38 || code === 48) {
				const length = codes[index + 1] === 5 ? 2 : 4;
				this.attributes.set(code === 38 ? 'fg' : 'bg', codes.slice(index, index + 1 + length).join(';'));
				index += length;
			} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
				this.attributes.set('fg', String(code));
			} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
				this.attributes.set('bg', String(code));
			} else if (closing.has(code)) {
				for (const name of closing.get(code)!) {
					this.attributes.delete(name);
				}
			} else {
				this.attributes.set(String(code), String(code));
			}
		}
	}

	/** One sequence that reopens the current styling, or '' when none is open. */
	sequence(): string {
		return this.attributes.size === 0 ? '' : `\u001B[${[...this.attributes.values()].join(';')}m`;
	}
}

// Codes that end an attribute, and the attributes they end.
const closing = new Map<number, string[]>([
	[22, ['1', '2']], [23, ['3']], [24, ['4']], [25, ['5']], [27, ['7']], [28, ['8']], [29, ['9']], [39, ['fg']], [49, ['bg']],
]);
