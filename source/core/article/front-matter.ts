import yaml from 'js-yaml';
import {sanitizeLine} from '../text/sanitize.js';
import {maxFieldLength, maxFrontMatterLength, maxTagLength, maxTags} from './front-matter-limits.js';

/** The front matter fields folio reads; every string is sanitised. */
export type FrontMatter = {
	title?: string;
	date?: string;
	category?: string;
	tags: string[];
	summary?: string;
};

export type SplitResult = {
	frontMatter: FrontMatter;
	/** The Markdown after the front matter block. */
	body: string;
	/** Set when a front matter block was present but could not be read. */
	warning?: string;
};


const opening = /^---[ \t]*\n/;
const closing = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Split a normalised (LF, no BOM) Markdown file into front matter and body. A broken block is
 * reported and kept as text rather than failing the article.
 */
export function splitFrontMatter(source: string): SplitResult {
	const empty: FrontMatter = {tags: []};
	if (!opening.test(source)) {
		return {frontMatter: empty, body: source};
	}

	const afterOpening = source.indexOf('\n') + 1;
	const rest = source.slice(afterOpening - 1);
	const end = closing.exec(rest);
	if (!end) {
		return {frontMatter: empty, body: source, warning: 'front matter is not closed by a --- line; shown as text'};
	}

	const yamlText = rest.slice(1, end.index);
	if (yamlText.length > maxFrontMatterLength) {
		return {frontMatter: empty, body: source, warning: `front matter is longer than ${maxFrontMatterLength} characters; shown as text`};
	}

	const bodyStart = afterOpening - 1 + end.index + end[0].length;
	const body = source.slice(bodyStart);

	let data: unknown;
	try {
		data = yaml.load(yamlText, {schema: yaml.CORE_SCHEMA, json: true});
	} catch (error) {
		const reason = sanitizeLine(error instanceof Error ? error.message.split('\n')[0] : String(error));
		return {frontMatter: empty, body: source, warning: `front matter is not valid YAML (${reason}); shown as text`};
	}

	if (data === null || data === undefined) {
		return {frontMatter: empty, body};
	}

	if (typeof data !== 'object' || Array.isArray(data)) {
		return {frontMatter: empty, body: source, warning: 'front matter is not a YAML mapping; shown as text'};
	}

	return {frontMatter: readFields(data as Record<string, unknown>), body};
}

function readFields(data: Record<string, unknown>): FrontMatter {
	return {
		title: asText(data.title),
		date: asDate(data.date),
		category: asText(data.category),
		tags: asTags(data.tags),
		summary: asText(data.summary ?? data.description),
	};
}

/** A field as one sanitised line of at most `limit` characters (cut with `…`), or undefined. */
function asText(value: unknown, limit = maxFieldLength): string | undefined {
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		const raw = String(value);
		const text = sanitizeLine(raw.length > limit * 4 ? raw.slice(0, limit * 4) : raw);
		if (text === '') {
			return undefined;
		}

		return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
	}

	return undefined;
}

function asDate(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime())) {
		return value.toISOString().slice(0, 10);
	}

	return asText(value);
}

function asTags(value: unknown): string[] {
	const list: unknown[] = Array.isArray(value) ? value : (typeof value === 'string' ? value.slice(0, maxTags * maxTagLength).split(',') : []);
	const tags: string[] = [];
	for (const tag of list) {
		const text = asText(tag, maxTagLength);
		if (text !== undefined && !tags.includes(text)) {
			tags.push(text);
			if (tags.length === maxTags) {
				break;
			}
		}
	}

	return tags;
}
