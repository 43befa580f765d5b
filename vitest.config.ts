// The suite runs on shared, loaded machines (CI runs it twice, on Node 20 and
// 24, beside other work). A test's time limit is a guard against a hang, not a
// speed claim (those are the benchmarks'): vitest's 5 s default failed tests
// that take 3 s on a quiet machine whenever the load climbed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
