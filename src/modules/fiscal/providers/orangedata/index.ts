// OrangeData fiscal provider; registered in medusa-config.ts (fiscal module options) with id "orangedata".
export { default, OrangeDataFiscalProvider, signBody } from "./service"
export { orangeDataBody, OD_TAX } from "./mapping"
export type { OrangeDataConfig } from "./mapping"
