/**
 * Load the full-screen half of folio (Ink and what it draws with) without Node's fetch.
 *
 * Ink lays out with yoga-layout, whose WebAssembly is inlined as a `data:` URL. Its loader
 * fetches that URL when `fetch` is a function, and the first touch of Node's `fetch` loads undici:
 * about 40–80 ms of the first frame, for decoding 90 KB that the loader decodes itself without
 * it. folio makes no network requests, so `fetch` is hidden while the module graph evaluates
 * (yoga initialises at import time) and put back, untouched, afterwards.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) {
		return load();
	}

	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
