import type {Article} from '../core/article/article.js';
import {maxBytes} from '../node/library/limits.js';
import {loadArticle, locateArticle} from '../node/library/source.js';
import {loadTextWidthFor} from '../core/text/text-width.js';
import {warn, type CommandContext} from './context.js';

/**
 * Find, read and parse the article an argument names, printing its warnings once, with what
 * rendering it will need loaded.
 */
export async function openArticle(context: CommandContext, argument: string): Promise<Article> {
	const article = loadArticle(locateArticle(argument, context.libraryFolder), maxBytes(context.env));
	await loadTextWidthFor(article.body, article.title, article.summary);
	for (const warning of article.warnings) {
		warn(context, warning);
	}

	return article;
}
