// The e2e scripts' shared harness: named checks that record a failure instead of stopping the run, and the
// "N passed, N failed" summary that .ci/run's reader counts, and how the scripts start Debian's Chromium.

/** Debian's Chromium, headless and offline: no sandbox (CI runs as root), no GPU, no background network traffic. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
export function checks() {
  const results = [];
  return {
    /** Runs one named check; a thrown error marks it failed. */
    async check(name, fn) {
      try {
        await fn();
        results.push([name, true]);
      } catch (e) {
        results.push([name, false, e.message]);
      }
    },
    /** Records a failure outside any check (the setup broke). */
    fail(name, error) {
      results.push([name, false, error.message]);
    },
    /** Prints every result and the summary; returns the number of failures. */
    summary() {
      for (const [name, ok, error] of results)
        console.log(`${ok ? '✔' : '✖'} ${name}${error ? `\n    ${error.split('\n').slice(0, 8).join('\n    ')}` : ''}`);
      const failed = results.filter(([, ok]) => !ok).length;
      console.log(`${results.length - failed} passed, ${failed} failed`);
      return failed;
    },
  };
}
