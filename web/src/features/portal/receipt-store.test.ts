import { describe, expect, it } from 'vitest';
import { forgetReceipts, loadReceipts, receiptOfVote, receiptsByKey, saveReceipt, type ReceiptStorage, type SavedReceipt } from './receipt-store';

function memoryStorage(): ReceiptStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function buildReceipt(overrides: Partial<SavedReceipt> = {}): SavedReceipt {
  return {
    motionId: 'motion-1',
    forPersonId: null,
    forName: null,
    motionTitle: '第1号議案 事業報告',
    meetingTitle: '第10回通常総会',
    receipt: 'ABCD-EFGH-JKMN-PQRS-TUVW',
    savedAt: '2026-11-27T01:00:00.000Z',
    ...overrides,
  };
}

describe('receipts kept in this browser', () => {
  it('are kept per account, newest first', () => {
    const storage = memoryStorage();
    saveReceipt(storage, 'user-a', buildReceipt());
    saveReceipt(storage, 'user-a', buildReceipt({ motionId: 'motion-2', savedAt: '2026-11-27T02:00:00.000Z' }));
    saveReceipt(storage, 'user-b', buildReceipt({ motionId: 'motion-3' }));
    expect(loadReceipts(storage, 'user-a').map((r) => r.motionId)).toEqual(['motion-2', 'motion-1']);
    expect(loadReceipts(storage, 'user-b').map((r) => r.motionId)).toEqual(['motion-3']);
  });

  it('hold one receipt per motion and voter: the member’s own and a proxy’s vote are apart', () => {
    const storage = memoryStorage();
    saveReceipt(storage, 'u', buildReceipt({ receipt: 'OLD' }));
    saveReceipt(storage, 'u', buildReceipt({ forPersonId: 'p-2', forName: '佐藤 花子', receipt: 'PROXY' }));
    saveReceipt(storage, 'u', buildReceipt({ receipt: 'NEW', savedAt: '2026-11-27T03:00:00.000Z' }));
    expect(loadReceipts(storage, 'u').map((r) => r.receipt)).toEqual(['NEW', 'PROXY']);
  });

  it('read nothing from a missing or damaged entry, and skip malformed ones', () => {
    const storage = memoryStorage();
    expect(loadReceipts(storage, 'u')).toEqual([]);
    storage.setItem('kyodo.receipts.u', '{not json');
    expect(loadReceipts(storage, 'u')).toEqual([]);
    storage.setItem('kyodo.receipts.u', JSON.stringify([{ motionId: 1 }, buildReceipt()]));
    expect(loadReceipts(storage, 'u')).toHaveLength(1);
  });

  it('can be forgotten one by one or all at once', () => {
    const storage = memoryStorage();
    saveReceipt(storage, 'u', buildReceipt());
    saveReceipt(storage, 'u', buildReceipt({ motionId: 'motion-2' }));
    expect(forgetReceipts(storage, 'u', { motionId: 'motion-1', forPersonId: null }).map((r) => r.motionId)).toEqual(['motion-2']);
    expect(forgetReceipts(storage, 'u')).toEqual([]);
    expect(storage.data.size).toBe(0);
  });
});

describe('a receipt of a vote just cast', () => {
  const meetings = [
    {
      meeting: { title: '第10回通常総会' },
      motions: [{ id: 'motion-1', title: '第1号議案 事業報告' }],
      proxiesHeld: [{ personId: 'person-9', name: '佐藤 花子' }],
    },
  ];

  it('is named by its motion and meeting, for the member’s own vote', () => {
    expect(receiptOfVote('motion-1:self', 'R1', meetings, '2026-11-27T01:00:00.000Z')).toEqual(buildReceipt({ receipt: 'R1' }));
  });

  it('names whose proxy it was cast under', () => {
    expect(receiptOfVote('motion-1:person-9', 'R2', meetings, '2026-11-27T01:00:00.000Z')).toMatchObject({ forPersonId: 'person-9', forName: '佐藤 花子' });
  });

  it('is not kept for a motion the page does not list', () => {
    expect(receiptOfVote('motion-x:self', 'R3', meetings, '2026-11-27T01:00:00.000Z')).toBeNull();
  });

  it('is found again by the key the voting page uses', () => {
    expect(receiptsByKey([buildReceipt({ receipt: 'A' }), buildReceipt({ forPersonId: 'person-9', receipt: 'B' })])).toEqual({ 'motion-1:self': 'A', 'motion-1:person-9': 'B' });
  });
});
