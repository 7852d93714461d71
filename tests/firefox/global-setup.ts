import { build } from 'vite';
import { FIREFOX_INSTALL_HINT, findFirefox } from './harness';

/** Firefox tests run against a fresh Firefox build, made once per run; without Firefox they skip. */
export default async function setup(): Promise<void> {
  if (!findFirefox()) {
    console.warn(
      `\n[firefox] No Firefox found: the Firefox smoke test is skipped. ${FIREFOX_INSTALL_HINT}\n`,
    );
    return;
  }
  await build({ mode: 'firefox', logLevel: 'warn' });
}
