import {painter} from './style.js';
import {stripStyling} from './sanitize.js';
import {isCountableText, isSimpleText, stringWidth} from './text-width.js';
import {SgrState, trimEndStyled} from './styled.js';

export {trimEndStyled, trimStyled} from './styled.js';

const listPrefix = /^((?: *│ ?)* *(?:[*•◦▪+-] |\d+[.)] |[☐☑] )*)/;
// Runs of spaces, and words: runs of anything else, styling included.
const wordOrSpace = / +|[^ ]+/g;

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
 * and quotes, the way a reader expects them to hang. The renderer wraps its blocks itself; this
 * is the last guarantee that nothing is wider than the terminal.
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
	const hanging = Math.min(displayWidth(prefix), Math.floor(width / 2));
	// Continuation lines hang under the text: quote bars repeat, bullets become spaces.
	const bar = line.includes('\u001B') ? painter('ansi').gray('│') : '│';
	const pad = [...prefix].slice(0, hanging).map(character => (character === '│' ? bar : ' ')).join('');
	return wrapText(line, width, pad);
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
 * Word-wrap styled text into lines of at most `width` columns. SGR sequences take no room and
 * never separate a word from its punctuation, so styled and plain text wrap at the same places;
 * a word wider than a line (a long URL) is broken only then. Continuation lines start with `pad`
 * (spaces, or quote bars), and reopen the styling open where the line broke.
 */
export function wrapText(line: string, width: number, pad = ''): string[] {
	const hanging = displayWidth(pad);
	const lines: string[] = [];
	const style = new SgrState();
	let current = '';
	let column = 0;
	let pending = 0;
	let started = false;

	const breakLine = () => {
		const open = style.sequence();
		lines.push(trimEndStyled(current + style.closing()));
		current = pad + open;
		column = hanging;
		pending = 0;
	};

	for (const token of line.match(wordOrSpace) ?? []) {
		if (token.startsWith(' ')) {
			if (started) {
				pending += token.length;
			} else {
				current += token;
				column += token.length;
			}

			continue;
		}

		const columns = displayWidth(token);
		if (columns === 0) {
			current += token;
			style.applyAll(token);
			continue;
		}

		started = true;
		if (column + pending + columns <= width) {
			current += ' '.repeat(pending) + token;
			column += pending + columns;
			pending = 0;
			style.applyAll(token);
			continue;
		}

		if (columns <= width - hanging) {
			breakLine();
			current += token;
			column += columns;
			style.applyAll(token);
			continue;
		}

		// A word longer than a whole line: fill lines with pieces of it.
		let rest = token;
		while (rest !== '') {
			let room = width - column - pending;
			if (room <= 0) {
				breakLine();
				room = width - column;
			}

			const [head, tail, used] = splitAtColumn(rest, Math.max(1, room), column === hanging && pending === 0);
			current += ' '.repeat(pending) + head;
			column += pending + used;
			pending = 0;
			style.applyAll(head);
			rest = tail;
			if (rest !== '') {
				breakLine();
			}
		}
	}

	lines.push(trimEndStyled(current));
	return lines.filter((piece, index) => index === 0 || stripStyling(piece).trim() !== '');
}

/**
 * Cut styled text into pieces of `width` columns, then `nextWidth` (the last may be shorter), each
 * piece reopening the styling the previous one left open: for code, which must not be re-wrapped.
 */
export function cutText(line: string, width: number, nextWidth = width): string[] {
	const pieces: string[] = [];
	const style = new SgrState();
	let rest = line;
	let room = width;
	while (displayWidth(rest) > room) {
		const [head, tail] = splitAtColumn(rest, room, true);
		style.applyAll(head);
		pieces.push(head + style.closing());
		rest = style.sequence() + tail;
		room = Math.max(1, nextWidth);
	}

	pieces.push(rest);
	return pieces;
}

/**
 * Lines of styled text that were one string: each line reopens the styling the one before left
 * open, so a line drawn on its own (a terminal row) keeps its colours.
 */
export function carryStyling(lines: string[]): string[] {
	const style = new SgrState();
	return lines.map(line => {
		const open = style.sequence();
		style.applyAll(line);
		return open + line + style.closing();
	});
}

/**
 * Split styled text after `columns` columns: [head, tail, columns used]. A character wider than
 * the room goes to the tail unless `force` (the head would be empty): it is then cut off.
 */
function splitAtColumn(text: string, columns: number, force: boolean): [string, string, number] {
	let used = 0;
	let index = 0;
	const simple = isSimpleText(text);
	// Text whose characters each stand alone (✔ — 中 🚀) needs no segmenter: a character is a
	// grapheme. Only the sequences the loop skips are taken out to tell (nothing else is removed).
	const countable = !simple && isCountableText(text.replace(skipped, ''));
	while (index < text.length) {
		if (text[index] === '\u001B') {
			// SGR ends at its `m`, an OSC 8 hyperlink at its BEL.
			const end = text[index + 1] === ']' ? text.indexOf('\u0007', index) : text.indexOf('m', index);
			index = end === -1 ? text.length : end + 1;
			continue;
		}

		const character = simple ? text[index] : countable ? String.fromCodePoint(text.codePointAt(index)!) : segmentAt(text, index);
		const width = simple ? 1 : stringWidth(character);
		if (used + width > columns) {
			if (used === 0 && force) {
				// Wider than the whole room: drop it rather than overflow.
				return [text.slice(0, index), text.slice(index + character.length), 0];
			}

			break;
		}

		used += width;
		index += character.length;
	}

	return [text.slice(0, index), text.slice(index), used];
}

// What splitAtColumn skips: SGR up to its `m`, an OSC 8 hyperlink up to its BEL (or the end).
// eslint-disable-next-line no-control-regex
const skipped = /\u001B(?:\][^\u0007]*(?:\u0007|$)|[^m]*(?:m|$))/g;

// Made on first use: making the first segmenter loads ICU's break rules (about 13 ms).
let segmenter: Intl.Segmenter | undefined;

/** The grapheme cluster starting at `index` (SGR sequences never start one). */
function segmentAt(text: string, index: number): string {
	const end = text.indexOf('\u001B', index);
	const slice = text.slice(index, end === -1 ? Math.min(text.length, index + 64) : Math.min(end, index + 64));
	for (const {segment} of (segmenter ??= new Intl.Segmenter()).segment(slice)) {
		return segment;
	}

	return text[index];
}

/**
 * `text` without its last character as a reader sees one (a grapheme cluster: `❤️`, `👍🏽` and
 * `é` written as e + accent go whole), for Backspace in a typed filter. ASCII needs no segmenter.
 */
export function withoutLastCharacter(text: string): string {
	if (text === '' || text.charCodeAt(text.length - 1) < 0x80) {
		return text.slice(0, -1);
	}

	let last = 0;
	for (const {index} of (segmenter ??= new Intl.Segmenter()).segment(text.slice(-64))) {
		last = index;
	}

	return text.slice(0, Math.max(0, text.length - 64) + last);
}
