import {createRequire} from 'node:module';

/**
 * Stands in for ajv inside the bundle. conf imports ajv at load time but only uses it when given
 * a JSON schema, which only `folio config set/reset` does (the settings' `settingsSchema`; the
 * state file is validated by hand, `validateStateFile`). So ajv's 400 KB is read from
 * node_modules when conf constructs a validator, not at every start, as highlight.js is.
 */
const load = createRequire(import.meta.url);

type AjvClass = new (options: unknown) => object;

export class Ajv2020 {
	constructor(options: unknown) {
		const {Ajv2020: RealAjv} = load('ajv/dist/2020.js') as {Ajv2020: AjvClass};
		// A constructor returning an object makes `new` give that object: the real ajv.
		return new RealAjv(options) as Ajv2020;
	}
}

function ajvFormats(ajv: unknown): unknown {
	const formats = load('ajv-formats') as {default?: (ajv: unknown) => unknown} & ((ajv: unknown) => unknown);
	return (formats.default ?? formats)(ajv);
}

// conf reads `ajvFormatsModule.default`, the CommonJS module's export.
export default {default: ajvFormats};
