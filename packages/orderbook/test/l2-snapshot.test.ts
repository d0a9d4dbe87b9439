import { describe, expect, it } from 'vitest';
import { checkL2Snapshot, createL2Book, parseL2SnapshotJson } from '@firesale/orderbook';
import type { L2Snapshot } from '@firesale/orderbook';

describe('checkL2Snapshot', () => {
  it('accepts a good snapshot', () => {
    expect(
      checkL2Snapshot({
        bids: [
          [99, 1],
          [98, 2],
        ],
        asks: [
          [101, 1],
          [102, 2],
        ],
      }),
    ).toEqual([]);
  });

  it('reports crossed levels', () => {
    expect(checkL2Snapshot({ bids: [[101, 1]], asks: [[100, 1]] })).toEqual([
      {
        code: 'BOOK__CROSSED_LEVELS',
        path: 'bids[0][0]',
        value: 101,
        context: { bestBidQuote: 101, bestAskQuote: 100 },
      },
    ]);
    expect(checkL2Snapshot({ bids: [[100, 1]], asks: [[100, 1]] })[0]?.code).toBe('BOOK__CROSSED_LEVELS');
  });

  it('reports unsorted levels at the first level out of order', () => {
    expect(
      checkL2Snapshot({
        bids: [
          [99, 1],
          [99.5, 1],
          [98, 1],
        ],
        asks: [
          [101, 1],
          [103, 1],
          [102, 1],
        ],
      }),
    ).toEqual([
      { code: 'BOOK__LEVELS_UNSORTED', path: 'bids[1][0]', value: 99.5, context: { side: 'bids' } },
      { code: 'BOOK__LEVELS_UNSORTED', path: 'asks[2][0]', value: 102, context: { side: 'asks' } },
    ]);
  });

  it('reports empty or missing sides', () => {
    expect(checkL2Snapshot({ bids: [], asks: [[101, 1]] })).toEqual([
      { code: 'BOOK__EMPTY_SIDE', path: 'bids', value: [], context: { side: 'bids' } },
    ]);
    expect(checkL2Snapshot(null as unknown as L2Snapshot).map((p) => p.path)).toEqual(['bids', 'asks']);
  });

  it('reports NaN, non-positive and non-numeric prices and sizes with their paths', () => {
    const problems = checkL2Snapshot({
      bids: [
        [99, 1],
        [Number.NaN, 1],
        [97, 0],
      ],
      asks: [
        [-1, 1],
        [101, Number.POSITIVE_INFINITY],
        ['x', 2] as unknown as [number, number],
        [102] as unknown as [number, number],
      ],
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['SCENARIO__PRICE_INVALID', 'bids[1][0]'],
      ['SCENARIO__SIZE_NOT_POSITIVE', 'bids[2][1]'],
      ['SCENARIO__PRICE_INVALID', 'asks[0][0]'],
      ['SCENARIO__SIZE_NOT_POSITIVE', 'asks[1][1]'],
      ['SCENARIO__PRICE_INVALID', 'asks[2][0]'],
      ['SCENARIO__PRICE_INVALID', 'asks[3]'],
    ]);
    expect(problems[0]).toMatchObject({ value: Number.NaN, context: { reason: 'not a finite number' } });
    expect(problems[2]).toMatchObject({ value: -1, context: { reason: 'not above zero' } });
  });
});

describe('parseL2SnapshotJson', () => {
  it('parses string levels as exchanges publish them (Binance depth)', () => {
    const snapshot = parseL2SnapshotJson(
      '{"lastUpdateId":1027024,"bids":[["100000.10","0.5"],["99999.90","1.25"]],"asks":[["100000.20","0.75"]]}',
    );
    expect(snapshot).toEqual({
      bids: [
        [100000.1, 0.5],
        [99999.9, 1.25],
      ],
      asks: [[100000.2, 0.75]],
    });
    expect(checkL2Snapshot(snapshot)).toEqual([]);
    expect(createL2Book(snapshot).initialMidPriceQuote).toBeCloseTo(100000.15, 9);
  });

  it('parses numbers and leaves bad values for the check to report', () => {
    const snapshot = parseL2SnapshotJson('{"bids":[[99,1],["abc","1"]],"asks":[[101,""]]}');
    expect(snapshot.bids[0]).toEqual([99, 1]);
    expect(checkL2Snapshot(snapshot).map((p) => p.path)).toEqual(['bids[1][0]', 'asks[0][1]']);
    expect(checkL2Snapshot(parseL2SnapshotJson('{"asks":[[1,1]]}')).map((p) => p.code)).toEqual(['BOOK__EMPTY_SIDE']);
  });

  it('throws on text that is not a JSON object', () => {
    expect(() => parseL2SnapshotJson('not json')).toThrow(SyntaxError);
    expect(() => parseL2SnapshotJson('[1, 2]')).toThrow(TypeError);
  });
});
