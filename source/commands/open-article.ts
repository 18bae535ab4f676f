import type {Article} from '../core/article.js';
import {loadArticle, locateArticle} from '../core/source.js';
import {warn, type CommandContext} from './context.js';

/** Find, read and parse the article an argument names, printing its warnings once. */
export function openArticle(context: CommandContext, argument: string): Article {
	const article = loadArticle(locateArticle(argument, context.libraryFolder));
	for (const warning of article.warnings) {
		warn(context, warning);
	}

	return article;
}
