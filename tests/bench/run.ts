/**
 * `npm run bench [-- FILE.md ...]`: folio's speed and memory, measured the way a person meets
 * them, on inputs it generates (plus any Markdown files given). Each case runs after a warm-up,
 * several times; medians (and p95 for key latencies) are printed and written to
 * `.bench/results-<time>.json` for comparison between commits.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {generateMarkdown} from '../helpers/generate.js';

const root = process.cwd();
const cli = path.join(root, 'dist/cli.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'folio-bench-'));
const runs = Number(process.env.BENCH_RUNS ?? 7);
const state = path.join(work, 'state');
const env = {...process.env, FOLIO_STATE_DIR: state, XDG_CACHE_HOME: path.join(work, 'cache'), NO_COLOR: undefined, FORCE_COLOR: undefined};

type Probe = {first_frame_ms: number | null; key_ms: number[]; peak_rss_kb: number; status: number | null};

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

function percentile(values: number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function probe(args: string[], marker: string, keys: string[] = [], settleSeconds = 0): Probe {
	const output = execFileSync('python3', [path.join(root, 'tests/bench/pty-probe.py'), '100', '30', marker, JSON.stringify(keys), '--', process.execPath, cli, ...args], {
		env: {...env, PROBE_SETTLE: String(settleSeconds)},
		encoding: 'utf8',
		timeout: 120_000,
	});
	return JSON.parse(output) as Probe;
}

function timeCommand(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): number {
	const start = performance.now();
	const result = spawnSync(command, args, {env: {...env, ...extraEnv}, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30});
	const elapsed = performance.now() - start;
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString()}`);
	}

	return elapsed;
}

function repeat(count: number, measure: () => number): number[] {
	measure();
	return Array.from({length: count}, () => measure());
}

const results: Record<string, unknown> = {date: new Date().toISOString(), node: process.version, runs, cpus: os.cpus().length};
const rows: Array<[string, string, string]> = [];
const report = (name: string, value: string, target: string) => {
	rows.push([name, value, target]);
	console.log(`${name.padEnd(52)} ${value.padEnd(28)} ${target}`);
};

// Inputs.
const quarter = path.join(work, 'reference-250k.md');
const mega = path.join(work, 'reference-1m.md');
writeFileSync(quarter, generateMarkdown(250_000, 2));
writeFileSync(mega, generateMarkdown(1_000_000, 3));
const extra = process.argv.slice(2).map(file => path.resolve(file));
const libraryFolder = path.join(work, 'library');
for (let index = 0; index < 10_000; index++) {
	const folder = path.join(libraryFolder, `group-${Math.floor(index / 500)}`);
	if (index % 500 === 0) {
		mkdirSync(folder, {recursive: true});
	}

	writeFileSync(path.join(folder, `article-${index}.md`), `---\ntitle: Article ${index}\ndate: 2026-01-${String((index % 28) + 1).padStart(2, '0')}\ncategory: Bench\ntags: [a, b]\nsummary: Article number ${index}.\n---\n\n# Article ${index}\n\n${'Some words in a paragraph. '.repeat(20)}\n\n## Section\n\nMore text.\n`);
}

console.log(`folio bench: node ${process.version}, ${os.cpus().length} cpus, ${runs} runs after a warm-up; inputs in ${work}\n`);
console.log(`${'case'.padEnd(52)} ${'median (p95)'.padEnd(28)} target`);

// 1. Launch to first frame of the library.
const library = repeat(runs, () => probe([], 'q quit').first_frame_ms ?? Number.NaN);
results.libraryFirstFrameMs = {median: median(library), all: library};
report('1. launch → first library frame (bundled library)', `${median(library).toFixed(0)} ms`, '≤ 200 ms');

// 2, 3, 5. A 1 MB article: first screen, key latency, memory.
for (const [label, file] of [['1 MB generated', mega], ...extra.map(file => [path.basename(file), file])] as Array<[string, string]>) {
	const first = repeat(runs, () => probe([file], '? help').first_frame_ms ?? Number.NaN);
	const keys = {line: ['j'], page: [' '], section: [']'], end: ['G', 'g']};
	const latency: Record<string, number[]> = {};
	let peak = 0;
	for (const [name, sequence] of Object.entries(keys)) {
		const result = probe([file], '? help', Array.from({length: 20}, () => sequence).flat(), 3);
		latency[name] = result.key_ms;
		peak = Math.max(peak, result.peak_rss_kb);
	}

	results[`article ${label}`] = {firstScreenMs: {median: median(first), all: first}, keyMs: latency, peakRssMb: peak / 1024};
	report(`2. launch → first screen (${label})`, `${median(first).toFixed(0)} ms`, '≤ 300 ms');
	for (const [name, values] of Object.entries(latency)) {
		report(`3. key → frame: ${name} (${label})`, `${median(values).toFixed(1)} ms (p95 ${percentile(values, 0.95).toFixed(1)})`, 'p95 ≤ 16 ms');
	}

	report(`5. peak RSS reading (${label})`, `${(peak / 1024).toFixed(0)} MB`, '≤ 150 MB');
}

// 4. folio cat against plain marked + marked-terminal, same files, same run.
for (const [label, file] of [['250 KB', quarter], ['1 MB', mega], ...extra.map(file => [path.basename(file), file])] as Array<[string, string]>) {
	const folio = repeat(runs, () => timeCommand(process.execPath, [cli, 'cat', file, '--width', '80']));
	const baseline = repeat(runs, () => timeCommand(process.execPath, [path.join(root, 'tests/bench/baseline.mjs'), file]));
	const ratio = median(folio) / median(baseline);
	results[`cat ${label}`] = {folioMs: median(folio), markedTerminalMs: median(baseline), ratio};
	report(`4. cat ${label} to a pipe: folio / marked-terminal`, `${median(folio).toFixed(0)} / ${median(baseline).toFixed(0)} ms = ${ratio.toFixed(2)}×`, '≤ 0.5×');
}

// 6. folio list over 10,000 articles: first run (no cache), then repeated.
const cold = repeat(Math.min(runs, 3), () => {
	rmSync(path.join(work, 'cache'), {recursive: true, force: true});
	return timeCommand(process.execPath, [cli, 'list', '--dir', libraryFolder]);
});
const warm = repeat(runs, () => timeCommand(process.execPath, [cli, 'list', '--dir', libraryFolder]));
results.list10k = {firstRunMs: median(cold), repeatedMs: median(warm)};
report('6. list 10,000 articles: first run', `${median(cold).toFixed(0)} ms`, '≤ 1500 ms');
report('6. list 10,000 articles: repeated', `${median(warm).toFixed(0)} ms`, '≤ 300 ms');

mkdirSync(path.join(root, '.bench'), {recursive: true});
const out = path.join(root, '.bench', `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({...results, table: rows}, null, 2));
console.log(`\nwritten to ${path.relative(root, out)}`);
rmSync(work, {recursive: true, force: true});
