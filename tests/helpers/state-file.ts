/**
 * Reading state for CLI tests, written where a spawned folio finds it (`FOLIO_STATE_DIR/state.json`).
 *
 * @example
 * const stateDir = stateWith(t, {[bundledKey('guides/keys')]: read({views: 3, percent: 40, at: '2026-11-02T10:00:00.000Z'})});
 * const result = await runFolio(t, ['stats'], {stateDir});
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {articleStateKey} from '../../source/node/state/article-key.js';
import type {ArticleState} from '../../source/node/state/store.js';
import {articlesFolder, temporaryFolder} from './cli.js';
import {writeStateFile} from './store-fixtures.js';

/** The state of an article read `views` times, last at `at`, stopped `percent` of the way in. */
export function read({views, percent, at}: {views: number; percent: number; at: string}): ArticleState {
	return {views, position: {slug: 'in-the-reader', fraction: 0.5, percent, at}, lastRead: at, readSections: []};
}

/** The key folio keeps the state of the bundled library's article `id` under: its file's real path. */
export function bundledKey(id: string): string {
	return articleStateKey(path.join(articlesFolder, ...id.split('/')) + '.md');
}

/** A fresh state folder holding these articles' state; removed by the test's teardown. */
export function stateWith(t: {teardown(fn: () => void): void}, articles: Record<string, ArticleState>): string {
	const folder = temporaryFolder(t, 'folio-state-');
	writeStateFile(path.join(folder, 'state.json'), articles);
	return folder;
}

/** The articles kept in a state folder's `state.json`. */
export function articlesIn(stateDir: string): Record<string, ArticleState> {
	return (JSON.parse(readFileSync(path.join(stateDir, 'state.json'), 'utf8')) as {articles: Record<string, ArticleState>}).articles;
}
