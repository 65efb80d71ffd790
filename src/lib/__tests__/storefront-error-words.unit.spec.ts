import { ERROR_CODES } from "../error-codes"
import { ERROR_WORDS } from "../../../storefront/lib/error-messages"

// People never read a raw code (issue 21): every code the API can answer has words in the
// storefront's three languages. A new code without them fails here, not on a buyer's screen.
describe("storefront error words", () => {
  it("has English, Russian and Arabic words for every error code", () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => {
      const w = ERROR_WORDS[code]
      return !w || !w.en.trim() || !w.ru.trim() || !w.ar.trim()
    })
    expect(missing).toEqual([])
  })

  it("words are words: no codes, no English left in Russian or Arabic", () => {
    for (const [code, w] of Object.entries(ERROR_WORDS)) {
      for (const text of [w.en, w.ru, w.ar]) expect(text).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/)
      expect([code, /[а-яё]/i.test(w.ru)]).toEqual([code, true])
      expect([code, /[\u0600-\u06FF]/.test(w.ar)]).toEqual([code, true])
    }
  })
})
