import path from 'node:path';
import type {Article} from '../core/article/article.js';
import {FolioError} from '../core/errors.js';
import {libraryCandidates} from '../core/links/resolve-link.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {maxBytes} from '../node/library/limits.js';
import {watchFile} from '../node/library/watch-file.js';
import {editorFor, runEditor} from '../node/open/editor.js';
import {openUrl} from '../node/open/open-url.js';
import type {ArticleFiles} from '../ui/hooks/use-live-article.js';
import type {SessionLinks} from '../ui/hooks/use-reader-navigator.js';
import type {CommandContext} from './context.js';

/** Leave the terminal to another program (the editor) while `run` runs, and take it back. */
export type TerminalHandover = <T>(run: () => T) => T;

/**
 * The article loader, with the Markdown parser behind it, loaded when an article is first opened
 * or reloaded: the library screen starts without it.
 */
const articleSource = async () => import('../node/library/source.js');

/**
 * Links and the editor for the full-screen reader: linked articles are found within the library
 * only (or beside a file opened by path), never elsewhere.
 */
export function sessionLinks(context: CommandContext, handOver: TerminalHandover): SessionLinks {
	const limit = maxBytes(context.env);
	const opener = async () => {
		const {loadArticle, locateArticle} = await articleSource();
		return (argument: string) => loadArticle(locateArticle(argument, context.libraryFolder), limit);
	};

	return {
		async openLinked(from, linkPath) {
			return linkedArticle(from, linkPath, await opener());
		},
		async reopen(id) {
			return (await opener())(id);
		},
		openUrl: async url => (await openUrl(url, context.env)).message,
		async edit(article, line) {
			if (article.origin.kind === 'stdin') {
				return 'an article read from stdin cannot be edited';
			}

			const file = article.origin.path;
			const invocation = await editorFor(file, await bodyStartLine(file, limit) + line, context.env);
			return handOver(() => runEditor(invocation, context.env).message);
		},
	};
}

/** Live reload: the article's file watched, and read again when it changes. */
export function articleFiles(context: CommandContext): ArticleFiles {
	const limit = maxBytes(context.env);
	return {
		watch(article, onChange) {
			return article.origin.kind === 'stdin' ? () => undefined : watchFile(article.origin.path, onChange);
		},
		reload: async article => (await articleSource()).loadArticle({origin: article.origin}, limit),
	};
}

function linkedArticle(from: Article, linkPath: string, open: (argument: string) => Article): Article {
	const shown = sanitizeLine(linkPath);
	if (from.origin.kind === 'stdin') {
		throw new FolioError(`cannot follow ${shown} from stdin: open the file by its path to follow its links`);
	}

	if (from.origin.kind === 'file') {
		const file = path.resolve(path.dirname(from.origin.path), linkPath);
		if (!/\.(?:md|markdown)$/i.test(file)) {
			throw new FolioError(`${shown} is not a Markdown file`);
		}

		return open(file);
	}

	const candidates = libraryCandidates(from.origin.id, linkPath);
	if (candidates === undefined) {
		throw new FolioError(`${shown} is outside the library`);
	}

	if (candidates.length === 0) {
		throw new FolioError(`${shown} is not a Markdown article`);
	}

	let failure: unknown;
	for (const id of candidates) {
		try {
			return open(id);
		} catch (error) {
			failure ??= error;
		}
	}

	throw failure instanceof FolioError ? new FolioError(failure.message.split(';')[0]) : new FolioError(`cannot open ${shown}`);
}

/** Lines of the file before its body (the front matter): a body line plus these is a file line. */
async function bodyStartLine(file: string, limit: number): Promise<number> {
	const [{normaliseSource}, {splitFrontMatter}, {readSourceFile}] = await Promise.all([import('../core/article/article.js'), import('../core/article/front-matter.js'), articleSource()]);
	try {
		const source = normaliseSource(readSourceFile(file, limit).text);
		const {body} = splitFrontMatter(source);
		return source.slice(0, source.length - body.length).split('\n').length - 1;
	} catch {
		return 0;
	}
}
