import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../shared/context.js';
import { watchKeyFile } from './key-watch.js';
import { addKey, generateKeyring, keyFilePath, saveKeyringFile } from './keyring.js';

describe('a serving process follows its key file', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('takes up a key added by a rotation, and keeps its keys when the file is broken', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-keys-'));
    dirs.push(dataDir);
    const settings = { dataKeys: null, dataKeyFile: null, dataDir };
    const first = generateKeyring();
    saveKeyringFile(keyFilePath(settings), first);
    const ctx = { keyring: first } as AppContext;
    const errors: unknown[] = [];
    const stop = watchKeyFile(ctx, settings, (error) => errors.push(error));
    try {
      const rotated = addKey(first);
      saveKeyringFile(keyFilePath(settings), rotated);
      await expect.poll(() => ctx.keyring?.activeId).toBe(rotated.activeId);
      expect([...ctx.keyring!.keys.keys()].sort()).toEqual([first.activeId, rotated.activeId].sort());
      fs.writeFileSync(keyFilePath(settings), '{ not json');
      await expect.poll(() => errors.length).toBeGreaterThan(0);
      expect(ctx.keyring?.activeId).toBe(rotated.activeId);
    } finally {
      stop();
    }
  });

  it('leaves keys from the environment alone', () => {
    const keyring = generateKeyring();
    const ctx = { keyring } as AppContext;
    const stop = watchKeyFile(ctx, { dataKeys: '{}', dataKeyFile: null, dataDir: '/nonexistent' }, () => undefined);
    stop();
    expect(ctx.keyring).toBe(keyring);
  });
});
