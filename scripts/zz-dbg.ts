import { launchExtension, askContent } from '../tests/browser/harness';
import { buildHandelingenPage } from './bench-page';
async function main() {
  const html = buildHandelingenPage();
  const session = await launchExtension();
  session.server.route(({ path }) => (path === '/h-tk-benchmark.html' ? { body: html } : undefined));
  const page = await session.context.newPage();
  const lines: string[] = [];
  page.on('console', (m) => lines.push(m.text()));
  await page.goto('https://zoek.officielebekendmakingen.nl/h-tk-benchmark.html');
  for (;;) {
    const r = await askContent(session, page, 'scanStats', {}).catch(() => undefined);
    if (r && r.citations > 0) {
      console.log(JSON.stringify(r));
      break;
    }
    await page.waitForTimeout(100);
  }
  console.log(
    lines
      .filter((l) => l.startsWith('chunk'))
      .slice(0, 12)
      .join('\n'),
  );
  const agg = { read: 0, detect: 0, place: 0 };
  for (const l of lines) {
    const m = /read ([\d.]+) detect ([\d.]+) place ([\d.]+)/.exec(l);
    if (m) {
      agg.read += +m[1]!;
      agg.detect += +m[2]!;
      agg.place += +m[3]!;
    }
  }
  console.log(agg, lines.filter((l) => l.startsWith('chunk')).length);
  await session.close();
}
void main();
