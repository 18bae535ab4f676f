import type {Token} from 'marked';
import {innerWidth, wrapBlock, type Converter} from './block-layout.js';
import {decodeEntities} from './outline.js';
import {renderInline, type Parser} from './render-inline.js';
import {drawTable, type Alignment} from './table.js';
import {trimStyled} from '../text/fit.js';
import {stripStyling} from '../text/sanitize.js';

// Pieces of HTML: comments, script and style elements (dropped whole), pre elements, tables,
// tags, and text.
const htmlPiece = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<pre\b[^>]*>[\s\S]*?(?:<\/pre\s*>|$)|<table\b[\s\S]*?(?:<\/table\s*>|$)|<\/?[a-zA-Z][^>]*>|[^<]+|</gi;

/**
 * An HTML block as terminal text: tags dropped (their text kept, a line break where a block
 * element ended), inline elements styled as in a paragraph, `<pre>` drawn as code, tables drawn
 * as tables, comments and scripts never shown.
 */
export function renderHtmlBlock(parser: Parser, html: string, converter: Converter): string {
	const blocks: string[] = [];
	let inline: Token[] = [];
	const flush = () => {
		const text = renderInline(parser, inline, converter).split('\n').map(line => trimStyled(line)).filter(line => stripStyling(line) !== '').join('\n');
		if (text !== '') {
			blocks.push(wrapBlock(text, converter));
		}

		inline = [];
	};

	for (const [piece] of html.matchAll(htmlPiece)) {
		const lower = piece.slice(0, 7).toLowerCase();
		if (piece.startsWith('<!--') || lower.startsWith('<script') || lower.startsWith('<style')) {
			continue;
		}

		if (lower.startsWith('<pre')) {
			flush();
			const code = piece.replace(/^<pre\b[^>]*>/i, '').replace(/<\/pre\s*>$/i, '').replace(/<[^>]*>/g, '').replace(/^\n/, '').replace(/\n$/, '');
			blocks.push(parser.parse([{type: 'code', raw: piece, text: decodeEntities(code), lang: ''} as Token]).replace(/\n+$/, ''));
		} else if (lower.startsWith('<table')) {
			flush();
			blocks.push(renderHtmlTable(parser, piece, converter));
		} else if (piece.startsWith('<') && piece.length > 1) {
			inline.push({type: 'html', raw: piece, text: piece, block: false} as Token);
		} else {
			inline.push({type: 'text', raw: piece, text: piece.replace(/\s+/g, ' ')} as Token);
		}
	}

	flush();
	return blocks.join('\n\n');
}

/** A `<table>` drawn like a Markdown table: `<th>` cells (or `<thead>`) make the header. */
function renderHtmlTable(parser: Parser, html: string, converter: Converter): string {
	const rows: Array<{cells: string[]; header: boolean}> = [];
	const align: Alignment[] = [];
	for (const [, row] of html.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr\s*>|<\/table|$)/gi)) {
		const cells: string[] = [];
		let header = false;
		for (const [, kind, attributes, content] of row.matchAll(/<t([hd])\b([^>]*)>([\s\S]*?)(?=<t[hd]\b|<\/t[hd]\s*>|<\/tr|$)/gi)) {
			header ||= kind.toLowerCase() === 'h';
			const column = cells.length;
			align[column] ??= alignmentOf(attributes);
			cells.push(cellText(parser, content, converter));
		}

		if (cells.length > 0) {
			rows.push({cells, header});
		}
	}

	if (rows.length === 0) {
		return '';
	}

	const columns = rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
	const pad = (cells: string[]) => Array.from({length: columns}, (_, index) => cells[index] ?? '');
	const hasHeader = rows[0].header;
	const header = hasHeader ? pad(rows[0].cells) : undefined;
	const body = (hasHeader ? rows.slice(1) : rows).map(row => pad(row.cells));
	const {styles} = converter;
	return drawTable(header, body, Array.from({length: columns}, (_, index) => align[index] ?? null), innerWidth(converter), {border: styles.tableBorder, header: styles.tableHeader}).join('\n');
}

function cellText(parser: Parser, html: string, converter: Converter): string {
	const tokens: Token[] = [];
	for (const [piece] of html.matchAll(htmlPiece)) {
		if (piece.startsWith('<!--') || /^<(?:script|style)/i.test(piece)) {
			continue;
		}

		tokens.push(piece.startsWith('<') && piece.length > 1
			? {type: 'html', raw: piece, text: piece.replace(/^<pre\b[^>]*>|<\/pre\s*>$/gi, ''), block: false} as Token
			: {type: 'text', raw: piece, text: piece.replace(/\s+/g, ' ')} as Token);
	}

	return renderInline(parser, tokens, converter).split('\n').map(line => trimStyled(line)).filter(line => stripStyling(line) !== '').join('\n');
}

function alignmentOf(attributes: string): Alignment {
	const value = /(?:align\s*=\s*["']?|text-align\s*:\s*)(left|center|right)/i.exec(attributes)?.[1]?.toLowerCase();
	return value === 'left' || value === 'center' || value === 'right' ? value : null;
}
