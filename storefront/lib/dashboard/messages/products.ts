import { defineMessages } from "../define"

export const productsMessages = defineMessages(
  {
    "products.heading": "Products",
  },
  {
    ru: { "products.heading": "Товары" },
    ar: { "products.heading": "المنتجات" },
  }
)
