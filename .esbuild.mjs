// Builds dist/ from source/: one entry, code-split so each command loads only what it needs
// (`cat` never loads Ink, the library screen never loads the Markdown renderer).
// `node .esbuild.mjs` — run by `npm run build`, `prepare` and `npm test`.
import {realpathSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';

// Modules that the bundle must not evaluate at start-up, replaced by small stand-ins:
// cli-highlight pulls in highlight.js (~40 ms), ajv is conf's schema validator (folio validates
// its state file by hand), node-emoji's tables are only needed when an article uses :shortcodes:.
const stubs = {
	'cli-highlight': './source/build/highlight-shim.ts',
	'ajv/dist/2020.js': './source/build/ajv-stub.ts',
	'ajv-formats': './source/build/ajv-stub.ts',
	'node-emoji': './source/build/emoji-shim.ts',
	// conf's writer: durable writes instead, and no when-exit signal handlers.
	atomically: './source/build/atomically-durable.ts',
	// conf's migrations, run only when the state file's version is not the current one.
	semver: './source/build/semver-lazy.ts',
	// Not a speed matter: Ink hides every frame but the last when CI is set.
	'is-in-ci': './source/build/not-in-ci.ts',
	// Ink's frame composer: lines cut into styled characters and measured once, not every frame.
	'@alcalzone/ansi-tokenize': './source/build/ansi-tokenize-cached.ts',
	'widest-line': './source/build/widest-line-cached.ts',
	// string-width 8 for Ink, widest-line and cli-truncate: counting where counting is exact.
	'string-width': './source/build/string-width-counted.ts',
};

/** The stand-ins that wrap the package they replace (and import it themselves). */
const wrapping = new Set(['@alcalzone/ansi-tokenize', 'widest-line', 'string-width']);
const skip = Symbol('resolve the package itself');

const replaceModules = {
	name: 'replace-modules',
	setup(context) {
		const filter = new RegExp(`^(${Object.keys(stubs).map(name => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
		context.onResolve({filter}, async arguments_ => {
			// A stand-in that wraps the package it stands in for imports the real one.
			if (/[\\/]source[\\/]build[\\/]/.test(arguments_.importer) || arguments_.pluginData === skip) {
				return undefined;
			}

			// A stand-in that wraps a package stands in only for the version it wraps: a package
			// with its own older copy (cli-table3's string-width 4) keeps it.
			if (wrapping.has(arguments_.path)) {
				const [wanted, wrapped] = await Promise.all([
					context.resolve(arguments_.path, {kind: arguments_.kind, resolveDir: arguments_.resolveDir, pluginData: skip}),
					context.resolve(arguments_.path, {kind: arguments_.kind, resolveDir: process.cwd(), pluginData: skip}),
				]);
				if (wanted.path !== wrapped.path) {
					return undefined;
				}
			}

			const result = await context.resolve(stubs[arguments_.path], {kind: arguments_.kind, resolveDir: process.cwd()});
			return {path: result.path};
		});
	},
};

/**
 * The packages that make an `Intl.Segmenter` as they load (string-width 8 and wrap-ansi's
 * string-width 7, slice-ansi, ansi-tokenize): making the first one loads ICU's break rules, about
 * 13 ms, before the first frame. Each gets `source/build/lazy-segmenter.ts` instead, which
 * segments ASCII itself and makes the real one the first time other text needs it. The build
 * fails if one of them no longer makes a segmenter as expected (an upgrade moved it), rather
 * than silently losing this.
 */
const segmenterPackages = ['string-width', 'slice-ansi', '@alcalzone/ansi-tokenize'];
const lazySegmenterModule = JSON.stringify(path.resolve('source/build/lazy-segmenter.ts'));
const lazySegmenters = {
	name: 'lazy-segmenters',
	setup(context) {
		const rewritten = new Set();
		const packageOf = file => segmenterPackages.find(name => file.split(path.sep).join('/').includes(`/node_modules/${name}/`));
		context.onLoad({filter: /[\\/]node_modules[\\/].*\.m?js$/}, async arguments_ => {
			const name = packageOf(arguments_.path);
			const source = name ? await readFile(arguments_.path, 'utf8') : '';
			if (!source.includes('new Intl.Segmenter(')) {
				return undefined;
			}

			rewritten.add(name);
			const hashbang = source.startsWith('#!') ? source.slice(0, source.indexOf('\n') + 1) : '';
			return {
				contents: `${hashbang}import {lazySegmenter as __lazySegmenter} from ${lazySegmenterModule};\n${source.slice(hashbang.length).replaceAll('new Intl.Segmenter(', '__lazySegmenter(')}`,
				loader: 'js',
				resolveDir: path.dirname(arguments_.path),
			};
		});
		context.onEnd(result => {
			const missing = segmenterPackages.filter(name => !rewritten.has(name));
			if (result.errors.length === 0 && missing.length > 0) {
				return {errors: [{text: `lazy-segmenters: no \`new Intl.Segmenter(\` found in ${missing.join(', ')}; update segmenterPackages in .esbuild.mjs`}]};
			}

			return undefined;
		});
	},
};

/** The build's options; tests build with them too, to see what the bundle is made of. */
export const options = {
	// The library's text search runs in a worker thread: its own entry, beside cli.js.
	entryPoints: {cli: 'source/cli.tsx', 'text-search-worker': 'source/node/search/text-search-worker.ts'},
	bundle: true,
	splitting: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	outdir: 'dist',
	chunkNames: 'chunks/[name]-[hash]',
	external: ['react-devtools-core'],
	plugins: [replaceModules, lazySegmenters],
	// React's production build: the development one double-invokes effects and checks every
	// render, several times slower.
	define: {'process.env.NODE_ENV': '"production"'},
	// Without comments and spaces, and simplified (dist 2.1 → 1.6 MB): less for V8 to scan before
	// the first frame (~10 ms). Names are kept, so a profile still reads.
	minifyWhitespace: true,
	minifySyntax: true,
	legalComments: 'none',
	logLevel: 'warning',
	banner: {js: 'import {createRequire as __createRequire} from \'node:module\'; const require = __createRequire(import.meta.url);'},
};

// Run as a script (`node .esbuild.mjs`), not imported by a test; through a symlink too.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
	rmSync('dist', {recursive: true, force: true});
	await build(options);
}
