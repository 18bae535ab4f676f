import {useEffect, useState} from 'react';
import type {Article} from '../../core/article/article.js';
import {sanitizeLine} from '../../core/text/sanitize.js';

/** Watching an article's file and reading it again (`commands/read.tsx`). */
export type ArticleFiles = {
	/** Call `onChange` when the article's file changes or is deleted; returns a function that stops. */
	watch(article: Article, onChange: (change: 'changed' | 'deleted') => void): () => void;
	/** Read the article's file again; throws (or rejects with) a one-line error when it cannot. */
	reload(article: Article): Article | Promise<Article>;
};

/**
 * The article as its file is now: when the file changes on disk (an editor's save, an append, a
 * rename over it) it is read again; the reader keeps its place because places are content
 * places. A deleted file keeps its last text; `onNotice` says so.
 *
 * @example
 * const article = useLiveArticle(props.article, props.files, setNotice);
 */
export function useLiveArticle(opened: Article, files: ArticleFiles | undefined, onNotice: (notice: {text: string}) => void): Article {
	const [article, setArticle] = useState(opened);
	const origin = opened.origin;
	useEffect(() => {
		setArticle(opened);
	}, [opened]);
	useEffect(() => {
		if (!files || origin.kind === 'stdin') {
			return;
		}

		let watching = true;
		const stop = files.watch(opened, change => {
			if (change === 'deleted') {
				onNotice({text: `${sanitizeLine(origin.path)} was deleted; showing its last text`});
				return;
			}

			// A reload that finishes after the watch ended (another article opened) is dropped.
			(async () => files.reload(opened))().then(article => {
				if (watching) {
					setArticle(article);
				}
			}, (error: unknown) => {
				if (watching) {
					onNotice({text: `not reloaded: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`});
				}
			});
		});
		return () => {
			watching = false;
			stop();
		};
	}, [files, opened, origin, onNotice]);
	return article;
}
