import { addKey, keySource, retainOnly, saveKeyringFile, type Keyring } from '../app/crypto/keyring.js';
import { keyFilePollMs } from '../app/crypto/key-watch.js';
import { countByKey, resealAll, type ResealResult } from '../app/crypto/reseal.js';
import { keysOfLiveCodes } from '../app/portal/one-time-codes.js';
import { loadConfig } from '../config.js';
import { DomainError } from '../domain/shared/errors.js';
import type { Runtime } from '../runtime.js';
import { withRuntime } from './commands.js';

const figure = new Intl.NumberFormat('en');

function loadedKeyring(runtime: Runtime): Keyring {
  if (!runtime.ctx.keyring) {
    throw new DomainError('rule_violation', 'data_key_missing', `no data keys at ${keySource(loadConfig()).description}, and the database already holds sealed values: restore the key file (or set KYODO_DATA_KEYS) first`);
  }
  return runtime.ctx.keyring;
}

/** Where the keys come from, the active one, and how many sealed values each key holds. */
export const runKeysStatus = () =>
  withRuntime(async (runtime) => {
    const source = keySource(loadConfig());
    const keyring = runtime.ctx.keyring;
    console.log(`keys from:  ${source.description}`);
    console.log(`active key: ${keyring?.activeId ?? '— (no keys loaded: sealed data can be neither written nor read)'}`);
    if (keyring) console.log(`keys held:  ${[...keyring.keys.keys()].join(', ')}`);
    const counts = await countByKey(runtime.ctx);
    const ids = [...new Set([...(keyring ? keyring.keys.keys() : []), ...Object.keys(counts)])].sort();
    console.log('sealed values by key:');
    if (ids.length === 0) console.log('  none');
    for (const id of ids) {
      const note = !keyring?.keys.has(id) ? '  NOT HELD: these values cannot be read' : id === keyring.activeId ? '  (active)' : '';
      console.log(`  ${id.padEnd(16)} ${figure.format(counts[id] ?? 0).padStart(10)}${note}`);
    }
  });

function printResealed(result: ResealResult) {
  for (const [table, n] of Object.entries(result.byTable)) console.log(`  ${table.padEnd(24)} ${figure.format(n).padStart(10)}`);
  console.log(`  ${'total'.padEnd(24)} ${figure.format(result.total).padStart(10)}`);
}

const progress = ({ table, resealed }: { table: string; resealed: number }) => console.error(`  ${table}: ${figure.format(resealed)} resealed so far`);

/**
 * A new key for the key file: added beside the old ones (saved first, so a stop midway loses nothing), every value
 * re-encrypted under it, then the old keys dropped from the file once nothing is sealed under them.
 */
export const runKeysRotate = () =>
  withRuntime(async (runtime) => {
    const source = keySource(loadConfig());
    if (source.kind === 'environment') {
      throw new DomainError('invalid', 'keys_from_environment',
        'the keys come from KYODO_DATA_KEYS, which kyodo cannot change: add a new key to the variable, make it "active", restart, and run `kyodo keys reseal`; then remove the old key from the variable');
    }
    const old = loadedKeyring(runtime);
    const next = addKey(old, runtime.ctx.now());
    saveKeyringFile(source.path!, next);
    console.log(`new active key ${next.activeId} added to ${source.path} (old keys kept until every value is resealed)`);
    // A running server reads the key file every second: let it take up the new key before resealing, so that what it
    // seals from now on is under the new key (anything it sealed before is resealed below, and checked after).
    await new Promise((resolve) => setTimeout(resolve, keyFilePollMs * 2.5));
    const result = await resealAll(runtime.ctx, next, progress);
    console.log(`resealed under ${next.activeId}:`);
    printResealed(result);
    const counts = await countByKey(runtime.ctx);
    const left = Object.entries(counts).filter(([id, n]) => id !== next.activeId && n > 0);
    if (left.length > 0) {
      // Written meanwhile by a server still sealing under an old key: keep every key and let the operator finish.
      throw new DomainError('conflict', 'reseal_incomplete',
        `values are still sealed under ${left.map(([id, n]) => `${id} (${n})`).join(', ')}: the old keys stay in the file; restart the server and run \`kyodo keys reseal\``);
    }
    // Sign-in codes cannot be resealed (only their keyed digest is kept): a key stays while codes digested under it
    // may still be used, and a later rotation or `kyodo keys reseal` run after they expire retires it.
    const codes = await keysOfLiveCodes(runtime.ctx, [...old.keys.keys()]);
    saveKeyringFile(source.path!, retainOnly(next, [next.activeId, ...codes.keys()]));
    const retired = [...old.keys.keys()].filter((id) => !codes.has(id));
    if (retired.length > 0) console.log(`retired ${retired.join(', ')}.`);
    for (const [id, n] of codes) console.log(`kept ${id} for ${figure.format(n)} sign-in code(s) not used yet, until they expire (at most 60 days).`);
    console.log(`${source.path} now holds ${[next.activeId, ...codes.keys()].join(', ')}; new values are sealed under ${next.activeId}.`);
  });

/** Re-encrypts every value under the active key (after making a new key active in KYODO_DATA_KEYS, or to finish a rotation). */
export const runKeysReseal = () =>
  withRuntime(async (runtime) => {
    const keyring = loadedKeyring(runtime);
    const result = await resealAll(runtime.ctx, keyring, progress);
    console.log(`resealed under ${keyring.activeId}:`);
    printResealed(result);
    const counts = await countByKey(runtime.ctx);
    const others = Object.keys(counts).filter((id) => id !== keyring.activeId);
    const codes = await keysOfLiveCodes(runtime.ctx, [...keyring.keys.keys()].filter((id) => id !== keyring.activeId));
    console.log(others.length === 0
      ? `every sealed value is under ${keyring.activeId}`
      : `still under other keys: ${others.join(', ')}`);
    for (const [id, n] of codes) console.log(`${id} digests ${figure.format(n)} sign-in code(s) not used yet: keep it until they expire (at most 60 days), or they stop working`);
    const removable = [...keyring.keys.keys()].filter((id) => id !== keyring.activeId && !others.includes(id) && !codes.has(id));
    if (others.length === 0 && removable.length > 0) console.log(`${removable.join(', ')} can be removed from ${keySource(loadConfig()).description}`);
  });
