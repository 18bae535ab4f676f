import test from 'ava';
import {measureStore} from '../../helpers/store-measure.js';
import {temporaryFolder} from '../../helpers/store-fixtures.js';

test('with 10,000 articles the file stays small and one write takes milliseconds, even on a busy machine', t => {
	const figures = measureStore(temporaryFolder(t), 10);
	t.log(figures);
	t.is(figures.articles, 10_000);
	t.true(figures.fileBytes < 4_000_000, `file is ${figures.fileBytes} bytes`);
	t.true(figures.savePositionMs < 1000, `savePosition took ${figures.savePositionMs} ms`);
	t.true(figures.recordViewMs < 1000, `recordView took ${figures.recordViewMs} ms`);
});
