module.exports = require("./helpers/test-db-trash").globalTeardown
