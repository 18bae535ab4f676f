/*
 * Themes: every colour folio draws, by what it is for (a role), in one table per theme. The
 * renderer paints article text with `paint(theme[role])`; the UI passes `inkProps(theme[role])`
 * to Ink's <Text>. No other file names a colour.
 */

/** The 16 colours every terminal has, by Ink's (chalk's) names. */
export type Colour =
	| 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray'
	| 'redBright' | 'greenBright' | 'yellowBright' | 'blueBright' | 'magentaBright' | 'cyanBright' | 'whiteBright';

/** How one role is drawn: a colour and text attributes. */
export type Style = {
	color?: Colour;
	bold?: boolean;
	dim?: boolean;
	italic?: boolean;
	underline?: boolean;
	inverse?: boolean;
	strikethrough?: boolean;
};

/** What a style is for, in the reader's words. */
export const roles = [
	'heading1', 'heading2', 'heading3', 'heading4', 'heading5', 'heading6',
	'link', 'href', 'code', 'codespan', 'quote', 'quoteBar', 'rule', 'html', 'tableBorder', 'tableHeader',
	'codeKeyword', 'codeType', 'codeString', 'codeNumber', 'codeComment', 'codeTitle', 'codeDeletion',
	'headerTitle', 'headerFacts', 'headerSummary', 'headerRule',
	'tocTitle', 'tocCurrent', 'tocRead', 'tocBorder', 'tocCursor',
	'statusSection', 'statusHint', 'statusMessage',
	'searchMatch', 'searchCurrent',
	'libraryTitle', 'libraryItem', 'libraryDetails', 'librarySelected', 'libraryFooter', 'libraryMessage',
	'helpHeading', 'helpKeys',
	'strong', 'em', 'del',
] as const;

export type Role = typeof roles[number];

/** Roles that are typography, not colour: bold, italic and struck-through text in every theme. */
export const typographicRoles: ReadonlySet<Role> = new Set<Role>(['strong', 'em', 'del']);

export type Theme = {readonly name: ThemeName} & Readonly<Record<Role, Style>>;

export const themeNames = ['dark', 'light', 'mono'] as const;
export type ThemeName = typeof themeNames[number];

const emphasis = {strong: {bold: true}, em: {italic: true}, del: {dim: true, strikethrough: true}} as const;

/** For a dark background: bright accents, grey for the quiet parts. */
export const darkTheme: Theme = {
	name: 'dark',
	heading1: {color: 'magentaBright', bold: true, underline: true},
	heading2: {color: 'greenBright', bold: true},
	heading3: {color: 'cyanBright', bold: true},
	heading4: {color: 'yellow', bold: true},
	heading5: {color: 'green', bold: true},
	heading6: {color: 'gray', bold: true},
	link: {color: 'blueBright'},
	href: {color: 'blue', underline: true},
	code: {color: 'yellow'},
	codespan: {color: 'yellowBright'},
	quote: {color: 'gray', italic: true},
	quoteBar: {color: 'gray'},
	rule: {color: 'gray'},
	html: {color: 'gray'},
	tableBorder: {color: 'gray'},
	tableHeader: {color: 'whiteBright', bold: true},
	codeKeyword: {color: 'blueBright'},
	codeType: {color: 'cyan'},
	codeString: {color: 'green'},
	codeNumber: {color: 'magenta'},
	codeComment: {color: 'gray'},
	codeTitle: {color: 'yellow'},
	codeDeletion: {color: 'red'},
	headerTitle: {color: 'whiteBright', bold: true},
	headerFacts: {color: 'gray'},
	headerSummary: {color: 'white', italic: true},
	headerRule: {color: 'gray'},
	tocTitle: {color: 'whiteBright', bold: true},
	tocCurrent: {color: 'cyanBright', bold: true},
	tocRead: {color: 'gray'},
	tocBorder: {color: 'gray'},
	tocCursor: {color: 'cyan', inverse: true},
	statusSection: {color: 'whiteBright', bold: true},
	statusHint: {color: 'gray'},
	statusMessage: {color: 'yellow'},
	searchMatch: {color: 'yellow', inverse: true},
	searchCurrent: {color: 'yellowBright', inverse: true, underline: true},
	libraryTitle: {color: 'whiteBright', bold: true},
	libraryItem: {color: 'white', bold: true},
	libraryDetails: {color: 'gray'},
	librarySelected: {color: 'cyan', inverse: true},
	libraryFooter: {color: 'gray'},
	libraryMessage: {color: 'yellow'},
	helpHeading: {color: 'cyanBright', bold: true},
	helpKeys: {color: 'yellow'},
	...emphasis,
};

/** For a light background: dark, saturated colours; nothing yellow or white on white. */
export const lightTheme: Theme = {
	name: 'light',
	heading1: {color: 'magenta', bold: true, underline: true},
	heading2: {color: 'green', bold: true},
	heading3: {color: 'blue', bold: true},
	heading4: {color: 'red', bold: true},
	heading5: {color: 'cyan', bold: true},
	heading6: {color: 'black', bold: true},
	link: {color: 'blue'},
	href: {color: 'blue', underline: true},
	code: {color: 'red'},
	codespan: {color: 'red'},
	quote: {color: 'black', italic: true},
	quoteBar: {color: 'cyan'},
	rule: {color: 'cyan'},
	html: {color: 'black'},
	tableBorder: {color: 'cyan'},
	tableHeader: {color: 'black', bold: true},
	codeKeyword: {color: 'blue'},
	codeType: {color: 'cyan'},
	codeString: {color: 'green'},
	codeNumber: {color: 'magenta'},
	codeComment: {color: 'black'},
	codeTitle: {color: 'red'},
	codeDeletion: {color: 'red'},
	headerTitle: {color: 'black', bold: true},
	headerFacts: {color: 'blue'},
	headerSummary: {color: 'black', italic: true},
	headerRule: {color: 'cyan'},
	tocTitle: {color: 'black', bold: true},
	tocCurrent: {color: 'blue', bold: true},
	tocRead: {color: 'green'},
	tocBorder: {color: 'cyan'},
	tocCursor: {color: 'blue', inverse: true},
	statusSection: {color: 'black', bold: true},
	statusHint: {color: 'blue'},
	statusMessage: {color: 'red'},
	searchMatch: {color: 'magenta', inverse: true},
	searchCurrent: {color: 'red', inverse: true, underline: true},
	libraryTitle: {color: 'black', bold: true},
	libraryItem: {color: 'black', bold: true},
	libraryDetails: {color: 'blue'},
	librarySelected: {color: 'blue', inverse: true},
	libraryFooter: {color: 'blue'},
	libraryMessage: {color: 'red'},
	helpHeading: {color: 'blue', bold: true},
	helpKeys: {color: 'magenta'},
	...emphasis,
};

/** No colour at all: only bold, dim, underline and inverse, for NO_COLOR and monochrome terminals. */
export const monoTheme: Theme = {
	name: 'mono',
	heading1: {bold: true, underline: true},
	heading2: {bold: true},
	heading3: {bold: true},
	heading4: {bold: true},
	heading5: {bold: true},
	heading6: {bold: true},
	link: {underline: true},
	href: {dim: true},
	code: {},
	codespan: {bold: true},
	quote: {dim: true},
	quoteBar: {dim: true},
	rule: {dim: true},
	html: {dim: true},
	tableBorder: {dim: true},
	tableHeader: {bold: true},
	codeKeyword: {bold: true},
	codeType: {},
	codeString: {},
	codeNumber: {},
	codeComment: {dim: true},
	codeTitle: {underline: true},
	codeDeletion: {dim: true},
	headerTitle: {bold: true},
	headerFacts: {dim: true},
	headerSummary: {},
	headerRule: {dim: true},
	tocTitle: {bold: true},
	tocCurrent: {bold: true, underline: true},
	tocRead: {dim: true},
	tocBorder: {dim: true},
	tocCursor: {inverse: true},
	statusSection: {bold: true},
	statusHint: {dim: true},
	statusMessage: {bold: true},
	searchMatch: {inverse: true},
	searchCurrent: {inverse: true, underline: true},
	libraryTitle: {bold: true},
	libraryItem: {bold: true},
	libraryDetails: {dim: true},
	librarySelected: {inverse: true},
	libraryFooter: {dim: true},
	libraryMessage: {bold: true},
	helpHeading: {bold: true},
	helpKeys: {bold: true},
	strong: {bold: true},
	em: {underline: true},
	del: {dim: true},
};

export const themes: Readonly<Record<ThemeName, Theme>> = {dark: darkTheme, light: lightTheme, mono: monoTheme};

/** The heading style for a heading of `depth` (1–6). */
export function headingRole(depth: number): Role {
	return `heading${Math.min(6, Math.max(1, Math.round(depth)))}` as Role;
}

const foreground: Record<Colour, number> = {
	black: 30, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, white: 37, gray: 90,
	redBright: 91, greenBright: 92, yellowBright: 93, blueBright: 94, magentaBright: 95, cyanBright: 96, whiteBright: 97,
};

type Pair = [open: string, close: string];

const attributes: Array<[keyof Style, Pair]> = [
	['bold', ['1', '22']], ['dim', ['2', '22']], ['italic', ['3', '23']], ['underline', ['4', '24']],
	['inverse', ['7', '27']], ['strikethrough', ['9', '29']],
];

function pairsOf(style: Style): Pair[] {
	const pairs: Pair[] = attributes.filter(([name]) => style[name]).map(([, pair]) => pair);
	if (style.color) {
		pairs.push([String(foreground[style.color]), '39']);
	}

	return pairs;
}

const sgr = (code: string) => `\u001B[${code}m`;

/**
 * A function that wraps text in a style's SGR codes. Like chalk, it re-opens the style after a
 * nested style closes the same attribute, so `paint(bold)(… paint(dim)(x) …)` stays bold.
 */
export function paint(style: Style): (text: string) => string {
	const pairs = pairsOf(style);
	if (pairs.length === 0) {
		return text => text;
	}

	const open = sgr(pairs.map(([code]) => code).join(';'));
	// One sequence per attribute closed, so an enclosing paint can find and re-open each.
	const close = [...new Set(pairs.map(([, code]) => code))].map(code => sgr(code)).join('');
	return text => {
		if (text === '') {
			return text;
		}

		let inner = text;
		for (const [code, closing] of pairs) {
			inner = inner.replaceAll(sgr(closing), sgr(closing) + sgr(code));
		}

		return open + inner + close;
	};
}

/** The SGR sequence that turns a style on (empty for a plain style). */
export function openingOf(style: Style): string {
	const pairs = pairsOf(style);
	return pairs.length === 0 ? '' : sgr(pairs.map(([code]) => code).join(';'));
}

/** Turns off every attribute a style can set, and the colour. */
export const resetStyle = sgr('22;23;24;27;29;39');

/** The props Ink's <Text> takes for a style. */
export type TextProps = {color?: Colour; bold?: boolean; dimColor?: boolean; italic?: boolean; underline?: boolean; inverse?: boolean; strikethrough?: boolean};

/** A style as Ink <Text> props: `<Text {...inkProps(theme.tocCurrent)}>`. */
export function inkProps(style: Style): TextProps {
	const props: TextProps = {};
	if (style.color) {
		props.color = style.color;
	}

	for (const name of ['bold', 'italic', 'underline', 'inverse', 'strikethrough'] as const) {
		if (style[name]) {
			props[name] = true;
		}
	}

	if (style.dim) {
		props.dimColor = true;
	}

	return props;
}

/** True for one of the theme names. */
export function isThemeName(value: unknown): value is ThemeName {
	return typeof value === 'string' && (themeNames as readonly string[]).includes(value);
}
