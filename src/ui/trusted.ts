/**
 * Wraps a handler that acts (saves, deletes, opens) so that only a person's input runs it: a page
 * script can dispatch synthetic events on anything it reaches, and those have `isTrusted` false.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
