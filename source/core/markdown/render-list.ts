import type {Token, Tokens} from 'marked';
import {hangUnder, wrapBlock, type Converter} from './block-layout.js';
import {renderInline, type Parser} from './render-inline.js';
import {displayWidth} from '../text/fit.js';

/** Bullets by depth, none of which can be mistaken for a Markdown marker or code indentation. */
const bullets = ['•', '◦', '▪'];

/**
 * A list as the source wrote it: ordered items numbered from its start number with its own
 * delimiter (`7.`, `10)`), numbers right-aligned; bullets that change with depth; task items
 * marked ☐ or ☑ in place of the bullet. Loose lists keep a blank line between items and between
 * the paragraphs of an item; every line of an item hangs under its text.
 */
export function renderList(parser: Parser, token: Tokens.List, converter: Converter): string {
	const markers = token.items.map((item, index) => marker(token, item, index, converter.listDepth));
	const width = markers.reduce((most, text) => Math.max(most, displayWidth(text)), 0);
	converter.listDepth++;
	try {
		const items = token.items.map((item, index) => {
			const text = markers[index];
			const aligned = token.ordered ? ' '.repeat(width - displayWidth(text)) + text : text + ' '.repeat(width - displayWidth(text));
			return hangUnder(converter.styles.listMarker(aligned), () => renderItem(parser, item, converter), converter, 1);
		});
		return items.join(token.loose ? '\n\n' : '\n');
	} finally {
		converter.listDepth--;
	}
}

function marker(list: Tokens.List, item: Tokens.ListItem, index: number, depth: number): string {
	const box = item.checked ? '☑' : '☐';
	if (!list.ordered) {
		return item.task ? box : bullets[depth % bullets.length];
	}

	const start = typeof list.start === 'number' ? list.start : 1;
	const delimiter = /^\s*\d{1,9}([.)])/.exec(item.raw)?.[1] ?? '.';
	const number = `${start + index}${delimiter}`;
	return item.task ? `${number} ${box}` : number;
}

function renderItem(parser: Parser, item: Tokens.ListItem, converter: Converter): string {
	const parts: string[] = [];
	for (const child of item.tokens as Token[]) {
		if (child.type === 'checkbox' || child.type === 'space') {
			continue;
		}

		const text = child.type === 'text' && 'tokens' in child && child.tokens
			? wrapBlock(renderInline(parser, child.tokens, converter), converter)
			: parser.parse([child]);
		const trimmed = text.replace(/^\n+|\n+$/g, '');
		if (trimmed !== '') {
			parts.push(trimmed);
		}
	}

	return parts.join(item.loose ? '\n\n' : '\n');
}
