/**
 * `npm run package` (after `npm run build` and `npm run build:firefox`, which the npm script runs):
 *
 *   artifacts/bronwijzer-chrome-<version>.zip   dist/ for the Chrome Web Store
 *   artifacts/bronwijzer-firefox-<version>.zip  dist-firefox/ for addons.mozilla.org
 *   artifacts/bronwijzer-source-<version>.zip   the files under git, for AMO's source review
 *                                               (BUILDING.md in it says how to rebuild dist-firefox)
 *   artifacts/SHA256SUMS                        checksums of the three
 *
 * The version comes from package.json. The zips are deterministic: sorted entries, fixed timestamps.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deterministicZip, type ZipEntry } from './zip';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARTIFACTS = path.join(ROOT, 'artifacts');
/** Never in the source archive, even if someone commits them by mistake. */
const SOURCE_EXCLUDED = /^(node_modules|dist|dist-firefox|artifacts|web-ext-artifacts)(\/|$)/;

async function filesUnder(dir: string, prefix = ''): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    const rel = prefix ? `${prefix}/${item.name}` : item.name;
    if (item.isDirectory()) entries.push(...(await filesUnder(full, rel)));
    else if (item.isFile()) entries.push({ path: rel, data: await readFile(full) });
  }
  return entries;
}

async function builtExtension(dir: string, version: string, firefox: boolean): Promise<ZipEntry[]> {
  const manifestFile = path.join(ROOT, dir, 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`No build in ${dir}/: run \`npm run package\`, which builds first.`);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  if (manifest.version !== version)
    throw new Error(
      `${dir}/manifest.json has version ${manifest.version}, package.json ${version}: rebuild.`,
    );
  const isFirefox = Boolean(manifest.browser_specific_settings?.gecko);
  if (isFirefox !== firefox) throw new Error(`${dir}/ is not a ${firefox ? 'Firefox' : 'Chrome'} build.`);
  return filesUnder(path.join(ROOT, dir));
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** The files under git (as they are in the working tree), with their modes. */
async function sourceFiles(): Promise<ZipEntry[]> {
  const dirty = git('status', '--porcelain').trim();
  if (dirty)
    console.warn(
      `warning: uncommitted changes (modified files go in as they are now, untracked ones not at all):\n${dirty}`,
    );
  const entries: ZipEntry[] = [];
  for (const line of git('ls-files', '--stage', '-z').split('\0')) {
    if (!line) continue;
    const [info, file] = line.split('\t') as [string, string];
    const mode = info.split(' ')[0];
    if (SOURCE_EXCLUDED.test(file) || mode === '160000' || mode === '120000') continue; // submodules, links
    if (!existsSync(path.join(ROOT, file))) continue; // deleted in the working tree
    entries.push({
      path: file,
      data: await readFile(path.join(ROOT, file)),
      mode: mode === '100755' ? 0o755 : 0o644,
    });
  }
  if (!entries.some((e) => e.path === 'BUILDING.md')) throw new Error('BUILDING.md must be under git.');
  return entries;
}

async function main(): Promise<void> {
  const { name, version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  const packages: [string, ZipEntry[]][] = [
    [`${name}-chrome-${version}.zip`, await builtExtension('dist', version, false)],
    [`${name}-firefox-${version}.zip`, await builtExtension('dist-firefox', version, true)],
  ];
  // An unpacked source archive (a reviewer rebuilding the add-on) has no git: the store zips suffice.
  if (existsSync(path.join(ROOT, '.git')))
    packages.push([`${name}-source-${version}.zip`, await sourceFiles()]);
  else console.warn('Not a git checkout: no source archive made (it is built from the files under git).');
  await mkdir(ARTIFACTS, { recursive: true });
  const sums: string[] = [];
  for (const [file, entries] of packages) {
    const zip = deterministicZip(entries);
    await writeFile(path.join(ARTIFACTS, file), zip);
    const sha256 = createHash('sha256').update(zip).digest('hex');
    sums.push(`${sha256}  ${file}`);
    console.log(
      `artifacts/${file}  ${entries.length} files  ${(zip.length / 1024).toFixed(1)} KiB  sha256 ${sha256}`,
    );
  }
  await writeFile(path.join(ARTIFACTS, 'SHA256SUMS'), `${sums.join('\n')}\n`);
}

await main();
