import { describe, expect, it } from 'vitest';
import { RENDER_MARGIN_MS, SettleLedger } from './settle-ledger';

const TIMEOUT = 8_000;

describe('SettleLedger', () => {
  it('leaves every tag unsettled when nothing marked it again', () => {
    const ledger = new SettleLedger();
    ledger.marked(['wp:content:7', 'wp:list:home'], 1_000);
    expect(ledger.unsettled(['wp:content:7', 'wp:list:home'], 1_000, TIMEOUT)).toEqual([
      'wp:content:7',
      'wp:list:home',
    ]);
  });

  it('counts a later mark only once every render begun before the event has stored', () => {
    const ledger = new SettleLedger();
    ledger.marked(['wp:content:7', 'wp:list:home'], 1_000);
    // Too soon: a render begun before the event may still be waiting on WordPress.
    ledger.marked(['wp:content:7'], 1_000 + TIMEOUT);
    expect(ledger.unsettled(['wp:content:7', 'wp:list:home'], 1_000, TIMEOUT)).toEqual([
      'wp:content:7',
      'wp:list:home',
    ]);
    ledger.marked(['wp:content:7'], 1_000 + TIMEOUT + RENDER_MARGIN_MS);
    expect(ledger.unsettled(['wp:content:7', 'wp:list:home'], 1_000, TIMEOUT)).toEqual(['wp:list:home']);
  });

  it('never moves a tag’s mark back in time', () => {
    const ledger = new SettleLedger();
    ledger.marked(['wp:site'], 50_000);
    ledger.marked(['wp:site'], 2_000);
    expect(ledger.unsettled(['wp:site'], 1_000, TIMEOUT)).toEqual([]);
  });

  it('forgets the tags marked longest ago beyond its size, which then settle as before', () => {
    const ledger = new SettleLedger(2);
    ledger.marked(['a'], 20_000);
    ledger.marked(['b'], 20_000);
    ledger.marked(['c'], 20_000);
    expect(ledger.unsettled(['a', 'b', 'c'], 1_000, TIMEOUT)).toEqual(['a']);
  });
});
