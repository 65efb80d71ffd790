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
  testMatch: (process.env.TEST_TYPE || "unit").split(",").flatMap((type) => suites[type.trim()] ?? suites.unit),
  testTimeout: 120000,
}
