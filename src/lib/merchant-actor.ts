// Merchant staff authenticate as their own actor type, never as admin `user`s (see docs/merchant-api.md).
export const MERCHANT_ACTOR = "merchant"
