import test from 'ava';
import {measureStore} from '../../helpers/store-measure.js';
import {temporaryFolder} from '../../helpers/store-fixtures.js';

test('with 1,000 articles the file stays small and one write takes milliseconds, even on a busy machine', t => {
	const figures = measureStore(temporaryFolder(t));
	t.log(figures);
	t.is(figures.articles, 1000);
	t.true(figures.fileBytes < 400_000, `file is ${figures.fileBytes} bytes`);
	t.true(figures.savePositionMs < 200, `savePosition took ${figures.savePositionMs} ms`);
	t.true(figures.recordViewMs < 200, `recordView took ${figures.recordViewMs} ms`);
});
