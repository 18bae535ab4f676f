import path from 'node:path';
import Conf from 'conf';
import {ensureFolder, writeFileDurably} from './durable-write.js';

/**
 * conf, writing through `writeFileDurably`: a settings or state file is replaced completely or
 * not at all, even on a full disk. Use it wherever folio would use `new Conf(...)`.
 *
 * @example
 * const settings = new DurableConf<Settings>({projectName: 'folio', configName: 'config'});
 */
export class DurableConf<T extends Record<string, any> = Record<string, unknown>> extends Conf<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
	/** Runs before each write replaces the file (the state's lock check); throw to keep the old file. */
	beforeRename: (() => void) | undefined;
}

// conf's `_write` is private in its types, so it is replaced on the prototype: the constructor's
// own writes (defaults, migrations) go through it too.
type Writable = {path: string; beforeRename?: () => void; _serialize(value: unknown): string};
Object.defineProperty(DurableConf.prototype, '_write', {
	value(this: Writable, value: unknown) {
		writeFileDurably(this.path, this._serialize(value), {mode: 0o600, beforeRename: this.beforeRename});
	},
});
// conf's own `mkdirSync(..., {recursive: true})` never returns under /proc.
Object.defineProperty(DurableConf.prototype, '_ensureDirectory', {
	value(this: Writable) {
		ensureFolder(path.dirname(this.path));
	},
});
