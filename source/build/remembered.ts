/**
 * `compute`, remembered by its argument: at most `capacity` results are kept, all forgotten at
 * once when full, so memory stays bounded however much is read. For the bundle's stand-ins.
 */
export function remembered<T>(compute: (text: string) => T, capacity = 4096): (text: string) => T {
	const results = new Map<string, T>();
	return text => {
		let result = results.get(text);
		if (result === undefined) {
			if (results.size >= capacity) {
				results.clear();
			}

			result = compute(text);
			results.set(text, result);
		}

		return result;
	};
}
