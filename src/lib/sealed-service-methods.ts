// Module services seal sensitive columns on write and open them on read in their generated methods
// (the only door to the table, query.graph included). The methods are wrapped on the prototype, not
// overridden in the class body, so callers keep the generated methods' types.

type Before = (args: any[]) => any[]
type After = (result: any) => any

/** `wrap(name, before, after)` for one service class: `before` maps the arguments, `after` the result. */
export function generatedMethodWrapper(service: { prototype: unknown }) {
  const proto = service.prototype as any
  return (name: string, before: Before, after: After) => {
    const generated = proto[name]
    proto[name] = async function (this: unknown, ...args: any[]) {
      return after(await generated.apply(this, before(args)))
    }
  }
}

/** Arguments passed on unchanged. */
export const sameArguments: Before = (args) => args

/** Seals what a create or update is given: rows, one row, or an update's `{ selector, data }`. */
export function sealWritePayload(seal: (row: any) => any) {
  return (data: any) =>
    Array.isArray(data) ? data.map((d) => seal(d))
      : data && typeof data === "object" && "selector" in data && "data" in data ? { ...data, data: seal(data.data) }
      : seal(data)
}
