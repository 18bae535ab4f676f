import type {Article} from '../core/article.js';
import {loadArticle, locateArticle} from '../core/source.js';
import {loadTextWidthFor} from '../core/text-width.js';
import {warn, type CommandContext} from './context.js';

/**
 * Find, read and parse the article an argument names, printing its warnings once, with what
 * rendering it will need loaded.
 */
export async function openArticle(context: CommandContext, argument: string): Promise<Article> {
	const article = loadArticle(locateArticle(argument, context.libraryFolder));
	await loadTextWidthFor(article.body, article.title, article.summary);
	for (const warning of article.warnings) {
		warn(context, warning);
	}

	return article;
}
