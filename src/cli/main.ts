#!/usr/bin/env node
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { roles } from '../domain/access/policy.js';
import { DomainError } from '../domain/shared/errors.js';
import {
  runAuditVerify, runBackup, runCapitalJournal, runCapitalPayroll, runCapitalRegister, runCompliance, runDemo, runMembersExport, runMembersImport, runMigrate, runTokenCreate, runUserAdd,
} from './commands.js';
import { runResultsImport } from './business-commands.js';
import { runProgrammeReport } from './programme-commands.js';
import { runCampaignReport } from './campaign-commands.js';
import { runEraseExpired } from './participant-commands.js';
import { runMembersInvite } from './invitation-commands.js';
import { runKeysReseal, runKeysRotate, runKeysStatus } from './key-commands.js';
import { runAnnualReport, runFxRateDelete, runFxRateList, runFxRateSet, runReportDashboard } from './report-commands.js';
import { runSurplusDividends, runSurplusPropose, runSurplusShow } from './surplus-commands.js';
import { runWorkApprove, runWorkCloseMonth, runWorkImport } from './work-commands.js';
import { runServe } from './serve.js';
import { runVerifyTally } from './verify-tally.js';

const program = new Command('kyodo')
  .description('Kyodo (協同): run a federation of worker co-operatives.\nConfiguration: DATA_DIR, DATABASE_URL, PORT, HOST (see README).')
  .showHelpAfterError();

program.command('serve').description('migrate, load the demo into an empty database, and serve the app and API').action(runServe);
program.command('migrate').description('bring the database schema up to date').action(runMigrate);
program.command('demo')
  .description('load the demo federation into an empty database and print its sign-in')
  .addOption(new Option('--scale <scale>', 'small: a few organizations; jwcu: the seed federation, 25 organizations and 64,626 members in March 2017 (67,149 today), about 500 sites and ten fiscal years of results').choices(['small', 'jwcu']).default('small'))
  .action(runDemo);

const user = program.command('user').description('manage accounts');
user.command('add')
  .description('create an account')
  .requiredOption('--email <email>', 'e-mail address used to sign in')
  .requiredOption('--password <password>', `at least 12 characters`)
  .addOption(new Option('--role <role>', 'role').choices([...roles]).makeOptionMandatory())
  .option('--org <org>', 'organization code or id (required except for federation-admin)')
  .option('--name <name>', 'display name')
  .option('--member <number>', "for the member role: the member's number in the organization (their own account, to vote)")
  .action(runUserAdd);

const token = program.command('token').description('manage API tokens');
token.command('create')
  .description('create an API token for an account; the token is the last line printed')
  .requiredOption('--email <email>', 'the account the token acts as')
  .option('--name <name>', 'what the token is for', 'cli')
  .action(runTokenCreate);

const members = program.command('members').description('the membership registry');
members.command('import')
  .description('import members from a CSV file (UTF-8 or CP932 as Excel writes it) in one transaction')
  .argument('<file>', 'the CSV file')
  .requiredOption('--org <org>', 'organization code or id')
  .addOption(new Option('--encoding <encoding>', 'file encoding').choices(['auto', 'utf-8', 'cp932']).default('auto'))
  .addOption(new Option('--mode <mode>', 'all-or-nothing refuses a file with any bad row; good-rows imports the rest').choices(['all-or-nothing', 'good-rows']).default('all-or-nothing'))
  .option('--report <file>', 'write the problems found, row by row, to this CSV file')
  .action(runMembersImport);
members.command('export')
  .description('write the current members as CSV for Excel (re-imports unchanged)')
  .requiredOption('--org <org>', 'organization code or id')
  .addOption(new Option('--encoding <encoding>', 'output encoding').choices(['utf-8', 'cp932']).default('utf-8'))
  .addOption(new Option('--locale <locale>', 'header language').choices(['ja', 'en']).default('ja'))
  .option('--out <file>', 'output file (default: standard output)')
  .action(runMembersExport);
members.command('invite')
  .description("invite the current members to their portal (マイページ): e-mail where the registry has an address, printed sign-in letters (one PDF) otherwise")
  .requiredOption('--organization <org>', 'organization code or id')
  .addOption(new Option('--channel <channel>', 'auto: e-mail when there is an address and a mail server, else a letter').choices(['auto', 'letter', 'email']).default('auto'))
  .addOption(new Option('--language <language>', "the letters' language: each member's own, or one for all").choices(['member', 'ja', 'en']).default('member'))
  .option('--out <file>', 'the PDF of the letters', 'letters.pdf')
  .action(runMembersInvite);

const capital = program.command('capital').description('the capital ledger');
capital.command('payroll')
  .description("record a month's payroll deductions for capital from a CSV (組合員番号, 金額[, 控除日]); all rows or none")
  .argument('<file>', 'the CSV file')
  .requiredOption('--org <org>', 'organization code or id')
  .requiredOption('--date <date>', 'the deduction date for rows without one (YYYY-MM-DD)')
  .addOption(new Option('--encoding <encoding>', 'file encoding').choices(['auto', 'utf-8', 'cp932']).default('auto'))
  .action(runCapitalPayroll);
capital.command('journal')
  .description('write the capital journal as an hledger journal (check it with: hledger -f FILE balance)')
  .requiredOption('--org <org>', 'organization code or id')
  .option('--out <file>', 'output file (default: standard output)')
  .action(runCapitalJournal);
capital.command('register')
  .description('write the capital register at a date as CSV for Excel')
  .requiredOption('--org <org>', 'organization code or id')
  .option('--date <date>', 'the register date (default: today)')
  .addOption(new Option('--encoding <encoding>', 'output encoding').choices(['utf-8', 'cp932']).default('utf-8'))
  .option('--out <file>', 'output file (default: standard output)')
  .action(runCapitalRegister);

const businesses = program.command('businesses').description("the organizations' sites and their fiscal-year results");
businesses.command('import-results')
  .description("record sites' fiscal-year results from a CSV (事業所, 年度, 事業高, 経費[, 剰余, 利用者数, 組合員従事者数, 組合員外従事者数]); all rows or none, a year already recorded is replaced")
  .argument('<file>', 'the CSV file')
  .requiredOption('--org <org>', 'organization code or id')
  .addOption(new Option('--encoding <encoding>', 'file encoding').choices(['auto', 'utf-8', 'cp932']).default('auto'))
  .action(runResultsImport);

const report = program.command('report').description("the federation's reporting: the dashboard, the annual report, the exchange rates of the USD view");
report.command('dashboard')
  .description("a fiscal year's headline figures and business lines: the federation's, or one organization's")
  .option('--org <org>', 'organization code or id (default: the federation)')
  .option('--year <year>', 'the fiscal year: 2016, 2016年度, FY2016, 平成28年度 (default: the latest with results)')
  .option('--json', 'print the dashboard as the API gives it')
  .action(runReportDashboard);
report.command('annual')
  .description("write the federation's annual report for a fiscal year as a PDF")
  .option('--year <year>', 'the fiscal year (default: the latest with results)')
  .addOption(new Option('--lang <language>', 'the language of the report').choices(['ja', 'en']).default('ja'))
  .option('--out <file>', 'output file (default: annual-report-<year>-<lang>.pdf)')
  .action(runAnnualReport);
const fx = report.command('fx-rate').description('the yen-per-dollar rate of each fiscal year, for figures shown in US dollars');
fx.command('list').description('print every recorded rate').action(runFxRateList);
fx.command('set').description("record or correct a fiscal year's rate").argument('<year>', 'the fiscal year').argument('<rate>', 'yen per US dollar, at most two decimals (108.79)')
  .option('--source <text>', "where the rate comes from (e.g. the year's average TTM)").action(runFxRateSet);
fx.command('delete').description("remove a fiscal year's rate").argument('<year>', 'the fiscal year').action(runFxRateDelete);

const programmes = program.command('programmes').description('commissioned programmes (委託事業): reports for the commissioners');
programmes.command('report')
  .description("a contract's report for a period: indicators against targets, support, outcomes and age bands; counts of 1 to 4 hidden")
  .requiredOption('--contract <id>', 'the contract id')
  .option('--from <date>', "the first day (default: the contract's first)")
  .option('--until <date>', "the last day (default: the contract's last)")
  .addOption(new Option('--format <format>', 'json (as the API gives it), csv for Excel, or pdf').choices(['json', 'csv', 'pdf']).default('json'))
  .addOption(new Option('--encoding <encoding>', 'CSV encoding').choices(['utf-8', 'cp932']).default('utf-8'))
  .addOption(new Option('--lang <language>', 'the language of the CSV headings and the PDF').choices(['ja', 'en']).default('ja'))
  .option('--out <file>', 'output file (default: standard output; for a PDF, the report\'s own name)')
  .action(runProgrammeReport);
programmes.command('erase-expired')
  .description("erase the participants whose contract's retention period has run out (the server does it daily); their counts stay in the reports")
  .action(runEraseExpired);

const campaigns = program.command('campaigns').description('advocacy campaigns (政策提言・請願運動): their reports');
campaigns.command('report')
  .description("a campaign's report as it stands today: the headline (878 of 1,788), the counts by stage and prefecture, the cumulative adoptions, the milestones and every target")
  .requiredOption('--campaign <id>', 'the campaign id')
  .addOption(new Option('--format <format>', 'json, csv for Excel (one line per target), or pdf').choices(['json', 'csv', 'pdf']).default('json'))
  .addOption(new Option('--encoding <encoding>', 'CSV encoding').choices(['utf-8', 'cp932']).default('utf-8'))
  .addOption(new Option('--lang <language>', 'the language of the CSV headings and the PDF').choices(['ja', 'en']).default('ja'))
  .option('--out <file>', 'output file (default: standard output; for a PDF, the report\'s own name)')
  .action(runCampaignReport);

const surplus = program.command('surplus').description('the fiscal-year close and dividends by amount of work');
surplus.command('propose')
  .description("propose (or recompute) a fiscal year's close: the allocation in the legal order and each member's dividend")
  .requiredOption('--org <org>', 'organization code or id')
  .requiredOption('--year <year>', 'the fiscal year, named by the year it starts in (2025 = 2025年度)')
  .requiredOption('--surplus <yen>', "the year's surplus in yen; negative for a loss")
  .option('--retained <yen>', 'part of the dividends to keep undistributed')
  .option('--json', 'print the close as JSON')
  .action(runSurplusPropose);
surplus.command('show')
  .description("print a fiscal year's close")
  .requiredOption('--org <org>', 'organization code or id')
  .requiredOption('--year <year>', 'the fiscal year')
  .option('--json', 'print the close as JSON')
  .action(runSurplusShow);
surplus.command('dividends')
  .description("write a close's dividends per member as CSV for Excel and the bank transfer")
  .requiredOption('--org <org>', 'organization code or id')
  .requiredOption('--year <year>', 'the fiscal year')
  .addOption(new Option('--encoding <encoding>', 'output encoding').choices(['utf-8', 'cp932']).default('utf-8'))
  .addOption(new Option('--locale <locale>', 'column headings').choices(['ja', 'en']).default('ja'))
  .option('--out <file>', 'output file (default: standard output)')
  .action(runSurplusDividends);

const work = program.command('work').description('work records: the time-clock import, approval and the monthly close');
work.command('import')
  .description("import a time clock's CSV (組合員番号 or 個人ID, 日付, 時間 or 分, 現場, 事業, 役割) in one transaction; a file with a bad row is refused whole")
  .argument('<file>', 'the CSV file')
  .requiredOption('--org, --organization <org>', 'organization code or id')
  .addOption(new Option('--encoding <encoding>', 'file encoding').choices(['auto', 'utf-8', 'cp932']).default('auto'))
  .option('--replace', 'a row already recorded (same person, day, site and business line) replaces the entered record instead of being refused')
  .option('--dry-run', 'read and check the file, print what it adds up to and its problems; write nothing')
  .option('--report <file>', 'write the problems found, row by row, to this CSV file')
  .action(runWorkImport);
work.command('approve')
  .description('approve every entered record of a month (as the coordinator)')
  .requiredOption('--org, --organization <org>', 'organization code or id')
  .requiredOption('--month <month>', 'the month, YYYY-MM')
  .action(runWorkApprove);
work.command('close-month')
  .description('close a month that has ended and whose work is all approved; closing is final (there is no reopening)')
  .requiredOption('--org, --organization <org>', 'organization code or id')
  .requiredOption('--month <month>', 'the month, YYYY-MM')
  .action(runWorkCloseMonth);

program.command('compliance')
  .description("the Worker Cooperatives Act's standing requirements on a date, each with its figure, floor and projected breach: the federation's, or one organization's")
  .option('--org <org>', "organization code or id (default: the federation's board)")
  .option('--date <date>', 'the board date (default: today)')
  .option('--json', 'print the board as the API gives it')
  .action(runCompliance);

const audit = program.command('audit').description('the audit log');
audit.command('verify').description('recompute the hash chain; exits 1 if it is broken').action(runAuditVerify);

const keys = program.command('keys').description("the data keys that seal participants' personal data (KYODO_DATA_KEYS, or KYODO_DATA_KEY_FILE, default DATA_DIR/data-keys.json)");
keys.command('status').description('where the keys come from, the active key, and how many sealed values each key holds').action(runKeysStatus);
keys.command('rotate').description('with a key file: add a new active key, reseal every value under it, then drop the old keys from the file (a running server follows the file)').action(runKeysRotate);
keys.command('reseal').description('reseal every value under the active key (after making a new key active in KYODO_DATA_KEYS)').action(runKeysReseal);

program.command('verify-tally')
  .description('recount a published tally (GET /api/v1/motions/:id/tally) from its own ballots, check its digest and receipts; exits 1 if anything fails')
  .argument('<source>', 'the tally file, or its URL (KYODO_TOKEN=<api token> for a signed-in download)')
  .option('--receipt <code>', 'also show the choice recorded under this receipt')
  .option('--json', 'print the verification as JSON')
  .action(runVerifyTally);

program.command('backup')
  .description('write a consistent copy of the SQLite database, also while the server runs')
  .option('--out <file>', 'output file (default: DATA_DIR/backups/kyodo-<time>.db)')
  .action(runBackup);

try {
  loadConfig();
  await program.parseAsync();
} catch (error) {
  if (error instanceof ConfigError || error instanceof DomainError) {
    const fields = error instanceof DomainError && error.errors.length ? ` (${error.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})` : '';
    console.error(`kyodo: ${error.message}${fields}`);
    process.exit(2);
  }
  throw error;
}
