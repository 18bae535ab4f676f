import type {RenderStyle} from '../text/style.js';
import {darkTheme, type Theme} from '../theme/theme.js';
import {Marked, type Token, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import type {MarkdownDocument} from './document.js';
import type {CodeHighlighter} from './highlight.js';
import {renderHtmlBlock} from './render-html.js';
import {inlineRenderers, renderFootnoteReference, renderInline, type Parser} from './render-inline.js';
import {renderList} from './render-list.js';
import {headingStyle, plainStyles, themeStyles, type Styles} from './styles.js';
import {drawTable} from './table.js';
import {carryStyling, cutText} from '../text/fit.js';
import {hangUnder, innerWidth, wrapBlock, type Converter} from './block-layout.js';
import {sanitizeText} from '../text/sanitize.js';

export type {RenderStyle} from '../text/style.js';

/** Columns code is indented by. */
const codeIndent = 4;
/** Starts a code line's continuation when the line is wider than the text. */
const continuationMark = '↪ ';

/** One converter per style and theme, made on first use. */
const converters = new Map<string, Converter>();

/**
 * Render one block of an article (the preamble, or a heading and its text) to terminal lines of at
 * most `width` columns, followed by the footnotes first referenced in it.
 */
export function renderBlock(document: MarkdownDocument, tokens: Token[], options: {width: number; style: RenderStyle; theme?: Theme; highlight?: CodeHighlighter; hyperlinks?: boolean; notesShown?: Set<string>}): string {
	const converter = converterFor(options.style, options.theme ?? darkTheme);
	converter.width = options.width;
	converter.indent = 0;
	converter.listDepth = 0;
	converter.highlight = options.highlight;
	converter.hyperlinks = options.hyperlinks === true && options.style === 'ansi';
	converter.notes = [];
	converter.notesShown = options.notesShown;
	converter.inLink = false;
	let output = converter.marked.parser(tokens);
	// A note's text can reference further notes: they follow it.
	for (let index = 0; index < converter.notes.length; index++) {
		const label = converter.notes[index];
		const number = document.footnotes.get(label)?.refs[0]?.id ?? '?';
		output += hangUnder(converter.styles.footnote(`[${number}]`), converter.marked.parser(document.noteContent(label)), converter, 1) + '\n\n';
	}

	return output;
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
	const styles: Styles = style === 'ansi' ? themeStyles(theme) : plainStyles();
	const converter: Converter = {
		marked: new Marked({gfm: true, async: false}), width: 80, indent: 0, listDepth: 0, highlight: undefined, theme, styles, inLink: false, notes: [], notesShown: undefined, hyperlinks: false,
	};
	// marked-terminal draws whatever folio does not draw itself.
	converter.marked.use(markedTerminal({emoji: true, showSectionPrefix: true, reflowText: false, tab: 4}) as never);
	converter.marked.use({
		extensions: [
			{name: 'footnoteRef', renderer: token => renderFootnoteReference(token as never, converter)},
			{name: 'footnote', renderer: () => ''},
			{name: 'footnotes', renderer: () => ''},
		],
		renderer: {
			...inlineRenderers(converter),
			paragraph(this: {parser: Parser}, token: Tokens.Paragraph) {
				return wrapBlock(renderInline(this.parser, token.tokens, converter), converter) + '\n\n';
			},
			heading(this: {parser: Parser}, token: Tokens.Heading) {
				const prefix = '#'.repeat(token.depth) + ' ';
				const text = prefix + renderInline(this.parser, token.tokens, converter).replace(/\n/g, ' ');
				const styled = headingStyle(styles, token.depth)(text);
				return wrapBlock(styled, converter, ' '.repeat(prefix.length)) + '\n\n';
			},
			blockquote(this: {parser: Parser}, token: Tokens.Blockquote) {
				// A bar at the start of every line, as a reader of glow or GitHub expects.
				converter.indent += 2;
				try {
					const inner = this.parser.parse(token.tokens).replace(/\n+$/, '').replace(/^\n+/, '');
					return inner.split('\n').map(line => styles.quoteBar('│') + ' ' + styles.blockquote(line)).join('\n') + '\n\n';
				} finally {
					converter.indent -= 2;
				}
			},
			list(this: {parser: Parser}, token: Tokens.List) {
				return renderList(this.parser, token, converter) + '\n\n';
			},
			code(token: Tokens.Code) {
				return renderCode(token, converter) + '\n\n';
			},
			html(this: {parser: Parser}, token: Tokens.HTML | Tokens.Tag) {
				if ('block' in token && token.block) {
					const text = renderHtmlBlock(this.parser, token.text, converter);
					return text === '' ? '' : text + '\n\n';
				}

				return renderInline(this.parser, [token], converter);
			},
			hr() {
				return styles.hr('─'.repeat(innerWidth(converter))) + '\n\n';
			},
			table(this: {parser: Parser}, token: Tokens.Table) {
				const cell = (tokens: Token[]) => renderInline(this.parser, tokens, converter);
				const header = token.header.map(column => cell(column.tokens));
				const rows = token.rows.map(row => row.map(column => cell(column.tokens)));
				return drawTable(header, rows, token.align, innerWidth(converter), {border: styles.tableBorder, header: styles.tableHeader}).join('\n') + '\n\n';
			},
		},
	});
	return converter;
}

/**
 * A code block, indented, never reflowed: a line wider than the text is cut at the width and
 * continues on the next line behind `↪`, so nothing is lost and no piece looks like a line of its own.
 */
function renderCode(token: Tokens.Code, converter: Converter): string {
	const {styles} = converter;
	const language = token.lang?.trim().split(/\s+/)[0]?.toLowerCase();
	const text = sanitizeText(token.text);
	const highlighted = converter.highlight && language ? converter.highlight(text, language, converter.theme) : undefined;
	const lines = carryStyling((highlighted ?? styles.code(text)).split('\n'));
	const width = Math.max(4, innerWidth(converter) - codeIndent);
	const pad = ' '.repeat(codeIndent);
	const out: string[] = [];
	for (const line of lines) {
		const [first, ...rest] = cutText(line, width, width - continuationMark.length);
		out.push(stripTrailing(first) === '' ? '' : pad + first);
		for (const piece of rest) {
			out.push(pad + styles.codeWrap(continuationMark) + piece);
		}
	}

	return out.join('\n');
}

function stripTrailing(line: string): string {
	// eslint-disable-next-line no-control-regex
	return line.replace(/\u001B\[[\d;]*m/g, '').trim();
}

export {limitNesting} from './nesting.js';
