// The e2e scripts' shared harness: named checks that record a failure instead of stopping the run, and the
// "N passed, N failed" summary that .ci/run's reader counts.
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
