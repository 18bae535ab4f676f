import path from 'node:path';
import {FolioError, UsageError} from '../core/errors.js';
import {locateArticle} from '../node/library/source.js';
import {openStore} from '../node/state/store.js';
import {articleStateKey} from '../node/state/article-key.js';
import {messageName} from '../core/text/sanitize.js';
import {warn, type CommandContext} from './context.js';
import {PipeWriter} from './output.js';

export type ResetOptions = {article?: string; yes: boolean};

/**
 * `folio reset [ARTICLE] --yes`: forget views and positions of one article, or of all.
 */
export async function resetCommand(context: CommandContext, options: ResetOptions): Promise<number> {
	if (!options.yes) {
		const what = options.article ? `the reading state of ${messageName(options.article)}` : 'all reading state';
		throw new UsageError(`folio reset clears ${what}; add --yes to confirm`);
	}

	const store = openStore({profile: context.profile, env: context.env, library: context.libraryFolder});
	for (const warning of store.warnings) {
		warn(context, warning);
	}

	if (!store.writable) {
		throw new FolioError(`cannot clear reading state at ${messageName(store.path)}: it cannot be written`);
	}

	const target = options.article === undefined ? undefined : articleKey(context, options.article);
	const cleared = store.reset(target?.key);
	if (!store.writable) {
		throw new FolioError(`could not clear reading state at ${messageName(store.path)}: ${store.warnings.at(-1) ?? 'it cannot be written'}`);
	}

	// Neither an article nor the state of one since deleted: a typo, said as folio marks would say it.
	if (cleared === 0 && target?.notFound) {
		throw target.notFound;
	}

	const writer = new PipeWriter(context.stdout);
	await writer.line(`cleared ${cleared} article${cleared === 1 ? '' : 's'}`);
	await writer.end();
	return 0;
}

/**
 * The store key of an article argument: its file's real path, also for an article since deleted
 * (then with why it was not found, for when it has no state either).
 */
function articleKey(context: CommandContext, argument: string): {key: string; notFound?: unknown} {
	let notFound: unknown;
	try {
		const {origin} = locateArticle(argument, context.libraryFolder);
		if (origin.kind !== 'stdin') {
			return {key: articleStateKey(origin.path)};
		}
	} catch (error) {
		notFound = error;
	}

	const id = argument.replace(/\\/g, '/').replace(/\.md$/i, '');
	return {key: path.isAbsolute(argument) ? articleStateKey(argument) : `${path.join(articleStateKey(context.libraryFolder), id)}.md`, notFound};
}
