import { scrub } from "../steps/erase-customer-traces"

// GDPR erasure of free text (dispute messages, notification subjects): the person's strings go, other words stay.
describe("scrub", () => {
  const person = { customer_id: "cus_1", email: "al.x@y.test", phone: "+49301234567", first_name: "Al", last_name: "Ёлкина" }

  it("replaces the e-mail, phone and names as whole words, in any case and script", () => {
    expect(scrub("Also call AL on +49301234567 or al.x@Y.test, Ёлкина; also-Al. Всё ёлкинаX", person))
      .toBe("Also call [erased] on [erased] or [erased], [erased]; also-[erased]. Всё ёлкинаX")
  })

  it("leaves text without them, empty values and too-short names alone", () => {
    expect(scrub("Parcel arrived damaged", person)).toBe("Parcel arrived damaged")
    expect(scrub(null, person)).toBeNull()
    expect(scrub("A b c", { ...person, first_name: "A" })).toBe("A b c")
  })
})
