const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// TEST_TYPE picks the suites, comma-separated: `npm test` (scripts/test.mjs) runs
// "unit,integration:modules,integration:http" as one jest run spread over parallel workers.
const suites = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  "integration:modules": ["**/integration-tests/modules/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/storefront/", "<rootDir>/admin-extensions/"],
  setupFiles: ["./integration-tests/setup.js"],
  setupFilesAfterEnv: ["./integration-tests/setup-after-env.js"],
  // HTTP files reset their database by renaming the used one away (helpers/renaming-reset.js); the
  // parent process drops the renamed ones in the background and the rest when the run ends.
  globalSetup: "./integration-tests/global-setup.js",
  globalTeardown: "./integration-tests/global-teardown.js",
  // The Redis suite asserts Redis-backed modules and needs a real redis-server: without REDIS_URL it is
  // not collected at all (scripts/test.mjs lists it as not run, with that reason), never skipped as a pass.
  testPathIgnorePatterns: ["/node_modules/", ...(process.env.REDIS_URL ? [] : ["/integration-tests/http/redis\\.spec\\.ts$"])],
  testMatch: (process.env.TEST_TYPE || "unit").split(",").flatMap((type) => suites[type.trim()] ?? suites.unit),
  testTimeout: 120000,
  // Each HTTP file boots a whole Medusa app in its worker and not all of it is freed afterwards: in one CI run a
  // worker reached its 4 GB heap after ~20 files, spent the last minutes in 8–9 s garbage collections (jest took
  // 1,367 s instead of ~800) and was then killed mid-file. A worker above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: "1536MB",
}
