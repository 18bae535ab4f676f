import type {Article} from '../article/article.js';
import {fitLine, trimEndStyled} from '../text/fit.js';
import {renderBlock, type RenderStyle} from './render-markdown.js';
import type {Block} from './outline.js';
import type {CodeHighlighter} from './highlight.js';
import type {Theme} from '../theme/theme.js';
import {keepOnlyStyling, stripStyling} from '../text/sanitize.js';
import {minimumWidth} from '../text/width.js';

export type {RenderStyle} from './render-markdown.js';

export {minimumWidth} from '../text/width.js';

export type RenderOptions = {
	/** Columns available; every line fits in them as the terminal counts. */
	width: number;
	style: RenderStyle;
	/** Colours fenced code in `ansi` style; without it code is drawn in one colour. */
	highlight?: CodeHighlighter;
	/** Web and mail links as OSC 8 hyperlinks, in `ansi` style. @default false */
	hyperlinks?: boolean;
	/** The colours of `ansi` style. @default darkTheme */
	theme?: Theme;
};

/**
 * An article rendered to terminal lines at one width, one block (section) at a time: the first
 * screen is available after rendering only the blocks it needs. `lines` grows as blocks render;
 * `sectionStarts[i]` is the line of section i's heading once its block has rendered.
 */
export class RenderedArticle {
	readonly lines: string[] = [];
	/** Line index of each section's heading, -1 until rendered. */
	readonly sectionStarts: number[];
	readonly width: number;
	readonly style: RenderStyle;
	private readonly highlight: CodeHighlighter | undefined;
	private readonly hyperlinks: boolean;
	private readonly theme: Theme | undefined;
	private nextBlock = 0;

	constructor(readonly article: Article, options: RenderOptions) {
		this.width = Math.max(minimumWidth, Math.floor(options.width));
		this.style = options.style;
		// Plain text has no colours: highlighting it would only be stripped again.
		this.highlight = options.style === 'ansi' ? options.highlight : undefined;
		this.hyperlinks = options.hyperlinks === true && options.style === 'ansi';
		this.theme = options.theme;
		this.sectionStarts = article.outline.sections.map(() => -1);
	}

	/** True once every block has rendered. */
	get complete(): boolean {
		return this.nextBlock >= this.article.outline.blocks.length;
	}

	/** Blocks rendered so far, out of `article.outline.blocks.length`. */
	get renderedBlocks(): number {
		return this.nextBlock;
	}

	/**
	 * Render the next block and append its lines. Returns the new lines (empty when complete).
	 */
	renderNext(): string[] {
		const block = this.article.outline.blocks[this.nextBlock];
		if (!block) {
			return [];
		}

		this.nextBlock++;
		return this.append(block, this.renderBlockLines(block));
	}

	/**
	 * The article's end as a document of its own: the last blocks, rendered alone until they make
	 * at least `minimumLines` lines (a block renders the same alone as in the whole article, so
	 * these are the whole article's last lines). Undefined when that would reach the blocks not
	 * rendered here yet: rendering the rest costs no more.
	 */
	endOf(minimumLines: number): RenderedArticle | undefined {
		const {blocks} = this.article.outline;
		const end = new RenderedArticle(this.article, {width: this.width, style: this.style, highlight: this.highlight, hyperlinks: this.hyperlinks, theme: this.theme});
		const pieces: Array<{block: Block; lines: string[]}> = [];
		let count = 0;
		let first = blocks.length;
		while (count < minimumLines) {
			first--;
			if (first <= this.nextBlock) {
				return undefined;
			}

			const lines = end.renderBlockLines(blocks[first]);
			pieces.push({block: blocks[first], lines});
			count += lines.length + 1;
		}

		end.nextBlock = blocks.length;
		for (let index = pieces.length - 1; index >= 0; index--) {
			end.append(pieces[index].block, pieces[index].lines);
		}

		return end;
	}

	/** Append a block's rendered lines, a blank line between blocks; returns what was added. */
	private append(block: Block, rendered: string[]): string[] {
		if (rendered.length === 0) {
			if (block.section >= 0) {
				this.sectionStarts[block.section] = this.lines.length;
			}

			return [];
		}

		const added = this.lines.length > 0 ? ['', ...rendered] : rendered;
		const start = this.lines.length + added.length - rendered.length;
		if (block.section >= 0) {
			this.sectionStarts[block.section] = start;
		}

		for (const line of added) {
			this.lines.push(line);
		}

		return added;
	}

	/** Render blocks until at least `count` lines exist or the article is complete. */
	renderUntilLines(count: number): this {
		while (this.lines.length < count && !this.complete) {
			this.renderNext();
		}

		return this;
	}

	/** Render blocks until section `index` has its start line. */
	renderUntilSection(index: number): this {
		while (!this.complete && (this.sectionStarts[index] ?? 0) < 0) {
			this.renderNext();
		}

		return this;
	}

	/** Render every remaining block. */
	renderAll(): this {
		while (!this.complete) {
			this.renderNext();
		}

		return this;
	}

	/**
	 * Render sections [first, end) on their own, laid out exactly as in the whole article:
	 * for `cat --section`. Footnotes they cite follow the first block that cites them, unless
	 * already in `notesShown` (shared by the ranges of one `cat`), even when the article first
	 * cites them in a section not shown.
	 */
	renderSections(first: number, end: number, notesShown = new Set<string>()): string[] {
		const lines: string[] = [];
		for (const block of this.article.outline.blocks) {
			if (block.section >= first && block.section < end) {
				const rendered = this.renderBlockLines(block, notesShown);
				if (rendered.length > 0 && lines.length > 0) {
					lines.push('');
				}

				for (const line of rendered) {
					lines.push(line);
				}
			}
		}

		return lines;
	}

	/** Render one block of the outline on its own; `notesShown` as for `renderSections`. */
	renderBlockAlone(block: Block, notesShown?: Set<string>): string[] {
		return this.renderBlockLines(block, notesShown);
	}

	private renderBlockLines(block: Block, notesShown?: Set<string>): string[] {
		if (block.endToken <= block.firstToken) {
			return [];
		}

		const {document} = this.article.outline;
		let output: string;
		try {
			const tokens = document.blockTokens(block.firstToken, block.endToken);
			output = renderBlock(document, tokens, {width: this.width, style: this.style, theme: this.theme, highlight: this.highlight, hyperlinks: this.hyperlinks, notesShown});
		} catch (error) {
			// The input guard bounds what the parser meets; a block that still fails is shown as
			// text with a line saying so, so one bad block never ends the reader or a command.
			const reason = error instanceof RangeError ? 'is nested too deeply to render' : 'could not be rendered';
			output = `[this block ${reason}; shown as text]\n\n${this.article.lines.slice(block.startLine, block.endLine).join('\n')}`;
		}

		const safe = this.style === 'plain' ? stripStyling(output) : keepOnlyStyling(output);
		// Blank lines are dropped at both ends and collapsed inside; each line is measured once.
		const lines = safe.split('\n');
		const blank = lines.map(line => isBlankLine(line));
		const first = blank.indexOf(false);
		const last = blank.lastIndexOf(false);
		const fitted: string[] = [];
		for (let index = first; index !== -1 && index <= last; index++) {
			if (blank[index]) {
				if (!blank[index - 1]) {
					fitted.push('');
				}

				continue;
			}

			for (const piece of fitLine(trimEndStyled(lines[index]), this.width)) {
				fitted.push(piece);
			}
		}

		return fitted;
	}
}

/** Render a whole article at once. */
export function renderArticle(article: Article, options: RenderOptions): RenderedArticle {
	return new RenderedArticle(article, options).renderAll();
}

/** A line with nothing visible on it (styling alone does not count). */
function isBlankLine(line: string): boolean {
	return line.trim() === '' || (line.includes('\u001B') && stripStyling(line).trim() === '');
}
