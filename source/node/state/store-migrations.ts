import type {Options} from 'conf';
import type {Articles, StateFile} from './store-schema.js';

/** Version of the file's shape; conf records it as `__internal__.migrations.version`. */
export const stateSchemaVersion = '2.0.0';

/**
 * Changes of shape, oldest first. conf runs each step newer than the version recorded in the file,
 * up to `stateSchemaVersion`. To change the shape: bump `stateSchemaVersion`, update
 * store-schema.ts, and add a step that rewrites the file. A step must leave a file it already
 * changed as it is.
 */
export const migrations: Options<StateFile>['migrations'] = {
	'1.0.0'(store) {
		if (!store.has('articles')) {
			store.set('articles', {});
		}
	},
	/**
	 * Schema 1 keyed library articles by bare id (`guides/keys`), whatever the library, and files
	 * opened by path by their real path. Real paths stay; bare ids wait in `unclaimed` until a
	 * library that has that file opens the store (`claimUnclaimed`), so nothing is lost and no
	 * library takes another's views.
	 */
	'2.0.0'(store) {
		const articles = store.get('articles') ?? {};
		const unclaimed: Articles = {...store.get('unclaimed')};
		const kept: Articles = {};
		for (const [key, state] of Object.entries(articles)) {
			if (key.startsWith('/') || /^[a-z]:[\\/]/i.test(key)) {
				kept[key] = state;
			} else {
				unclaimed[key] = state;
			}
		}

		store.set('articles', kept);
		if (Object.keys(unclaimed).length > 0) {
			store.set('unclaimed', unclaimed);
		}
	},
};
