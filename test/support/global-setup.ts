// Nothing to share between integration test files: each makes its own database.
export default function setup() {
  return () => undefined;
}
