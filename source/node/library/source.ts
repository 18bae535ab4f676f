import {closeSync, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync} from 'node:fs';
import {isUtf8} from 'node:buffer';
import path from 'node:path';
import {parseArticle, readArticleInfo, readSearchable, type Article, type ArticleInfo, type ArticleOrigin, type SearchableArticle} from '../../core/article/article.js';
import {FolioError, UsageError} from '../../core/errors.js';
import {megabytes} from './limits.js';
import {closestIds, describeFsError, isInside, scanLibrary, type LibraryFile} from './library.js';
import {maxMessageName, messageName} from '../../core/text/sanitize.js';

/** Text read from a file or stdin, with the warnings decoding raised. */
export type SourceText = {text: string; warnings: string[]};

/**
 * Decode bytes as UTF-8, refusing binary data. Invalid sequences become U+FFFD with one warning.
 */
export function decodeText(bytes: Buffer, name: string): SourceText {
	if (bytes.includes(0)) {
		throw new FolioError(`${name} is a binary file, not Markdown`);
	}

	const text = bytes.toString('utf8');
	return isUtf8(bytes) ? {text, warnings: []} : {text, warnings: [`${name} is not valid UTF-8; invalid bytes are shown as \uFFFD`]};
}

/**
 * Read a Markdown file within the size limit. The file is opened once and measured through its
 * descriptor (not looked up again by path for a stat): indexing a library reads thousands.
 */
export function readSourceFile(file: string, limit: number): SourceText {
	const name = messageName(file);
	const isFolder = () => new FolioError(`${name} is a folder; give an article id or a .md file (folio list shows the ids)`);
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (error) {
		// Windows does not open folders at all.
		throw (error as NodeJS.ErrnoException).code === 'EISDIR' ? isFolder() : new FolioError(`cannot read ${name}: ${describeFsError(error)}`);
	}

	try {
		const stats = fstatSync(fd);
		if (stats.isDirectory()) {
			throw isFolder();
		}

		if (stats.size > limit) {
			throw new FolioError(`${name} is ${megabytes(stats.size)}, above the ${megabytes(limit)} limit (raise FOLIO_MAX_BYTES to open it)`);
		}

		return decodeText(readFileSync(fd), name);
	} catch (error) {
		if (error instanceof FolioError) {
			throw error;
		}

		throw new FolioError(`cannot read ${name}: ${describeFsError(error)}`);
	} finally {
		closeSync(fd);
	}
}

const stdinPause = new Int32Array(new SharedArrayBuffer(4));

/** Read all of stdin (a pipe or a file), within the size limit. */
export function readStdin(limit: number): SourceText {
	const chunks: Buffer[] = [];
	let total = 0;
	const buffer = Buffer.alloc(65_536);
	const fd = 0;
	if (fstatSync(fd).isCharacterDevice() && process.stdin.isTTY) {
		throw new UsageError('`-` reads the article from stdin, but stdin is a terminal; pipe a file in: cat notes.md | folio -');
	}

	for (;;) {
		let read: number;
		try {
			read = readSync(fd, buffer, 0, buffer.length, null);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'EAGAIN') {
				// A non-blocking stdin with nothing yet: wait a little instead of spinning a core.
				Atomics.wait(stdinPause, 0, 0, 10);
				continue;
			}

			if (code === 'EOF') {
				break;
			}

			throw new FolioError(`cannot read stdin: ${describeFsError(error)}`);
		}

		if (read === 0) {
			break;
		}

		total += read;
		if (total > limit) {
			throw new FolioError(`stdin is above the ${megabytes(limit)} limit (raise FOLIO_MAX_BYTES to read it)`);
		}

		chunks.push(Buffer.from(buffer.subarray(0, read)));
	}

	return decodeText(Buffer.concat(chunks), 'stdin');
}

/** Where an article argument points, before reading it. */
export type ArticleLocation = {origin: ArticleOrigin};

/**
 * Turn an article argument into a location: `-` is stdin, an existing path to a file is that
 * file, anything else is an id in the library. Ids never leave the library folder.
 */
export function locateArticle(argument: string, libraryFolder: string): ArticleLocation {
	if (argument === '-') {
		return {origin: {kind: 'stdin', id: '-'}};
	}

	if (argument.trim() === '') {
		throw new UsageError('Expected an article id, a path to a .md file, or -, got an empty string');
	}

	// Files outside the library are opened by path, and only Markdown files.
	if (/\.(?:md|markdown)$/i.test(argument) && isFile(argument)) {
		const real = realpathSync(argument);
		return {origin: {kind: 'file', id: real, path: real}};
	}

	const id = argument.replace(/\\/g, '/').replace(/\.md$/i, '').replace(/^\/+/, '');
	const direct = libraryFile(libraryFolder, id);
	if (direct) {
		return {origin: {kind: 'library', id, path: direct}};
	}

	// Not found directly: scan, to say why (a link outside the library) or what comes closest.
	const library = scanLibrary(libraryFolder);
	const entry = library.files.find(candidate => candidate.id === id);
	if (entry) {
		return {origin: {kind: 'library', id: entry.id, path: entry.path}};
	}

	const skipped = library.skipped.find(candidate => candidate.path === path.join(library.directory, `${id}.md`));
	if (skipped) {
		throw new FolioError(`cannot open ${messageName(argument)}: ${skipped.reason}`);
	}

	throw notOnDisk(argument) ?? notFound(argument, library.files);
}

/**
 * Why an argument that names something on disk, or reads as a path, is not an article: a folder,
 * a file that is not Markdown, or no such file. Undefined for what reads as a library id.
 */
function notOnDisk(argument: string): FolioError | undefined {
	const name = messageName(argument);
	let stats;
	try {
		stats = statSync(argument, {throwIfNoEntry: false});
	} catch {
		stats = undefined;
	}

	if (stats?.isDirectory()) {
		return new FolioError(`${name} is a folder, not an article (folio --dir with it opens it as a library)`);
	}

	if (stats) {
		return new FolioError(`${name} is not a Markdown file: folio opens .md and .markdown files`);
	}

	// A path by its shape (absolute, ./, ../ or ~/): no library id looks like that.
	if (path.isAbsolute(argument) || /^(?:\.{1,2}|~)[\\/]/.test(argument)) {
		return new FolioError(`no file ${name}`);
	}

	return undefined;
}

/**
 * The file an id names, found without scanning the library, or undefined when it is not a plain
 * library article (a hidden or node_modules folder, a link leading outside): the scan decides those.
 */
function libraryFile(libraryFolder: string, id: string): string | undefined {
	const segments = id.split('/');
	if (segments.some(segment => segment === '' || segment.startsWith('.') || segment === 'node_modules')) {
		return undefined;
	}

	const file = `${path.join(libraryFolder, ...segments)}.md`;
	try {
		return isInside(realpathSync(libraryFolder), realpathSync(file)) && statSync(file).isFile() ? file : undefined;
	} catch {
		return undefined;
	}
}

function notFound(argument: string, files: LibraryFile[]): FolioError {
	const name = messageName(argument);
	if (files.length === 0) {
		return new FolioError(`no article ${name}: the library is empty (folio list shows what is there)`);
	}

	// The edit distance is quadratic: a 100 KB argument is compared by its first characters only.
	const closest = closestIds(argument.slice(0, maxMessageName), files.map(file => file.id)).map(id => messageName(id));
	// A name ending in .md may be a file or an id: neither exists.
	const what = /\.(?:md|markdown)$/i.test(argument) ? `no file or article ${name}` : `no article ${name}`;
	return new FolioError(`${what}; closest: ${closest.join(', ')} (folio list shows all)`);
}

/** Read and parse an article from its location; `limit` is the largest file accepted, in bytes. */
export function loadArticle(location: ArticleLocation, limit: number): Article {
	const {origin} = location;
	const source = origin.kind === 'stdin' ? readStdin(limit) : readSourceFile(origin.path, limit);
	const article = parseArticle(source.text, origin);
	article.warnings.unshift(...source.warnings);
	return article;
}

/** Read a library file as the search index reads it (`readSearchable`). */
export function loadSearchable(file: Pick<LibraryFile, 'id' | 'path'>, limit: number): SearchableArticle {
	return readSearchable(readSourceFile(file.path, limit).text, {kind: 'library', id: file.id, path: file.path});
}

/** Read the listing details of a library file. */
export function loadArticleInfo(file: LibraryFile, limit: number): ArticleInfo {
	const source = readSourceFile(file.path, limit);
	const info = readArticleInfo(source.text, {kind: 'library', id: file.id, path: file.path});
	info.warnings.unshift(...source.warnings);
	return info;
}

function isFile(file: string): boolean {
	try {
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

