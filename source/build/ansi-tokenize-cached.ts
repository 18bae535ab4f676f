/**
 * Stands in for `@alcalzone/ansi-tokenize` inside the bundle: the same functions, remembered
 * across frames.
 *
 * Ink composes every frame by cutting each line of text into styled characters
 * (`styledCharsFromTokens(tokenize(line))`) and joining each screen row back into a string
 * (`styledCharsToString`). Its cache lives for one frame, so scrolling one line re-cut all forty
 * lines of the screen: about a third of the time a key took. Here a line is cut once and kept
 * (bounded), and characters of one style share one styles array, so joining a row only works out
 * what changes where the style does. The results are the ones the package gives (a test checks).
 */
import {ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, tokenize as tokenizeText, type AnsiCode, type StyledChar, type Token} from '@alcalzone/ansi-tokenize';
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import {folioIcons, isCountableText} from '../core/text/text-width.js';
import {remembered} from './remembered.js';
import {stylingSequence} from './styling.js';

export * from '@alcalzone/ansi-tokenize';

const charsByTokens = new WeakMap<Token[], StyledChar[]>();
/** Lines, and the escape sequences and characters they are cut into, tokenized once. */
const tokensOfLine = remembered(text => tokenizeFast(text) ?? tokenizeText(text));
const tokensFor = remembered(piece => tokenizeText(piece));
const charTokens = new Map<string, Token>();
const iconSplit = new RegExp(`(${folioIcons.join('|')})`, 'u');

export function tokenize(text: string, endChar?: number): Token[] {
	return endChar === undefined ? tokensOfLine(text) : tokenizeText(text, endChar);
}

// The styling sequences folio's lines hold, and the text between; any other escape (a lone ESC
// piece) sends the line to the package.
const pieces = new RegExp(`${stylingSequence}|[^\\u001B]+|\\u001B`, 'g');

/**
 * The package segments the whole line into graphemes, which is most of its cost. A line whose
 * characters each stand alone (`isCountableText`) needs no segmenter: it is tokenized piece by
 * piece, escape sequences by the package itself and remembered, and each character as the
 * package makes the token of a grapheme of one character (`charToken`), so the tokens are the
 * package's; so is a line with folio's header icons among such characters. Other lines
 * (emoji, combining marks) return undefined and go to the package whole.
 * Making the package's segmenter loads ICU's break rules (some 13 ms): a screen of such lines
 * never pays it.
 */
function tokenizeFast(text: string): Token[] | undefined {
	const tokens: Token[] = [];
	for (const [piece] of text.matchAll(pieces)) {
		if (piece.startsWith('\u001B')) {
			if (piece.length === 1) {
				return undefined;
			}

			// Tokens are only read (by styledCharsFromTokens), so remembered ones are shared.
			for (const token of tokensFor(piece)) {
				tokens.push(token);
			}

			continue;
		}

		// Countable text whole, or split around the header's icons (📅 ⏱️ 👁), each one grapheme
		// when countable text is all around it.
		const parts = isCountableText(piece) ? [piece] : piece.split(iconSplit);
		for (const [index, part] of parts.entries()) {
			if (index % 2 === 1) {
				tokens.push(charToken(part));
			} else if (isCountableText(part)) {
				for (const character of part) {
					tokens.push(charToken(character));
				}
			} else {
				return undefined;
			}
		}
	}

	return tokens;
}

/**
 * The package's token for a grapheme of one character (or one of folio's icons): wide as
 * is-fullwidth-code-point says, or when a variation selector 16 makes it an emoji (⏱️). The
 * package also widens regional indicators, none of which is countable or an icon.
 * tests/build/ink-stand-ins.test.ts checks every countable character against the package.
 * Remembered: tokens are only read.
 */
function charToken(character: string): Token {
	let token = charTokens.get(character);
	if (token === undefined) {
		const fullWidth = isFullwidthCodePoint(character.codePointAt(0)!) || character.includes('\uFE0F');
		token = {type: 'char', value: character, fullWidth};
		charTokens.set(character, token);
	}

	return token;
}

/**
 * As the package computes them, except that characters between two escape codes share one styles
 * array (the package copies it for each).
 */
export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
	let chars = charsByTokens.get(tokens);
	if (chars === undefined) {
		chars = [];
		let codes: AnsiCode[] = [];
		let shared: AnsiCode[] | undefined;
		for (const token of tokens) {
			if (token.type === 'ansi') {
				codes = reduceAnsiCodesIncremental(codes, [token]);
				shared = undefined;
			} else {
				shared ??= [...codes];
				chars.push({type: 'char', value: token.value, fullWidth: token.fullWidth, styles: shared});
			}
		}

		charsByTokens.set(tokens, chars);
	}

	return chars;
}

/**
 * The package's join, line for line, except that the style diff between two characters is skipped
 * where it is empty by construction: the same styles array, or no styles on either side.
 */
export function styledCharsToString(chars: StyledChar[]): string {
	let text = '';
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index];
		if (index === 0) {
			text += ansiCodesToString(char.styles);
		} else {
			const before = chars[index - 1].styles;
			if (before !== char.styles && (before.length > 0 || char.styles.length > 0)) {
				text += ansiCodesToString(diffAnsiCodes(before, char.styles));
			}
		}

		text += char.value;
		if (index === chars.length - 1) {
			text += ansiCodesToString(diffAnsiCodes(char.styles, []));
		}
	}

	return text;
}
