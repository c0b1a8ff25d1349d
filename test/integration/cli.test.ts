import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import iconv from 'iconv-lite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeShares } from '../../src/app/capital/capital-movements.js';
import { setCapitalRules } from '../../src/app/capital/capital-rules.js';
import { loadConfig } from '../../src/config.js';
import { openRuntime } from '../../src/runtime.js';
import { kyodo, startServer } from '../support/cli.js';
import { dialects, testPostgresUrl } from '../support/databases.js';

// Every step starts the real command in a new process: generous limits.
describe('kyodo command on the embedded SQLite default', { timeout: 180_000 }, () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: '', KYODO_DEMO_PASSWORD: 'demo password 1234' });
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('explains every command with --help', async () => {
    const help = await kyodo(['--help'], env());
    expect(help.code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'user', 'token', 'audit', 'backup']) expect(help.stdout).toContain(command);
    const userAdd = await kyodo(['user', 'add', '--help'], env());
    expect(userAdd.stdout).toMatch(/--email[\s\S]*--password[\s\S]*--role[\s\S]*--org/);
  });

  it('serves the demo, adds a user, issues a token the API accepts, backs up while serving, and verifies the audit log', async () => {
    const server = await startServer({ ...env(), PORT: '0' });
    try {
      expect(server.output()).toContain('demo sign-in: admin@kyodo.example / demo password 1234');
      expect(fs.existsSync(path.join(dataDir, 'kyodo.db'))).toBe(true);
      const health = await fetch(`${server.url}api/v1/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });

      const added = await kyodo(['user', 'add', '--email', 'clerk@chiba.example', '--password', 'a long enough password', '--role', 'clerk', '--org', 'wc-chiba'], env());
      expect(added.stderr).toBe('');
      expect(added.stdout).toContain('created clerk clerk@chiba.example');

      // A member's own account, linked to their membership (the demo's Centre Jigyodan member C-004), can vote.
      const member = await kyodo(['user', 'add', '--email', 'ito@coop.example', '--password', 'a long enough password', '--role', 'member', '--org', 'center-jigyodan', '--member', 'C-004'], env());
      expect(member.stderr).toBe('');
      const memberToken = (await kyodo(['token', 'create', '--email', 'ito@coop.example'], env())).stdout.trim().split('\n').at(-1)!;
      const mine = (await (await fetch(`${server.url}api/v1/my/meetings`, { headers: { authorization: `Bearer ${memberToken}` } })).json()) as { items: { meeting: { title: string } }[] };
      expect(mine.items.map((m) => m.meeting.title)).toEqual(['第5回臨時総会', '第4回通常総会']);
      const unknown = await kyodo(['user', 'add', '--email', 'y@coop.example', '--password', 'a long enough password', '--role', 'member', '--org', 'center-jigyodan', '--member', 'X-999'], env());
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('no member number "X-999"');

      const missingOrg = await kyodo(['user', 'add', '--email', 'x@chiba.example', '--password', 'a long enough password', '--role', 'clerk'], env());
      expect(missingOrg.code).toBe(2);
      expect(missingOrg.stderr).toContain('organizationId');

      const token = await kyodo(['token', 'create', '--email', 'clerk@chiba.example'], env());
      const bearer = token.stdout.trim().split('\n').at(-1)!;
      const orgs = await fetch(`${server.url}api/v1/organizations`, { headers: { authorization: `Bearer ${bearer}` } });
      const items = (await orgs.json() as { items: { code: string }[] }).items;
      expect(items.map((o) => o.code)).toEqual(['wc-chiba']);

      const backupFile = path.join(dataDir, 'copy.db');
      const backup = await kyodo(['backup', '--out', backupFile], env());
      expect(backup.stdout).toContain('backup written');
      const copy = new SQLite(backupFile, { readonly: true });
      const count = copy.prepare('select count(*) as n from organizations').get() as { n: number };
      copy.close();
      expect(count.n).toBe(6);

      const verify = await kyodo(['audit', 'verify'], env());
      expect(verify.code).toBe(0);
      expect(verify.stdout).toMatch(/audit log intact: \d+ entries/);
    } finally {
      server.child.kill('SIGTERM');
    }
  });

  it('imports members from a CP932 file, reports bad rows, and exports them again', async () => {
    const file = path.join(dataDir, 'members.csv');
    const text = '組合員番号,姓,名,セイ,メイ,組合員の種類,加入日\r\n０００１,山田,太郎,ﾔﾏﾀﾞ,ﾀﾛｳ,労働者組合員,令和6年4月1日\r\n0002,鈴木,,スズキ,ハナコ,worker,2024-02-30\r\n';
    fs.writeFileSync(file, iconv.encode(text, 'cp932'));
    const report = path.join(dataDir, 'errors.csv');
    const refused = await kyodo(['members', 'import', file, '--org', 'wc-chiba', '--report', report], env());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('nothing was imported');
    expect(iconv.decode(fs.readFileSync(report), 'cp932')).toContain('必須の項目が空です');
    const partial = await kyodo(['members', 'import', file, '--org', 'wc-chiba', '--mode', 'good-rows'], env());
    expect(partial.stdout).toContain('1 created, 0 updated, 0 unchanged, 1 rows refused');
    const exported = await kyodo(['members', 'export', '--org', 'wc-chiba', '--encoding', 'cp932'], { ...env() });
    expect(exported.code).toBe(0);
    const out = path.join(dataDir, 'export.csv');
    await kyodo(['members', 'export', '--org', 'wc-chiba', '--encoding', 'cp932', '--out', out], env());
    expect(iconv.decode(fs.readFileSync(out), 'cp932')).toContain('ヤマダ');
  });

  it('records payroll deductions for capital, and writes the register and the journal', async () => {
    // The bylaws and a subscription, as the web app would record them.
    const runtime = await openRuntime(loadConfig({ DATA_DIR: dataDir }));
    const member = await runtime.ctx.db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['m.id', 'm.organization_id']).where('o.code', '=', 'wc-chiba').where('m.member_number', '=', '0001').executeTakeFirstOrThrow();
    const cli = { userId: 'cli', email: 'system:cli', role: 'federation-admin' as const, organizationId: null };
    await setCapitalRules(runtime.ctx, cli, member.organization_id, { effectiveFrom: '2024-04-01', sharePrice: 10_000 });
    await subscribeShares(runtime.ctx, cli, member.id, { date: '2024-04-01', shares: 3 });
    await runtime.close();

    const file = path.join(dataDir, 'payroll.csv');
    fs.writeFileSync(file, iconv.encode('組合員番号,氏名,控除額\r\n0001,山田 太郎,"10,000"\r\n', 'cp932'));
    const payroll = await kyodo(['capital', 'payroll', file, '--org', 'wc-chiba', '--date', '2024-05-25'], env());
    expect(payroll.stdout).toContain('recorded 1 payroll deduction(s), 10,000 yen');
    const again = await kyodo(['capital', 'payroll', file, '--org', 'wc-chiba', '--date', '2024-06-25'], env());
    expect(again.code).toBe(0);
    const register = await kyodo(['capital', 'register', '--org', 'wc-chiba', '--date', '2024-12-31'], env());
    expect(register.stdout).toContain('合計,,,3,30000,20000,10000,0');
    const journal = await kyodo(['capital', 'journal', '--org', 'wc-chiba'], env());
    expect(journal.stdout).toMatch(/2024-05-25 \(\S+\)/);
    expect(journal.stdout).toContain('-10000 JPY');
  });

  it("shows the demo's fiscal-2025 close, writes its dividends as CSV, and refuses to recompute a posted year", async () => {
    const shown = await kyodo(['surplus', 'show', '--org', 'center-jigyodan', '--year', '2025', '--json'], env());
    expect(shown.code).toBe(0);
    const close = JSON.parse(shown.stdout) as { status: string; surplus: number; members: number; allocation: { legalReserve: number; dividends: number } };
    // 3,456,789 yen: 1/10, 1/20 and 1/20 rounded up (345,679, 172,840, 172,840), the rest divided among the 11 working members.
    expect(close).toMatchObject({ status: 'posted', surplus: 3_456_789, members: 11, allocation: { legalReserve: 345_679, dividends: 2_765_430 } });
    const text = await kyodo(['surplus', 'show', '--org', 'center-jigyodan', '--year', '2025'], env());
    expect(text.stdout).toMatch(/legal reserve +345,679 yen \(minimum 345,679 yen, 1\/10, rate\)/);
    const file = path.join(dataDir, 'dividends.csv');
    expect((await kyodo(['surplus', 'dividends', '--org', 'center-jigyodan', '--year', '2025', '--encoding', 'cp932', '--out', file], env())).code).toBe(0);
    const rows = iconv.decode(fs.readFileSync(file), 'cp932').trim().split(/\r?\n/);
    expect(rows).toHaveLength(13);
    expect(rows[12]).toMatch(/^合計,,,\d+,\d+,\d+,2765430,0,2765430$/);
    const again = await kyodo(['surplus', 'propose', '--org', 'center-jigyodan', '--year', '2025', '--surplus', '1'], env());
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('the 2025 close is already before the assembly or posted');
  });

  it("imports sites' results from a CP932 file, and refuses a file with a problem, naming its row", async () => {
    const file = path.join(dataDir, 'results.csv');
    fs.writeFileSync(file, iconv.encode('事業所,年度,事業高,経費,利用者数\r\nアグリーン,令和8年度,"21,000,000",20000000,22\r\n', 'cp932'));
    const imported = await kyodo(['businesses', 'import-results', file, '--org', 'wc-chiba'], env());
    expect(imported.stdout).toContain('imported');
    expect(imported.stdout).toContain('1 result(s) recorded, 0 replaced, fiscal year(s) 2026');
    fs.writeFileSync(file, iconv.encode('事業所,年度,事業高,経費\r\nアグリーン,2026,1,1\r\nどこか,2026,1,1\r\n', 'cp932'));
    const refused = await kyodo(['businesses', 'import-results', file, '--org', 'wc-chiba'], env());
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('rows.3.site unknown_site');
  });

  it('prints a dashboard, keeps the rates of the USD view, and writes the annual report as a PDF', async () => {
    const dashboard = await kyodo(['report', 'dashboard', '--year', '令和6年度'], env());
    expect(dashboard.stdout).toContain('2024年度（令和6年度） / FY2024');
    expect(dashboard.stdout).toContain('at 152.60円/USD');
    const json = JSON.parse((await kyodo(['report', 'dashboard', '--org', 'wc-chiba', '--year', '2024', '--json'], env())).stdout) as { scope: { kind: string }; sites: { nameJa: string }[] };
    expect(json.scope.kind).toBe('organization');
    expect(json.sites.map((s) => s.nameJa)).toContain('アグリーン');
    expect((await kyodo(['report', 'fx-rate', 'set', 'FY2026', '151.25', '--source', 'TTM'], env())).stdout).toContain('FY2026: 151.25 yen per USD');
    expect((await kyodo(['report', 'fx-rate', 'list'], env())).stdout).toContain('2026  151.25  TTM');
    const refused = await kyodo(['report', 'fx-rate', 'set', '2026', '151.255'], env());
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('yenPerUsd: a rate has at most two decimals');
    const out = path.join(dataDir, 'report.pdf');
    const report = await kyodo(['report', 'annual', '--year', '2024', '--lang', 'en', '--out', out], env());
    expect(report.stdout).toContain(`wrote ${out}`);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reports a broken audit chain with exit code 1', async () => {
    const db = new SQLite(path.join(dataDir, 'kyodo.db'));
    db.exec(`drop trigger audit_log_no_update; update audit_log set action = 'forged' where seq = 3`);
    db.close();
    const verify = await kyodo(['audit', 'verify'], env());
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('BROKEN at entry 3');
  });

  it('rejects bad configuration with a clear message', async () => {
    const bad = await kyodo(['migrate'], { ...env(), PORT: 'eighty' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('PORT must be a whole number');
  });
});

describe.runIf(dialects.includes('postgresql'))('kyodo command with DATABASE_URL', { timeout: 180_000 }, () => {
  const name = `kyodo_cli_${process.pid}`;
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  beforeAll(() => admin(`create database ${name}`));
  afterAll(() => admin(`drop database if exists ${name} with (force)`));

  it('migrates, loads the demo and serves from PostgreSQL', async () => {
    const env = { DATABASE_URL: url.toString(), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-pg-')), KYODO_DEMO_PASSWORD: 'demo password 1234' };
    expect((await kyodo(['migrate'], env)).stdout).toContain('database: postgresql');
    expect((await kyodo(['demo'], env)).stdout).toContain('admin@kyodo.example');
    const server = await startServer({ ...env, PORT: '0' });
    try {
      expect(await (await fetch(`${server.url}api/v1/health`)).json()).toEqual({ status: 'ok', database: 'postgresql' });
    } finally {
      server.child.kill('SIGTERM');
    }
    const backup = await kyodo(['backup'], env);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('pg_dump');
  });
});
