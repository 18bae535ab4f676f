import type {Theme} from '../theme/theme.js';
import type {Marked} from 'marked';
import type {CodeHighlighter} from './highlight.js';
import type {InlineState} from './render-inline.js';
import {displayWidth, wrapText} from '../text/fit.js';

/** What the block renderers share while one block renders. */
export type Converter = InlineState & {
	marked: Marked;
	/** The width the block renders at. */
	width: number;
	/** Columns of indent the quotes and list items being rendered add around their content. */
	indent: number;
	/** Lists around the one being rendered: bullets change with depth. */
	listDepth: number;
	/** Colours fenced code in `ansi` style, when the caller provides one. */
	highlight: CodeHighlighter | undefined;
	/** The theme the styles come from; the highlighter colours code with it too. */
	theme: Theme;
};

/** The columns left for content inside the quotes and lists around it. */
export function innerWidth(converter: Converter): number {
	return Math.max(10, converter.width - converter.indent);
}

/** Wrap styled text (lines split at `\n`) to the width left inside quotes and lists. */
export function wrapBlock(text: string, converter: Converter, pad = ''): string {
	return text.split('\n').flatMap(line => wrapText(line, innerWidth(converter), pad)).join('\n');
}

/**
 * `marker` then content rendered `columns + gap` narrower, its lines hanging under the first:
 * list items and footnotes.
 */
export function hangUnder(marker: string, render: string | (() => string), converter: Converter, gap: number): string {
	const width = displayWidth(marker) + gap;
	converter.indent += width;
	let body: string;
	try {
		body = typeof render === 'string' ? render : render();
	} finally {
		converter.indent -= width;
	}

	const lines = body.replace(/^\n+|\n+$/g, '').split('\n');
	return lines.map((line, index) => (index === 0 ? `${marker}${' '.repeat(gap)}${line}`.trimEnd() : (line === '' ? '' : ' '.repeat(width) + line))).join('\n');
}

