/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core (Playwright cannot download its
 * own browsers here), with fake camera and microphone, and an axe-core accessibility check.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { recordPeerConnections } from './webrtc-probe.js';

export const CHROMIUM_PATH = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';

/** See shared/ENVIRONMENT_NOTES.md: fake devices, no prompts, loopback ICE, no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
];

export interface LaunchOptions {
  /**
   * A WAV file the fake microphone plays instead of its beep (one per browser process). Append
   * `%noloop` to play it once; pad it with silence, Chromium repeats the last 10 ms after the end.
   */
  fakeAudioFile?: string;
  extraArgs?: readonly string[];
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const args = [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])];
  if (options.fakeAudioFile) args.push(`--use-file-for-fake-audio-capture=${options.fakeAudioFile}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args });
}

export interface PageOptions {
  baseURL?: string;
  /**
   * Record every RTCPeerConnection the page creates so webrtc-probe can read stats. Default true.
   */
  recordPeers?: boolean;
  /**
   * Default true so runAxe can inject axe-core: the app's Content-Security-Policy (script-src 'self')
   * would block an inline script. Set false in a test that checks the CSP itself.
   */
  bypassCSP?: boolean;
}

/** A page in a fresh context (own cookies and storage: one context per simulated person). */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    permissions: ['camera', 'microphone'],
    bypassCSP: options.bypassCSP ?? true,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
  });
  if (options.recordPeers ?? true) await recordPeerConnections(context);
  return context.newPage();
}

export interface AxeViolation {
  id: string;
  impact: 'serious' | 'critical';
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements. */
  targets: string[];
}

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core on the page (or on `selector` within it) and returns the serious and critical
 * violations. Needs a context created with bypassCSP (newPage's default).
 */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const alreadyThere = await page.evaluate(() => 'axe' in window);
  if (!alreadyThere) {
    await page.addScriptTag({ content: await axeSource }).catch((error: unknown) => {
      throw new Error(`could not inject axe-core (was the page made with bypassCSP: false?): ${String(error)}`);
    });
  }
  return page.evaluate(async (within) => {
    type Result = { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(within ?? document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact as 'serious' | 'critical',
        help: v.help,
        helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      }));
  }, selector);
}

/** Closes the page's context too (newPage makes one context per page). */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}
