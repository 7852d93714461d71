import { build } from 'vite';
import { findChromium } from './harness';

/** Browser tests run against a fresh production build, made once per run. */
export default async function setup(): Promise<void> {
  findChromium(); // fail first, with install advice, when there is no browser
  await build({ logLevel: 'warn' });
}
