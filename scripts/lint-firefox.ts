/**
 * `npm run lint:firefox`: runs Mozilla's linter (`web-ext lint`, the addons.mozilla.org validator) on
 * dist-firefox/ and fails on any error, and on any warning that is not a known, documented one from
 * bundled third-party code (see KNOWN_THIRD_PARTY). So a warning of our own making fails CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_DIR = path.resolve(process.argv[2] ?? 'dist-firefox');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface KnownWarning {
  code: string;
  why: string;
  /** True when the flagged source text is the known third-party code. */
  matches(source: string): boolean;
}

/**
 * Preact's renderer (`diffElementNodes`) assigns `dom.innerHTML = props.dangerouslySetInnerHTML.__html`.
 * The bundle keeps that branch even though Bronwijzer never passes `dangerouslySetInnerHTML`.
 * citation-js (`Cite#format`, extension pages only) parses its own HTML output into a node for
 * `{ format: 'real', type: 'html' }`; Bronwijzer asks only for strings (RIS, BibLaTeX).
 */
const KNOWN_THIRD_PARTY: KnownWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "preact's dangerouslySetInnerHTML branch (never used by Bronwijzer)",
    matches: (source) => /dangerouslySetInnerHTML/.test(source) && /innerHTML\s*=\s*\w+\.__html/.test(source),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "citation-js's format: 'real' HTML branch (Bronwijzer asks for strings only)",
    matches: (source) =>
      /_newOptions/.test(source) && /innerHTML\s*=\s*\w+\s*,\s*\w+\.firstChild/.test(source),
  },
  // PDF.js (the reader). Extension pages forbid eval, and the reader passes `isEvalSupported: false`.
  {
    code: 'DANGEROUS_EVAL',
    why: 'PDF.js probing whether eval is allowed (`try { new Function("") }`): it is not, so it never compiles',
    matches: (source) => /isEvalSupported|try\{return Function\(``\),!0\}catch\{return!1\}/.test(source),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: 'PDF.js importing its own bundled worker (fake-worker fallback), its wasm fallback and its scripting sandbox (neither configured): no remote code',
    matches: (source) => /import\(this\.workerSrc\)|openjpeg_nowasm_fallback|QuickJSSandbox/.test(source),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "PDF.js viewer's localization overlay (a <template>, for its own bundled UI strings, never document text)",
    matches: (source) =>
      /createElementNS\(`http:\/\/www\.w3\.org\/1999\/xhtml`,`template`\);\w+\.innerHTML=/.test(source),
  },
  // mammoth (the reader's Word files) bundles underscore and a setImmediate polyfill.
  {
    code: 'DANGEROUS_EVAL',
    why: "underscore's global-object probe and _.template (never called), and the setImmediate polyfill's string branch (never passed a string)",
    matches: (source) =>
      /Function\(`return this`\)|\bFunction\(\w+,`_`,\w+\)|typeof e!=`function`&&\(e=Function\(``\+e\)\)/.test(
        source,
      ),
  },
];

function flaggedSource(message: LintMessage): string {
  if (!message.file || !message.line) return '';
  const file = path.join(SOURCE_DIR, message.file);
  if (!existsSync(file)) return '';
  const line = readFileSync(file, 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 400), column + 200);
}

function main(): number {
  if (!existsSync(path.join(SOURCE_DIR, 'manifest.json'))) {
    console.error(`No Firefox build in ${SOURCE_DIR}: run \`npm run build:firefox\` first.`);
    return 1;
  }
  const run = spawnSync(
    path.resolve(
      import.meta.dirname,
      '../node_modules/.bin',
      process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext',
    ),
    ['lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-config-discovery', '--boring'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' },
  );
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  let report: { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  try {
    report = JSON.parse(json);
  } catch {
    console.error(`web-ext lint gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    return 1;
  }

  const describe = (m: LintMessage) => `  ${m.code}: ${m.message} (${m.file ?? '-'}:${m.line ?? '-'})`;
  const known: string[] = [];
  const ours: LintMessage[] = [];
  for (const warning of report.warnings) {
    const source = flaggedSource(warning);
    const hit = KNOWN_THIRD_PARTY.find((k) => k.code === warning.code && k.matches(source));
    if (hit) known.push(`${describe(warning)}\n    known third-party: ${hit.why}`);
    else ours.push(warning);
  }

  console.log(
    `web-ext lint ${path.relative(process.cwd(), SOURCE_DIR) || '.'}: ${report.errors.length} errors, ` +
      `${report.warnings.length} warnings (${known.length} known third-party), ${report.notices.length} notices`,
  );
  for (const line of known) console.log(line);
  for (const m of report.notices) console.log(`notice${describe(m)}`);
  if (report.errors.length) console.error(`errors:\n${report.errors.map(describe).join('\n')}`);
  if (ours.length) console.error(`warnings to fix:\n${ours.map(describe).join('\n')}`);
  return report.errors.length || ours.length ? 1 : 0;
}

process.exitCode = main();
