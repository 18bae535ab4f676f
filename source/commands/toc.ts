import {RenderedArticle} from '../core/markdown/render.js';
import {outputWidth, type CommandContext} from './context.js';
import {openArticle} from './open-article.js';
import {PipeWriter} from './output.js';

export type TocOptions = {article: string; json: boolean; width?: number};

/**
 * `folio toc`: the outline indented by depth, or as JSON with each heading's line in
 * `folio cat --format plain` at the same width.
 */
export async function tocCommand(context: CommandContext, options: TocOptions): Promise<number> {
	const width = outputWidth(context, options.width);
	const article = await openArticle(context, options.article);
	const {sections} = article.outline;
	const writer = new PipeWriter(context.stdout);
	if (options.json) {
		const rendered = new RenderedArticle(article, {width, style: 'plain'}).renderAll();
		const rows = sections.map((section, index) => ({depth: section.depth, title: section.title, slug: section.slug, line: rendered.sectionStarts[index]}));
		await writer.text(JSON.stringify(rows, null, 2) + '\n');
	} else {
		const top = article.outline.topDepth;
		for (const section of sections) {
			await writer.line('  '.repeat(section.depth - top) + section.title);
		}
	}

	await writer.end();
	return 0;
}
