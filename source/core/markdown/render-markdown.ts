import {Lexer, Marked, type Links, type Token, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import type {CodeHighlighter} from './highlight.js';
import {decodeEntities} from './outline.js';
import {sanitizeLine, sanitizeText, stripStyling} from '../text/sanitize.js';
import {drawTable} from './table.js';
import {darkTheme, headingRole, paint, type Theme} from '../theme/theme.js';

/** `ansi` styles the text with SGR colours; `plain` emits no escape sequence at all. */
export type RenderStyle = 'ansi' | 'plain';

type Converter = {
	marked: Marked;
	/** The width the next parse renders at; rules and tables read it. */
	width: number;
	/** Columns of indent the quotes and list items being rendered add around their content. */
	indent: number;
	/** Colours fenced code in `ansi` style, when the caller provides one. */
	highlight: CodeHighlighter | undefined;
	/** Web and mail links become OSC 8 hyperlinks (`ansi` style only). */
	hyperlinks: boolean;
	/** Depth of the heading being rendered, for its style. */
	headingDepth: number;
};

const converters = new Map<string, Converter>();

/**
 * Render one run of Markdown (a section) to terminal text with marked and marked-terminal.
 * Lines are not yet fitted to the width: `fitLines` does that for every renderer output.
 */
export function renderMarkdown(markdown: string, links: Links, width: number, style: RenderStyle, highlight?: CodeHighlighter, hyperlinks = false, theme: Theme = darkTheme): string {
	const converter = converterFor(style, theme);
	converter.width = width;
	converter.highlight = highlight;
	converter.hyperlinks = hyperlinks && style === 'ansi';
	const lexer = new Lexer(converter.marked.defaults);
	Object.assign(lexer.tokens.links, links);
	const tokens = lexer.lex(limitNesting(markdown));
	return converter.marked.parser(tokens);
}

/** The reference-link definitions of a whole document, read from its definition lines. */
export function readLinkDefinitions(lines: string[]): Links {
	if (lines.length === 0) {
		return {};
	}

	return Lexer.lex(lines.join('\n\n')).links;
}

function converterFor(style: RenderStyle, theme: Theme): Converter {
	const key = style === 'ansi' ? `ansi:${theme.name}` : style;
	let converter = converters.get(key);
	if (!converter) {
		converter = createConverter(style, theme);
		converters.set(key, converter);
	}

	return converter;
}

function createConverter(style: RenderStyle, theme: Theme): Converter {
	const converter: Converter = {marked: new Marked({gfm: true, async: false}), width: 80, indent: 0, highlight: undefined, hyperlinks: false, headingDepth: 1};
	const identity = (text: string) => text;
	const styles = style === 'ansi' ? themeStyles(theme, () => converter.headingDepth) : plainStyles(identity);

	const terminal = markedTerminal({...styles, emoji: true, showSectionPrefix: true, reflowText: false, tab: 4}) as {renderer: Record<string, (this: unknown, token: unknown) => string>};
	converter.marked.use(terminal as never);
	// Quotes indent by 2 and lists by up to 6 columns: what they hold (a table, a rule) must
	// be drawn that much narrower, or every row of it would wrap.
	const indented = (name: string, columns: number) => function (this: unknown, token: unknown) {
		converter.indent += columns;
		try {
			return terminal.renderer[name].call(this, token);
		} finally {
			converter.indent -= columns;
		}
	};

	const innerWidth = () => Math.max(10, converter.width - converter.indent);
	converter.marked.use({
		renderer: {
			blockquote(this: {parser: {parse(tokens: Token[]): string}}, token: Tokens.Blockquote) {
				// A bar at the start of every line, as a reader of glow or GitHub expects.
				converter.indent += 2;
				try {
					const inner = this.parser.parse(token.tokens).replace(/\n+$/, '').replace(/^\n+/, '');
					return inner.split('\n').map(line => styles.quoteBar('│') + ' ' + styles.blockquote(line)).join('\n') + '\n\n';
				} finally {
					converter.indent -= 2;
				}
			},
			list: indented('list', 6),
			heading(this: unknown, token: Tokens.Heading) {
				converter.headingDepth = token.depth;
				return terminal.renderer.heading.call(this, token);
			},
			text(this: {parser: {parseInline(tokens: Token[]): string}}, token: Tokens.Text | Tokens.Escape) {
				// Soft line breaks inside a paragraph are spaces: lines are wrapped to the width later.
				if ('tokens' in token && token.tokens) {
					return this.parser.parseInline(token.tokens);
				}

				return styles.text(sanitizeText(decodeEntities(token.text)).replace(/\n/g, ' '));
			},
			code(token: Tokens.Code) {
				const language = token.lang?.trim().split(/\s+/)[0]?.toLowerCase();
				const highlighted = style === 'ansi' && language ? converter.highlight?.(token.text, language, theme) : undefined;
				const body = highlighted ?? styles.code(token.text);
				return indent(body, 4) + '\n\n';
			},
			html(token: Tokens.HTML | Tokens.Tag) {
				const text = sanitizeText(decodeEntities(token.text.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<[^>]*>/g, '')));
				if ('block' in token && token.block) {
					return text.trim() === '' ? '' : styles.html(text.trim()) + '\n\n';
				}

				return text;
			},
			hr() {
				return styles.hr('─'.repeat(innerWidth())) + '\n\n';
			},
			link(this: {parser: {parseInline(tokens: Token[]): string}}, token: Tokens.Link) {
				const text = this.parser.parseInline(token.tokens);
				const url = linkDestination(token.href);
				if (converter.hyperlinks && url !== undefined && hyperlinkable(url)) {
					// The terminal shows the address on hover: printing it after the text would repeat it.
					return hyperlink(url, styles.link(text || url));
				}

				const href = sanitizeLine(token.href);
				if (href.startsWith('#') || href === '' || stripStyling(text) === href) {
					return styles.link(text || href);
				}

				return styles.link(`${text} (${styles.href(href)})`);
			},
			table(this: {parser: {parseInline(tokens: Token[]): string}}, token: Tokens.Table) {
				const header = token.header.map(cell => this.parser.parseInline(cell.tokens));
				const rows = token.rows.map(row => row.map(cell => this.parser.parseInline(cell.tokens)));
				return drawTable(header, rows, token.align, innerWidth(), {border: styles.tableBorder, header: styles.tableHeader}).join('\n') + '\n\n';
			},
		},
	});
	return converter;
}

type Styles = Record<'code' | 'blockquote' | 'html' | 'heading' | 'firstHeading' | 'hr' | 'listitem' | 'table' | 'paragraph' | 'strong' | 'em' | 'codespan' | 'del' | 'link' | 'href' | 'text' | 'tableBorder' | 'tableHeader' | 'quoteBar', (text: string) => string>;

/** The theme's styles; headings take the style of their depth (`depth()` is the one being rendered). */
function themeStyles(theme: Theme, depth: () => number): Styles {
	const headings = [1, 2, 3, 4, 5, 6].map(level => paint(theme[headingRole(level)]));
	return {
		code: paint(theme.code),
		blockquote: paint(theme.quote),
		html: paint(theme.html),
		heading: text => headings[Math.min(6, Math.max(1, depth())) - 1](text),
		firstHeading: text => headings[0](text),
		hr: paint(theme.rule),
		listitem: text => text,
		table: text => text,
		paragraph: text => text,
		strong: paint(theme.strong),
		em: paint(theme.em),
		codespan: paint(theme.codespan),
		del: paint(theme.del),
		link: paint(theme.link),
		href: paint(theme.href),
		text: text => text,
		tableBorder: paint(theme.tableBorder),
		tableHeader: paint(theme.tableHeader),
		quoteBar: paint(theme.quoteBar),
	};
}

function plainStyles(identity: (text: string) => string): Styles {
	return {
		code: identity, blockquote: identity, html: identity, heading: identity, firstHeading: identity, hr: identity,
		listitem: identity, table: identity, paragraph: identity, strong: identity, em: identity, codespan: identity,
		del: identity, link: identity, href: identity, text: identity, tableBorder: identity, tableHeader: identity, quoteBar: identity,
	};
}

// Anything that could end the sequence early or reorder what is shown: C0, DEL, C1, bidi controls.
// eslint-disable-next-line no-control-regex
const unsafeInUrl = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * A link's destination with its entities decoded, as CommonMark reads it (`&amp;` is `&`), or
 * undefined when an entity stood for a control character: such a URL is only ever shown as text.
 */
export function linkDestination(href: string): string | undefined {
	const decoded = decodeEntities(href);
	return decoded.includes('\uFFFD') && !href.includes('\uFFFD') ? undefined : decoded;
}

/** Only absolute web and mail addresses become hyperlinks, and never one carrying a control. */
export function hyperlinkable(url: string): boolean {
	return /^(?:https?:\/\/|mailto:)\S+$/i.test(url) && !unsafeInUrl.test(url) && url.length <= 2048;
}

/** An OSC 8 hyperlink around `text`: `ESC ] 8 ; ; URL BEL text ESC ] 8 ; ; BEL`. */
export function hyperlink(url: string, text: string): string {
	return `\u001B]8;;${url}\u0007${text}\u001B]8;;\u0007`;
}

function indent(text: string, columns: number): string {
	const pad = ' '.repeat(columns);
	return text.split('\n').map(line => (line === '' ? line : pad + line)).join('\n');
}


/** Quote levels and list indentation kept; deeper nesting is drawn at this depth. */
const maximumQuoteDepth = 12;
const maximumIndent = 48;
const deepQuote = new RegExp(`^((?: {0,3}>[ \\t]?){${maximumQuoteDepth}})(?: {0,3}>[ \\t]?)+`, 'gm');
const deepIndent = new RegExp(`^ {${maximumIndent + 1},}`, 'gm');

/**
 * Flatten pathological nesting (a quote 200 levels deep, a list indented 400 columns) before
 * rendering: marked-terminal restyles and re-indents the whole inner text at every level, which
 * is quadratic, and no terminal is wide enough to show such depth anyway.
 */
export function limitNesting(markdown: string): string {
	return markdown.replace(deepQuote, '$1').replace(deepIndent, ' '.repeat(maximumIndent));
}
