/** Faxes from a Demo account go to the built-in emulator: said wherever such a fax appears. */
export function DemoMark() {
  return <span className="badge badge-demo">Demo — not transmitted</span>;
}
