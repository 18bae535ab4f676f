import type {StateFile} from './store-file.js';

/**
 * The file's shape, checked by hand on every read: conf would compile a JSON schema with ajv on
 * every start (30–50 ms), more than the rest of opening the store. Unknown fields are allowed, so
 * a file from a newer minor version still loads. Throws `Config schema violation: ...`.
 */
export function validateStateFile(data: unknown): asserts data is StateFile {
	const fail = (what: string): never => {
		throw new Error(`Config schema violation: ${what}`);
	};

	if (!isObject(data)) {
		fail('expected the file to hold a JSON object');
	}

	const {articles} = data as {articles?: unknown};
	if (articles === undefined) {
		return;
	}

	if (!isObject(articles)) {
		fail('expected `articles` to be an object');
	}

	for (const [key, entry] of Object.entries(articles as Record<string, unknown>)) {
		if (!isObject(entry)) {
			fail(`expected articles[${JSON.stringify(key)}] to be an object`);
		}

		const {views, position, lastRead, readSections, marks} = entry as Record<string, unknown>;
		if (!Number.isInteger(views) || (views as number) < 0) {
			fail(`expected articles[${JSON.stringify(key)}].views to be a whole number from 0, got ${JSON.stringify(views)}`);
		}

		if (!Array.isArray(readSections) || !readSections.every(slug => typeof slug === 'string')) {
			fail(`expected articles[${JSON.stringify(key)}].readSections to be a list of strings`);
		}

		if (lastRead !== undefined && typeof lastRead !== 'string') {
			fail(`expected articles[${JSON.stringify(key)}].lastRead to be a string`);
		}

		if (position !== undefined) {
			checkPosition(position, `articles[${JSON.stringify(key)}].position`, fail);
		}

		if (marks !== undefined) {
			if (!isObject(marks)) {
				fail(`expected articles[${JSON.stringify(key)}].marks to be an object`);
			}

			for (const [name, mark] of Object.entries(marks as Record<string, unknown>)) {
				if (!/^[a-zA-Z]$/.test(name)) {
					fail(`expected the marks of articles[${JSON.stringify(key)}] to be named by one letter, got ${JSON.stringify(name)}`);
				}

				checkPosition(mark, `articles[${JSON.stringify(key)}].marks.${name}`, fail);
			}
		}
	}
}

function checkPosition(position: unknown, where: string, fail: (what: string) => never): void {
	const {slug, fraction, percent, at} = isObject(position) ? position : fail(`expected ${where} to be an object`);
	const inRange = (value: unknown, maximum: number) => typeof value === 'number' && value >= 0 && value <= maximum;
	if ((slug !== undefined && typeof slug !== 'string') || !inRange(fraction, 1) || !inRange(percent, 100) || typeof at !== 'string') {
		fail(`expected ${where} to be {slug?, fraction 0–1, percent 0–100, at}`);
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
