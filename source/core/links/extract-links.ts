import {Marked, type Token} from 'marked';
import type {Article} from '../article/article.js';
import {headingText} from '../markdown/outline.js';
import {linkDestination} from '../markdown/hyperlink.js';
import {sanitizeLine} from '../text/sanitize.js';

/** One link of an article, as the link list shows it. */
export type ArticleLink = {
	/** The link's text as plain text (its URL when it has no text). */
	text: string;
	/** The destination as written, controls removed. */
	href: string;
	/** Index of the section the link is in, or -1 in the preamble. */
	section: number;
};

const walker = new Marked({gfm: true});

/**
 * Every link of an article in document order: inline, reference, autolinks and bare URLs, in
 * paragraphs, lists, quotes and tables alike. Images are not links. Read from the tokens marked
 * lexed for the outline and the renderer, one block at a time, so each link knows its section.
 */
export function extractLinks(article: Article): ArticleLink[] {
	const {document} = article.outline;
	const links: ArticleLink[] = [];
	for (const block of article.outline.blocks) {
		walker.walkTokens(document.blockTokens(block.firstToken, block.endToken), (token: Token) => {
			if (token.type === 'link') {
				const href = sanitizeLine(linkDestination(token.href) ?? token.href);
				if (href !== '') {
					links.push({text: headingText(token.text) || href, href, section: block.section});
				}
			}
		});
	}

	return links;
}
