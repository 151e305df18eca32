import { describe, expect, it } from 'vitest';
import { matchPath } from '../../../web/src/path-pattern.ts';

describe('the route table’s path patterns', () => {
  it('fits a path segment by segment, naming its params', () => {
    expect(matchPath('rfqs/:rfqId', 'rfqs/rfq_1a')).toEqual({ rfqId: 'rfq_1a' });
    expect(matchPath('rfqs/:rfqId/pdf', 'rfqs/R%2F1/pdf')).toEqual({ rfqId: 'R/1' });
    expect(matchPath('', '')).toEqual({});
    expect(matchPath('rfqs/new', 'rfqs/new')).toEqual({});
  });

  it('does not fit a path of another length, another word, an empty param or a broken escape', () => {
    expect(matchPath('rfqs/:rfqId', 'rfqs')).toBeUndefined();
    expect(matchPath('rfqs/:rfqId', 'rfqs/R-1/pdf')).toBeUndefined();
    expect(matchPath('orders/:orderId', 'rfqs/R-1')).toBeUndefined();
    expect(matchPath('rfqs/:rfqId', 'rfqs/')).toBeUndefined();
    expect(matchPath('rfqs/:rfqId', 'rfqs/%E0%A4%A')).toBeUndefined();
  });
});
