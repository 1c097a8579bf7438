// npm run bench:bundle
// The JavaScript the browser actually loads for each page before anyone joins a room, gzipped: the
// pages are opened in Chromium and every script response is recorded, then its file is gzipped (level 9).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createInvite, setUpFacilitator, startLiveSession } from '../support/api.js';
import { launchBrowser, newPage } from '../support/browser.js';
import { startHearth } from '../support/hearth.js';
import { clientDist, printTable } from './bench-support.js';

const hearth = await startHearth({ clientDist });
const cookie = await setUpFacilitator(hearth);
const live = await startLiveSession(hearth, cookie);
const invite = await createInvite(hearth, live);
const browser = await launchBrowser();

async function scriptsLoadedBy(path: string, waitForLabel: string): Promise<string[]> {
  const page = await newPage(browser, { recordPeers: false });
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
  });
  await page.goto(hearth.url + path);
  await page.getByLabel(waitForLabel).first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page.context().close();
  return [...scripts];
}

const rows: { page: string; files: number; raw_kb: number; gzip_kb: number }[] = [];
const sizes: Record<string, number> = {};
try {
  for (const [name, path, label] of [
    ['sign-in', '/sign-in', 'Email'],
    ['pre-join (member)', invite.path, 'Your name'],
  ] as const) {
    const files = await scriptsLoadedBy(path, label);
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const content = readFileSync(join(clientDist, file));
      raw += content.length;
      gzip += gzipSync(content, { level: 9 }).length;
    }
    rows.push({ page: name, files: files.length, raw_kb: +(raw / 1024).toFixed(1), gzip_kb: +(gzip / 1024).toFixed(1) });
    sizes[name] = +(gzip / 1024).toFixed(1);
  }
} finally {
  await browser.close();
  await hearth.close();
}
printTable('JavaScript loaded before joining a room (target for pre-join: under 150 KB gzipped)', rows);
console.log(JSON.stringify({ prejoin_js_gzip_kb: sizes['pre-join (member)'], signin_js_gzip_kb: sizes['sign-in'], target_kb: 150 }));
