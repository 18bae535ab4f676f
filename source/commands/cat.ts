import type {Article} from '../core/article/article.js';
import {UsageError} from '../core/errors.js';
import {highlightCode} from '../node/highlight.js';
import {hyperlinksFor} from '../node/hyperlinks.js';
import {loadTextWidth} from '../core/text/text-width.js';
import {RenderedArticle, type RenderStyle} from '../core/markdown/render.js';
import {findSections, sectionsMarkdown, selectedRanges} from '../core/article/sections.js';
import {sanitizeLine, stripStyling} from '../core/text/sanitize.js';
import {outputStyle, outputWidth, type CommandContext} from './context.js';
import {articleFields} from './article-json.js';
import {displayFor, hyperlinksSetting} from './display.js';
import {openArticle} from './open-article.js';
import {PipeWriter} from './output.js';

export const catFormats = ['ansi', 'plain', 'markdown', 'json'] as const;
export type CatFormat = typeof catFormats[number];

export type CatOptions = {
	article: string;
	sections: string[];
	format?: string;
	width?: number;
	color?: boolean;
	/** `--hyperlinks` / `--no-hyperlinks`; undefined lets the terminal decide. */
	hyperlinks?: boolean;
	/** --theme: the colours of ansi output, over the theme setting. */
	theme?: string;
};

/**
 * `folio cat`: the article (or some of its sections) for pipes, as ANSI, plain text, Markdown or JSON.
 * Output streams section by section, so `| head` gets its lines before the rest is rendered.
 */
export async function catCommand(context: CommandContext, options: CatOptions): Promise<number> {
	const format = chooseFormat(context, options);
	const width = outputWidth(context, options.width);
	const article = await openArticle(context, options.article);
	const selected = options.sections.length > 0 ? findSections(article, options.sections) : undefined;
	const writer = new PipeWriter(context.stdout);

	if (format === 'markdown') {
		await writer.text(markdownOf(article, selected));
	} else if (format === 'json') {
		await writer.text(JSON.stringify(jsonOf(article, selected, width), null, 2) + '\n');
	} else {
		const display = format === 'ansi' ? displayFor(context, {theme: options.theme, color: true}, true) : undefined;
		const theme = display?.theme;
		// --hyperlinks and --no-hyperlinks over the setting, over what the terminal supports.
		const hyperlinks = display !== undefined && hyperlinksFor(context.stdout, options.hyperlinks ?? hyperlinksSetting(display.hyperlinks));
		if (hyperlinks) {
			// A line holding a hyperlink is wrapped by wrap-ansi, which measures with string-width.
			await loadTextWidth();
		}

		const rendered = new RenderedArticle(article, {width, style: format, highlight: highlightCode, hyperlinks, theme});
		if (selected) {
			const notesShown = new Set<string>();
			for (const [position, [first, end]] of selectedRanges(article.outline.sections, selected).entries()) {
				if (position > 0) {
					await writer.line('');
				}

				for (const line of rendered.renderSections(first, end, notesShown)) {
					await writer.line(line);
				}
			}
		} else {
			while (!rendered.complete && !writer.isClosed) {
				for (const line of rendered.renderNext()) {
					await writer.line(line);
				}
			}
		}
	}

	await writer.end();
	return 0;
}

function chooseFormat(context: CommandContext, options: CatOptions): CatFormat | RenderStyle {
	if (options.format === undefined) {
		return outputStyle(context, options.color);
	}

	if (!(catFormats as readonly string[]).includes(options.format)) {
		throw new UsageError(`Expected --format to be one of ${catFormats.join(', ')}, got ${options.format}`);
	}

	if (options.format === 'ansi' && !options.color && context.env.NO_COLOR) {
		return 'plain';
	}

	return options.format as CatFormat;
}

function markdownOf(article: Article, selected: number[] | undefined): string {
	if (!selected) {
		return article.body.endsWith('\n') ? article.body : article.body + '\n';
	}

	return sectionsMarkdown(article, selected);
}

function jsonOf(article: Article, selected: number[] | undefined, width: number) {
	const rendered = new RenderedArticle(article, {width, style: 'plain'});
	const {sections, blocks} = article.outline;
	const wanted = selected ? new Set(selectedRanges(sections, selected).flatMap(([first, end]) => range(first, end))) : undefined;
	// Only some sections: the notes they cite go with the first one shown that cites each.
	const notesShown = selected ? new Set<string>() : undefined;
	const entries = blocks
		.filter(block => (wanted ? wanted.has(block.section) : true))
		.map(block => {
			const lines = rendered.renderBlockAlone(block, notesShown);
			const section = sections[block.section];
			const text = (section ? lines.slice(headingHeight(lines)) : lines).join('\n').replace(/^\n+/, '').trimEnd();
			return section
				? {slug: section.slug, title: section.title, depth: section.depth, text}
				: {slug: '', title: '', depth: 0, text};
		})
		.filter(entry => entry.depth > 0 || entry.text !== '');
	return {id: sanitizeLine(article.id), ...articleFields(article), sections: entries};
}

/** Lines the heading takes at the top of a rendered block (a long heading wraps). */
function headingHeight(lines: string[]): number {
	const blank = lines.findIndex(line => stripStyling(line).trim() === '');
	return blank === -1 ? lines.length : blank;
}

function range(start: number, end: number): number[] {
	return Array.from({length: end - start}, (_, index) => start + index);
}
