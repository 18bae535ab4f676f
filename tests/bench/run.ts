/**
 * `npm run bench [-- FILE.md ...]`: folio's speed and memory on the documents people read, each
 * figure beside a peer measured in the same run (run it under the shared lock:
 * `flock /work/coord/test.lock npm run bench`). Prints every target with met / not met and
 * writes `.bench/results-<time>.json`. BENCH_RUNS sets the runs per figure (default 5),
 * BENCH_ONLY=REGEX the inputs measured, BENCH_CLI another build to measure, BENCH_BEFORE an older
 * build to time beside it.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {prepareInputs, type Input} from './inputs.js';
import {installed, keyTimes, median, ms, percentile, probe, ratio, repeat, terminal, timeCommand, type Probe, type Step} from './measure.js';
import {benchLibraryTyping, benchSearch} from './search.js';
import {measureStore} from '../helpers/store-measure.js';

const root = process.cwd();
// BENCH_CLI=path/to/cli.js measures another build (an older commit's dist/) with this bench.
const cli = path.resolve(process.env.BENCH_CLI ?? path.join(root, 'dist/cli.js'));
// BENCH_BEFORE=path/to/cli.js also times an older build's cat, first screen, G and search, beside
// this one's in the same run (figures only: targets are judged on this build).
const before = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : undefined;
const work = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-'));
const runs = Number(process.env.BENCH_RUNS ?? 5);
/** Reader runs so far: each gets its own reading state (`freshState`). */
let stateRuns = 0;
const width = 80;
const env: NodeJS.ProcessEnv = {...process.env, FOLIO_STATE_DIR: path.join(work, 'state'), XDG_CACHE_HOME: path.join(work, 'cache'), NO_COLOR: undefined, FORCE_COLOR: undefined, LESS: undefined, LESSOPEN: undefined};
const node = process.execPath;
const hasLowdown = installed('lowdown');
const lessPrompt = '-Ps?eLESSEND:LESSREADY.';
const folioReady = '? help';

type Target = {name: string; value: string; peer: string; met: boolean};
const targets: Target[] = [];
const results: Record<string, unknown> = {date: new Date().toISOString(), node: process.version, runs, cpus: os.cpus().length, terminal};
const target = (name: string, value: string, peer: string, met: boolean) => {
	targets.push({name, value, peer, met});
	console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${name}: ${value}  [${peer}]`);
};

// BENCH_ONLY=REGEX keeps only the inputs whose label matches (to measure one lever quickly).
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;
const inputs = prepareInputs(root, process.argv.slice(2)).filter(input => !only || only.test(input.label));
console.log(`folio bench (${path.relative(root, cli)}): node ${process.version}, ${os.cpus().length} cpus, ${runs} runs after a warm-up, terminal ${terminal.columns}×${terminal.rows}, cat width ${width}`);
console.log(`inputs (kept in .bench/inputs/): ${inputs.map(input => `${input.label} ${(input.bytes / 1024).toFixed(0)} KB`).join('; ')}`);
console.log(hasLowdown ? 'lowdown: installed' : 'lowdown: not installed, its columns are skipped (apt-get install -y lowdown)');

// The process floor: node printing one line in the same pseudo-terminal.
const floor = median(repeat(runs, () => probe([node, '-e', 'console.log("FLOOR")'], 'FLOOR', [], env).first_frame_ms ?? Number.NaN));
results.nodeFloorMs = floor;
console.log(`\nfloor: node -e printing one line shows in ${ms(floor)}\n`);

// 1. cat against marked alone and plain marked + marked-terminal.
console.log('cat to a pipe (median ms):                    folio      marked→HTML        marked+terminal    lowdown');
const catTimes: Record<string, number> = {};
for (const input of inputs) {
	const folio = median(repeat(runs, () => timeCommand(node, [cli, 'cat', input.file, '--width', String(width)], env)));
	const html = median(repeat(runs, () => timeCommand(node, [path.join(root, 'tests/bench/marked-html.mjs'), input.file], env)));
	const terminalPeer = median(repeat(runs, () => timeCommand(node, [path.join(root, 'tests/bench/baseline.mjs'), input.file, String(width)], env)));
	const lowdown = hasLowdown ? median(repeat(runs, () => timeCommand('lowdown', ['-Tterm', `--term-width=${width}`, input.file], env))) : Number.NaN;
	catTimes[input.label] = folio;
	if (before) {
		const old = median(repeat(runs, () => timeCommand(node, [before, 'cat', input.file, '--width', String(width)], env)));
		results[`before cat ${input.label}`] = old;
		console.log(`  ${input.label.padEnd(44)} before: ${ms(old)} = ${ratio(old, html)} marked→HTML, ${ratio(old, terminalPeer)} marked+terminal`);
	}

	results[`cat ${input.label}`] = {folioMs: folio, markedHtmlMs: html, markedTerminalMs: terminalPeer, lowdownMs: lowdown};
	console.log(`  ${input.label.padEnd(44)} ${ms(folio).padEnd(10)} ${`${ms(html)} (${ratio(folio, html)})`.padEnd(18)} ${`${ms(terminalPeer)} (${ratio(folio, terminalPeer)})`.padEnd(18)} ${hasLowdown ? `${ms(lowdown)} (${ratio(folio, lowdown)})` : 'skipped'}`);
	target(`cat ${input.label} ≤ 1.25× marked→HTML`, `${ms(folio)} = ${ratio(folio, html)}`, `marked→HTML ${ms(html)}`, folio <= 1.25 * html);
	target(`cat ${input.label} ≤ 0.6× marked+marked-terminal`, `${ms(folio)} = ${ratio(folio, terminalPeer)}`, `marked+marked-terminal ${ms(terminalPeer)}`, folio <= 0.6 * terminalPeer);
}

const linear = catTimes['realistic 4 MB'] / catTimes['realistic 1 MB'];
results.linearity = linear;
if (Number.isFinite(linear)) {
	target('cat 4 MB ≤ 4.5× cat 1 MB (size and link definitions ×4)', `${ratio(catTimes['realistic 4 MB'], catTimes['realistic 1 MB'])}`, `1 MB ${ms(catTimes['realistic 1 MB'])}, 4 MB ${ms(catTimes['realistic 4 MB'])}`, linear <= 4.5);
}

// 2. The library's first frame.
const library = median(repeat(runs, () => probe([node, cli], 'q quit', [], env).first_frame_ms ?? Number.NaN));
results.libraryFirstFrameMs = library;
console.log('\nscreens (median ms to the first screen):');
if (before) {
	const oldLibrary = median(repeat(runs, () => probe([node, before], 'q quit', [], env).first_frame_ms ?? Number.NaN));
	results['before libraryFirstFrameMs'] = oldLibrary;
	console.log(`  before: library first frame ${ms(oldLibrary)} (${ratio(oldLibrary, floor)} floor)`);
}

target('library first frame ≤ 2.5× node -e floor', `${ms(library)} = ${ratio(library, floor)}`, `floor ${ms(floor)}`, library <= 2.5 * floor);

// 3. Articles: first screen, keys settled and while rendering, G and search right after opening, memory.
const keys = (key: string, count: number, label = key): Step[] => Array.from({length: count}, () => ({key, label}));
for (const input of inputs.filter(item => item.screens)) {
	measureArticle(input);
}

/**
 * The environment of one reader run: its own empty reading state, so every run opens the article
 * at its top. With a shared state a run would resume where the last one quit (after `G`, at the
 * end), and `G` would then change nothing and the first screen would be a whole render.
 */
function freshState(): NodeJS.ProcessEnv {
	return {...env, FOLIO_STATE_DIR: path.join(work, `state-${stateRuns++}`)};
}

function measureArticle(input: Input) {
	const folio = (steps: Step[]) => probe([node, cli, input.file], folioReady, steps, freshState());
	const less = (steps: Step[]) => probe(['less', lessPrompt, input.file], 'LESSREADY', steps, env);
	const first = median(repeat(runs, () => folio([]).first_frame_ms ?? Number.NaN));
	const lessFirst = median(repeat(runs, () => less([]).first_frame_ms ?? Number.NaN));
	const lowdownFirst = hasLowdown ? median(repeat(runs, () => probe(['sh', '-c', `lowdown -Tterm "$0" | less '${lessPrompt}'`, input.file], 'LESSREADY', [], env).first_frame_ms ?? Number.NaN)) : Number.NaN;
	console.log(`\n${input.label}: first screen ${ms(first)} (${ratio(first, floor)} floor); less ${ms(lessFirst)}; ${hasLowdown ? `lowdown -Tterm | less ${ms(lowdownFirst)}` : 'lowdown skipped (not installed)'}`);
	target(`first screen ${input.label} ≤ 2.5× node -e floor`, `${ms(first)} = ${ratio(first, floor)}`, `floor ${ms(floor)}, less ${ms(lessFirst)}`, first <= 2.5 * floor);

	const settledSteps: Step[] = [{quiet: 0.6}, ...keys('j', 20), ...keys(' ', 20, 'space'), ...keys(']', 15), ...keys('k', 10)];
	const settled = [folio(settledSteps)];
	const lessSettled = [less([{quiet: 0.3}, ...keys('j', 20), ...keys(' ', 20, 'space'), ...keys('k', 10)])];
	// While rendering: from 0.3 s after the first screen, several openings for enough samples.
	const rendering: Probe[] = Array.from({length: 3}, () => folio([{sleep: 0.3}, ...keys('j', 8), ...keys(' ', 8, 'space'), ...keys(']', 4)]));
	const lessP95 = percentile(keyTimes(lessSettled), 0.95);
	for (const [name, times] of [['settled', keyTimes(settled)], ['while rendering', keyTimes(rendering)]] as const) {
		const p95 = percentile(times, 0.95);
		console.log(`  keys ${name}: p95 ${ms(p95)}, median ${ms(median(times))}, max ${ms(Math.max(...times))} (j ${ms(percentile(keyTimes(name === 'settled' ? settled : rendering, 'j'), 0.95))}, space ${ms(percentile(keyTimes(name === 'settled' ? settled : rendering, 'space'), 0.95))}, ] ${ms(percentile(keyTimes(name === 'settled' ? settled : rendering, ']'), 0.95))}); less p95 ${ms(lessP95)}`);
		target(`key→frame p95 ${name}, ${input.label} ≤ 2.5× less p95`, `${ms(p95)} = ${ratio(p95, lessP95)}`, `less p95 ${ms(lessP95)}`, p95 <= 2.5 * lessP95);
	}

	// G and search right after the first screen; a key pressed while G works must not wait for it.
	const jumps = repeat(runs, () => folio([{key: 'G', expect: ['100%']}, {key: '/'}, {key: input.query, label: 'typing'}, {key: '\r', expect: ['match ', 'not found'], label: 'search'}]));
	const lessJumps = repeat(runs, () => less([{key: 'G', expect: ['LESSEND']}, {key: 'g'}, {key: '/'}, {key: input.query, label: 'typing'}, {key: '\r', expect: ['LESSEND', 'LESSREADY'], label: 'search'}]));
	const blocked = repeat(runs, () => folio([{send: 'G'}, {sleep: 0.03}, {key: 'k'}]));
	const g = median(keyTimes(jumps, 'G'));
	if (before) {
		const oldFirst = median(repeat(runs, () => probe([node, before, input.file], folioReady, [], freshState()).first_frame_ms ?? Number.NaN));
		const oldJumps = repeat(runs, () => probe([node, before, input.file], folioReady, [{key: 'G', expect: ['100%']}, {key: '/'}, {key: input.query, label: 'typing'}, {key: '\r', expect: ['match ', 'not found'], label: 'search'}], freshState()));
		const oldSettled = keyTimes([probe([node, before, input.file], folioReady, settledSteps, freshState())]);
		console.log(`  before: keys settled p95 ${ms(percentile(oldSettled, 0.95))}, median ${ms(median(oldSettled))}`);
		results[`before screens ${input.label}`] = {firstScreenMs: oldFirst, gMs: median(keyTimes(oldJumps, 'G')), searchMs: median(keyTimes(oldJumps, 'search'))};
		console.log(`  before: first screen ${ms(oldFirst)} (${ratio(oldFirst, floor)} floor), G ${ms(median(keyTimes(oldJumps, 'G')))}, search ${ms(median(keyTimes(oldJumps, 'search')))}, peak RSS ${(Math.max(...oldJumps.map(result => result.peak_rss_kb)) / 1024).toFixed(0)} MB`);
	}

	const search = median(keyTimes(jumps, 'search'));
	const lessG = median(keyTimes(lessJumps, 'G'));
	const lessSearch = median(keyTimes(lessJumps, 'search'));
	const afterG = percentile(keyTimes(blocked, 'k'), 0.95);
	const peak = Math.max(...jumps.map(result => result.peak_rss_kb), ...settled.map(result => result.peak_rss_kb)) / 1024;
	console.log(`  right after opening: G ${ms(g)} (less ${ms(lessG)}), search ${ms(search)} (less ${ms(lessSearch)}); a key pressed while G works: p95 ${ms(afterG)}; peak RSS ${peak.toFixed(0)} MB`);
	if (input.bytes >= 500_000) {
		target(`G right after opening ${input.label} ≤ 15× less's G`, `${ms(g)} = ${ratio(g, lessG)}`, `less G ${ms(lessG)}`, g <= 15 * lessG);
		target(`search right after opening ${input.label} ≤ 15× less's G`, `${ms(search)} = ${ratio(search, lessG)}`, `less G ${ms(lessG)}, less search ${ms(lessSearch)}`, search <= 15 * lessG);
		target(`key pressed while G works, ${input.label}: p95 ≤ 2.5× less p95 (no key waits behind the render)`, `${ms(afterG)} = ${ratio(afterG, lessP95)}`, `less p95 ${ms(lessP95)}`, afterG <= 2.5 * lessP95);
		target(`peak RSS reading ${input.label} ≤ 150 MB`, `${peak.toFixed(0)} MB`, 'after G and a search', peak <= 150);
	}

	results[`screens ${input.label}`] = {firstScreenMs: first, lessFirstMs: lessFirst, lowdownFirstMs: lowdownFirst, keysSettled: keyTimes(settled), keysRendering: keyTimes(rendering), lessKeys: keyTimes(lessSettled), gMs: g, lessGMs: lessG, searchMs: search, lessSearchMs: lessSearch, keyAfterGMs: keyTimes(blocked, 'k'), peakRssMb: peak};
}

// 4. folio list over 10,000 small articles: first run (no cache), then repeated. Figures only.
const libraryFolder = path.join(work, 'library');
for (let index = 0; index < 10_000; index++) {
	const folder = path.join(libraryFolder, `group-${Math.floor(index / 500)}`);
	mkdirSync(folder, {recursive: true});
	writeFileSync(path.join(folder, `article-${index}.md`), `---\ntitle: Article ${index}\ndate: 2026-01-${String((index % 28) + 1).padStart(2, '0')}\ncategory: Bench\ntags: [a, b]\nsummary: Article number ${index}.\n---\n\n# Article ${index}\n\n${'Some words in a paragraph. '.repeat(20)}\n`);
}

const coldList = median(repeat(Math.min(runs, 3), () => {
	rmSync(path.join(work, 'cache'), {recursive: true, force: true});
	return timeCommand(node, [cli, 'list', '--dir', libraryFolder], env);
}));
const warmList = median(repeat(runs, () => timeCommand(node, [cli, 'list', '--dir', libraryFolder], env)));
results.list10k = {firstRunMs: coldList, repeatedMs: warmList};
console.log(`\nlist over 10,000 articles: first run ${ms(coldList)}, repeated ${ms(warmList)}`);

// 5. folio search over the same 10,000 articles, beside grep -rli (tests/bench/search.ts).
benchSearch({cli, env, libraryFolder, cacheFolder: path.join(work, 'cache'), runs, target, results});
benchLibraryTyping({cli, env, libraryFolder, runs, target, results, probe});

// 6. The reading state with 1,000 articles in it: its size and what each operation costs. Figures only.
const storeFolder = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-store-'));
const store = measureStore(storeFolder);
rmSync(storeFolder, {recursive: true, force: true});
results.store1000 = store;
console.log(`\nreading state with ${store.articles} articles: ${(store.fileBytes / 1000).toFixed(0)} KB; open ${ms(store.openMs)}, savePosition ${ms(store.savePositionMs)}, recordView ${ms(store.recordViewMs)}, get ${ms(store.getMs)}, all ${ms(store.allMs)}`);

console.log(`\n${targets.filter(item => item.met).length} of ${targets.length} targets met`);
for (const item of targets.filter(entry => !entry.met)) {
	console.log(`  not met: ${item.name}: ${item.value} [${item.peer}]`);
}

mkdirSync(path.join(root, '.bench'), {recursive: true});
const out = path.join(root, '.bench', `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({...results, targets}, null, 2));
console.log(`\nwritten to ${path.relative(root, out)}`);
rmSync(work, {recursive: true, force: true});
