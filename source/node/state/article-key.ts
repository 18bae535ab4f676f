import {realpathSync} from 'node:fs';
import path from 'node:path';

/**
 * The key an article's reading state is kept under: the real path of its file, with every
 * symbolic link resolved. So two libraries never share an id's state, and one file opened as
 * `guides/keys`, as `articles/guides/keys.md` or through a link has one state. A file that is
 * gone (a deleted article being reset) keys by its absolute path.
 */
export function articleStateKey(file: string): string {
	try {
		return realpathSync(file);
	} catch {
		return path.resolve(file);
	}
}
