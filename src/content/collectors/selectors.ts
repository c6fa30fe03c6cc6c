/**
 * Short CSS selectors that tell a user where a value sits: `#support-widget`,
 * `input[type=hidden][name=api_key]`, `meta[name=ci-deploy-token]`. Not guaranteed unique (the value
 * and the page identify the finding); built from a handful of attribute reads, never a DOM walk.
 * One function on purpose (see dom.ts on compile cost).
 */

const IDENTIFIER = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;
const MAX_SELECTOR_LENGTH = 300;

/** An attribute value as CSS: bare when it is an identifier, quoted otherwise. */
export function cssValue(value: string): string {
  return IDENTIFIER.test(value) ? value : JSON.stringify(value);
}

export function selectorFor(element: Element): string {
  let selector: string;
  const id = element.getAttribute('id');
  const tag = element.localName;
  if (id) {
    selector = IDENTIFIER.test(id) ? `#${id}` : `[id=${JSON.stringify(id)}]`;
  } else {
    const attribute = tag === 'meta' ? (['name', 'property', 'http-equiv', 'itemprop'].find((name) => element.hasAttribute(name)) ?? 'name') : 'name';
    const name = element.getAttribute(attribute);
    if (name) {
      const type = tag === 'input' ? element.getAttribute('type') : null;
      const typePart = type ? `[type=${IDENTIFIER.test(type) ? type.toLowerCase() : JSON.stringify(type.toLowerCase())}]` : '';
      selector = `${tag}${typePart}[${attribute}=${IDENTIFIER.test(name) ? name : JSON.stringify(name)}]`;
    } else {
      const firstClass = element.classList?.[0];
      selector = firstClass && IDENTIFIER.test(firstClass) ? `${tag}.${firstClass}` : tag;
    }
  }
  return selector.length > MAX_SELECTOR_LENGTH ? `${selector.slice(0, MAX_SELECTOR_LENGTH - 1)}…` : selector;
}
