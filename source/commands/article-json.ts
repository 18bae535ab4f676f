import type {ArticleInfo} from '../core/article/article.js';

/** An article's details as scripts read them in `list --json` and `cat --format json`: absent fields are null. */
export function articleFields(article: ArticleInfo) {
	return {
		title: article.title,
		category: article.category ?? null,
		date: article.date ?? null,
		tags: article.tags,
		summary: article.summary ?? null,
		words: article.words,
		minutes: article.minutes,
	};
}
