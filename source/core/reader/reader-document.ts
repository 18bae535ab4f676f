import type {Article} from '../article/article.js';
import {fitLine} from '../text/fit.js';
import {extractLinks, type ArticleLink} from '../links/extract-links.js';
import type {CodeHighlighter} from '../markdown/highlight.js';
import {RenderedArticle, type RenderStyle} from '../markdown/render.js';
import {stripStyling} from '../text/sanitize.js';
import {darkTheme, paint, type Theme} from '../theme/theme.js';

/** Header facts that are not in the article file. Views are undefined for an article whose state is not kept (stdin): no count is shown. */
export type HeaderFacts = {views: number | undefined};

/** How much of a document a step needs: this many lines, the start of this section, or all of it. */
export type RenderTarget = {lines: number} | {section: number} | 'all';

/**
 * How long rendering may hold the event loop before keys get their turn: the background render
 * and the runner that renders for a key both work in slices of this many milliseconds.
 */
export const renderSliceMs = 8;

/**
 * What the reader scrolls through: the article header (title, `date · category · N views ·
 * M min read`, summary) followed by the rendered body, at one width. Lines are produced on demand,
 * section by section; `sectionStart(i)` is the line of section i's heading in this document.
 */
export class ReaderDocument {
	readonly header: string[];
	readonly rendered: RenderedArticle;
	/**
	 * For the end of a document shown before the document has rendered that far (`G` while it
	 * renders): the whole document, rendering behind it. The end's lines are the whole
	 * document's last lines, so a place in it is the same distance from the end in both.
	 */
	readonly full?: ReaderDocument;
	/** The first section this document holds: 0, or in the end of a document, the first section of that end. */
	readonly firstSection: number = 0;
	private plain: string[] = [];
	private lastSearch?: {query: string; lineCount: number; matches: number[]};
	private articleLinks?: ArticleLink[];

	/** `look`: the header's theme and icons; `hyperlinks`: web and mail links as OSC 8 hyperlinks (`ansi` style). */
	constructor(readonly article: Article, readonly width: number, style: RenderStyle, facts: HeaderFacts, highlight?: CodeHighlighter, hyperlinks = false, look?: HeaderLook, end?: {of: ReaderDocument; rendered: RenderedArticle}) {
		if (end) {
			this.header = [];
			this.rendered = end.rendered;
			this.full = end.of;
			const first = end.rendered.sectionStarts.findIndex(start => start >= 0);
			this.firstSection = first < 0 ? this.sectionCount : first;
		} else {
			this.header = headerLines(article, width, style, facts, look);
			this.rendered = new RenderedArticle(article, {width, style, highlight, hyperlinks, theme: look?.theme});
		}
	}

	/**
	 * The end of this document, at least `lines` long, to show at once while the rest renders:
	 * undefined when it is complete, or when the end would reach what is not rendered yet (then
	 * rendering the rest costs no more than the end would).
	 */
	endPreview(lines: number): ReaderDocument | undefined {
		if (this.complete || this.full) {
			return undefined;
		}

		const rendered = this.rendered.endOf(lines);
		return rendered && new ReaderDocument(this.article, this.width, this.rendered.style, {views: undefined}, undefined, false, undefined, {of: this, rendered});
	}

	/**
	 * Lines of the whole document above this one's first line, as far as they can be told yet:
	 * 0 for a whole document, an estimate above the end of one (for the percentage read).
	 */
	get linesAbove(): number {
		return this.full ? Math.max(0, this.full.estimatedLineCount - this.lineCount) : 0;
	}

	/** The article's links in document order, read the first time they are asked for. */
	get links(): readonly ArticleLink[] {
		this.articleLinks ??= extractLinks(this.article);
		return this.articleLinks;
	}

	get lineCount(): number {
		return this.header.length + this.rendered.lines.length;
	}

	/**
	 * The line count once complete, estimated while the rest renders in the background from how
	 * much of the source has been rendered, so the percentage does not jump.
	 */
	get estimatedLineCount(): number {
		if (this.rendered.complete) {
			return this.lineCount;
		}

		const {blocks} = this.article.outline;
		const renderedSource = blocks[this.rendered.renderedBlocks - 1]?.endLine ?? 0;
		const totalSource = Math.max(1, this.article.lines.length);
		return renderedSource === 0 ? this.lineCount : Math.max(this.lineCount, Math.round(this.header.length + (this.rendered.lines.length * totalSource / renderedSource)));
	}

	get complete(): boolean {
		return this.rendered.complete;
	}

	get sectionCount(): number {
		return this.article.outline.sections.length;
	}

	line(index: number): string {
		return index < this.header.length ? this.header[index] : this.rendered.lines[index - this.header.length] ?? '';
	}

	/** The line a section's heading is on, or -1 while that part is not rendered yet. */
	sectionStart(index: number): number {
		const start = this.rendered.sectionStarts[index];
		return start === undefined || start < 0 ? -1 : start + this.header.length;
	}

	/** The line after a section's own text: the next section's start, or the end. */
	sectionEnd(index: number): number {
		for (let next = index + 1; next < this.sectionCount; next++) {
			const start = this.sectionStart(next);
			if (start >= 0) {
				return start;
			}
		}

		return this.lineCount;
	}

	/** Whether the document is rendered as far as `target` (always, once complete). */
	isRendered(target: RenderTarget): boolean {
		if (target === 'all' && this.full) {
			// The end of a document is whole; what is asked for is the document it ends.
			return this.full.complete;
		}

		if (this.complete) {
			return true;
		}

		if (target === 'all') {
			return false;
		}

		return 'lines' in target ? this.lineCount >= target.lines : this.sectionStart(target.section) >= 0;
	}

	/**
	 * Render blocks toward `target` (at least one, if it is not reached yet) for about `budgetMs`;
	 * returns true once it is reached. Rendering is the only thing that changes a document.
	 */
	renderToward(target: RenderTarget, budgetMs = Number.POSITIVE_INFINITY): boolean {
		if (this.full) {
			return this.isRendered(target) || this.full.renderToward('all', budgetMs);
		}

		const deadline = performance.now() + budgetMs;
		while (!this.isRendered(target)) {
			this.rendered.renderNext();
			if (performance.now() >= deadline) {
				break;
			}
		}

		return this.isRendered(target);
	}

	/** A line without styling, for search. */
	plainLine(index: number): string {
		let text = this.plain[index];
		if (text === undefined) {
			text = stripStyling(this.line(index));
			this.plain[index] = text;
		}

		return text;
	}

	/** Lines rendered so far that contain `query` (ignoring case unless it has capitals), in order. */
	findMatches(query: string): number[] {
		if (query === '') {
			return [];
		}

		if (this.lastSearch?.query === query && this.lastSearch.lineCount === this.lineCount) {
			return this.lastSearch.matches;
		}

		const caseSensitive = query !== query.toLowerCase();
		const wanted = caseSensitive ? query : query.toLowerCase();
		const matches: number[] = [];
		for (let index = 0; index < this.lineCount; index++) {
			const text = this.plainLine(index);
			if ((caseSensitive ? text : text.toLowerCase()).includes(wanted)) {
				matches.push(index);
			}
		}

		this.lastSearch = {query, lineCount: this.lineCount, matches};
		return matches;
	}
}

/** How the header is drawn: the theme's colours, and emoji or words before the facts. */
export type HeaderLook = {theme: Theme; icons: boolean};

/** The marks before each header fact: emoji, or words for terminals without emoji. */
export const headerMarks = {
	icons: {date: '📅 ', category: '📁 ', views: '👁 ', minutes: '⏱️ ', summary: '💡 ', contents: '📑 Table of Contents'},
	words: {date: 'Date: ', category: 'Category: ', views: '', minutes: '', summary: 'Summary: ', contents: 'Table of Contents'},
} as const;

/**
 * Without a look, words rather than emoji: emoji need the wide-text measures (`loadTextWidth`),
 * which whoever asks for icons has loaded.
 */
const plainLook: HeaderLook = {theme: darkTheme, icons: false};

/**
 * The article header lines, as the seed page draws them: the title; `📅 date · 📁 category ·
 * 👁 N views · ⏱️ M min read` without the facts the article lacks; `💡 summary`; a rule and a
 * blank line. Wide characters are measured by `fitLine` (string-width, once loaded).
 */
export function headerLines(article: Article, width: number, style: RenderStyle, facts: HeaderFacts, look: HeaderLook = plainLook): string[] {
	const styled = (role: 'headerTitle' | 'headerFacts' | 'headerSummary' | 'headerRule') => (style === 'ansi' ? paint(look.theme[role]) : (text: string) => text);
	const marks = look.icons ? headerMarks.icons : headerMarks.words;
	const details = [
		article.date && marks.date + article.date,
		article.category && marks.category + article.category,
		facts.views === undefined ? undefined : `${marks.views}${facts.views} ${facts.views === 1 ? 'view' : 'views'}`,
		`${marks.minutes}${article.minutes} min read`,
	].filter(Boolean).join(' · ');
	const lines = [
		...fitLine(styled('headerTitle')(article.title), width),
		...fitLine(styled('headerFacts')(details), width),
	];
	if (article.summary) {
		lines.push(...fitLine(styled('headerSummary')(marks.summary + article.summary), width));
	}

	lines.push(styled('headerRule')('─'.repeat(Math.min(width, 40))), '');
	return lines;
}
