import type {Reader as ReaderComponent} from './components/Reader.js';

let reader: typeof ReaderComponent | undefined;

/**
 * The reader component, loaded on first use: the library screen starts without the Markdown
 * renderer (marked-terminal and its tables), which only an open article needs.
 */
export async function loadReader(): Promise<typeof ReaderComponent> {
	reader ??= (await import('./components/Reader.js')).Reader;
	return reader;
}

/** The reader component if it has been loaded. */
export function loadedReader(): typeof ReaderComponent | undefined {
	return reader;
}
