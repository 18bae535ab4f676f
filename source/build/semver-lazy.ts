import {createRequire} from 'node:module';

/**
 * Stands in for semver inside the bundle. conf imports it at load time (about 100 KB, 47
 * modules) but uses it only to run migrations, which folio's state file needs only when its
 * recorded version is not the current one (`store-file.ts`). So semver is read from
 * node_modules the first time conf calls it, not at every start.
 */
const load = createRequire(import.meta.url);
let real: Record<string | symbol, unknown> | undefined;

export default new Proxy({}, {
	get(_target, name) {
		real ??= load('semver') as Record<string | symbol, unknown>;
		return real[name];
	},
});
