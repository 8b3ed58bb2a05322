import { launchBrowser, signIn, startHost } from '../e2e/support/browser.js';
const data = process.argv[2]!;
const host = await startHost(data, [], {});
const browser = await launchBrowser('en');
const page = browser.page;
await page.goto(host.url);
await page.locator('input[name=password]').waitFor();
await signIn(page, 'bench', 'bench password 42');
await page.getByRole('button', { name: 'Queue', exact: true }).click();
await page.locator('[data-testid=queue] [data-case-id]').first().waitFor();
await page.waitForTimeout(3000);
for (let round = 0; round < 2; round++) {
  const times = await page.evaluate(`(async () => {
    const out = [];
    for (const text of ['云服务器', 'ECS-5003', 'ssh', 'upload 403', '数据库', 'RDS', '云', 'u', 'up', 'upl']) {
      const t = performance.now();
      const o = await window.api.call('queue.list', { text, view: 'all', limit: 100, offset: 0 });
      out.push([text, Math.round(performance.now() - t), o.value.total]);
    }
    return out;
  })()`);
  console.log(JSON.stringify(times));
}
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const search = page.locator('input[name=queue-search]');
for (const term of ['云服务器', 'ECS-5003', 'upload 403', 'timeout', 'invoice']) {
  await search.click({ clickCount: 3 });
  await search.pressSequentially(term, { delay: 60 });
  await page.waitForTimeout(1500);
}
const { profile } = await cdp.send('Profiler.stop');
(await import('node:fs')).writeFileSync('/tmp/perf-s/renderer.cpuprofile', JSON.stringify(profile));
await browser.close();
await host.stop();
