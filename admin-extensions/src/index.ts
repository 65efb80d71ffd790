// Backend entry of the plugin: it only ships admin extensions (see src/admin).
export default {}
