module.exports = require("./helpers/test-db-trash").globalSetup
