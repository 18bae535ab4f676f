import type {ChalkInstance} from 'chalk';
import {painter} from '../text/style.js';

/*
 * Themes: every colour folio draws, by what it is for (a role), in one table per theme. The
 * renderer's styles (`core/markdown/styles.ts`) paint article text with `paint(theme[role])`,
 * which goes through `painter()`; the UI passes `inkProps(theme[role])` to Ink's <Text>.
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
	'link', 'href', 'image', 'footnote', 'code', 'codeWrap', 'codespan', 'kbd', 'quote', 'quoteBar', 'rule', 'html', 'tableBorder', 'tableHeader',
	'codeKeyword', 'codeType', 'codeString', 'codeNumber', 'codeComment', 'codeTitle', 'codeDeletion',
	'headerTitle', 'headerFacts', 'headerSummary', 'headerRule',
	'tocTitle', 'tocCurrent', 'tocRead', 'tocBorder', 'tocCursor', 'tocMark',
	'linkListBorder', 'linkListSelected',
	'statusSection', 'statusHint', 'statusMessage',
	'searchMatch', 'searchCurrent',
	'libraryTitle', 'libraryItem', 'libraryDetails', 'librarySelected', 'libraryFooter', 'libraryMessage',
	'helpHeading', 'helpKeys',
	'strong', 'em', 'del',
] as const;

export type Role = typeof roles[number];

/** Roles that are typography, not colour: bold, italic and struck-through text in every theme. */
export const typographicRoles: ReadonlySet<Role> = new Set<Role>(['strong', 'em', 'del', 'kbd']);

export type Theme = {readonly name: ThemeName} & Readonly<Record<Role, Style>>;

export const themeNames = ['dark', 'light', 'mono'] as const;
export type ThemeName = typeof themeNames[number];

const emphasis = {strong: {bold: true}, em: {italic: true}, del: {dim: true, strikethrough: true}, kbd: {inverse: true}} as const;

/** For a dark background, and the default: the renderer's long-standing colours, grey for the quiet parts. */
export const darkTheme: Theme = {
	name: 'dark',
	heading1: {color: 'magenta', bold: true, underline: true},
	heading2: {color: 'green', bold: true},
	heading3: {color: 'cyan', bold: true},
	heading4: {color: 'yellow', bold: true},
	heading5: {color: 'blue', bold: true},
	heading6: {color: 'gray', bold: true},
	link: {color: 'blue'},
	href: {color: 'blue', underline: true},
	image: {color: 'magenta'},
	footnote: {color: 'cyan'},
	code: {color: 'yellow'},
	codeWrap: {color: 'gray'},
	codespan: {color: 'yellow'},
	quote: {color: 'gray', italic: true},
	quoteBar: {color: 'gray'},
	rule: {color: 'gray'},
	html: {color: 'gray'},
	tableBorder: {color: 'gray'},
	tableHeader: {color: 'white', bold: true},
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
	tocMark: {color: 'yellow'},
	linkListBorder: {color: 'cyan'},
	linkListSelected: {color: 'cyan', bold: true},
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
	image: {color: 'magenta'},
	footnote: {color: 'magenta'},
	code: {color: 'red'},
	codeWrap: {color: 'cyan'},
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
	tocMark: {color: 'magenta'},
	linkListBorder: {color: 'blue'},
	linkListSelected: {color: 'blue', bold: true},
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
	image: {underline: true},
	footnote: {bold: true},
	code: {},
	codeWrap: {dim: true},
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
	tocMark: {bold: true},
	linkListBorder: {dim: true},
	linkListSelected: {bold: true, inverse: true},
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
	kbd: {inverse: true},
};

export const themes: Readonly<Record<ThemeName, Theme>> = {dark: darkTheme, light: lightTheme, mono: monoTheme};

/** The heading style for a heading of `depth` (1–6). */
export function headingRole(depth: number): Role {
	return `heading${Math.min(6, Math.max(1, Math.round(depth)))}` as Role;
}

const attributes = ['bold', 'dim', 'italic', 'underline', 'inverse', 'strikethrough'] as const;

/**
 * A function that draws text in a style, through `painter('ansi')` (chalk), which re-opens a style
 * after a nested one closes the same attribute, so `paint(bold)(… paint(dim)(x) …)` stays bold.
 */
export function paint(style: Style): (text: string) => string {
	let chalk: ChalkInstance = painter('ansi');
	let plain = true;
	for (const name of attributes) {
		if (style[name]) {
			chalk = chalk[name];
			plain = false;
		}
	}

	if (style.color) {
		chalk = chalk[style.color];
		plain = false;
	}

	return plain ? text => text : chalk;
}

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
