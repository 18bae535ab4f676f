import type {ArticleInfo} from '../../core/article/article.js';
import type {ReadingStats} from '../../core/library/library-state.js';
import type {ArticleState, StateStore} from '../state/store.js';
import {loadLibraryInfo, type Catalog} from './catalog.js';

/** The library's articles, each with its reading stats, and what was skipped. */
export type Listing = Omit<Catalog, 'articles'> & {articles: Array<ArticleInfo & {path: string} & ReadingStats>};

/**
 * The join of the library and the reading state: every article's description with its views,
 * progress and last read. `list`, the library screen and their tests all list through here, so
 * they can never disagree about what "progress" means.
 */
export async function listLibrary(folder: string, env: NodeJS.ProcessEnv, store: StateStore): Promise<Listing> {
	const catalog = await loadLibraryInfo(folder, env);
	const states = store.all();
	return {...catalog, articles: catalog.articles.map(article => ({...article, ...readingStats(Object.hasOwn(states, article.stateKey) ? states[article.stateKey] : undefined)}))};
}

/** What one article's saved state says in a listing; zeros for an article never opened. */
export function readingStats(state: ArticleState | undefined): ReadingStats {
	return {views: state?.views ?? 0, progress: state?.position?.percent ?? 0, lastRead: state?.lastRead};
}
