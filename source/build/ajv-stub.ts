/**
 * Stands in for ajv inside the bundle. conf imports ajv at load time but only uses it when given
 * a JSON schema; folio validates its state file by hand (`validateStateFile`), so ajv's 400 KB
 * never needs to load. Constructing it means someone passed conf a schema: say so.
 */
export class Ajv2020 {
	constructor() {
		throw new Error('ajv is not bundled: validate the state file with validateStateFile instead of a conf schema');
	}
}

export default function ajvFormats(): void {}
