/**
 * A small, strict XML 1.0 parser for tests: it accepts only well-formed
 * documents (one root element, matched tags, quoted and unique attributes,
 * only the five predefined entities and character references, no raw `<` or
 * `&` in text, no characters XML forbids) and throws on anything else, which
 * lenient HTML-style parsers (linkedom's included) let through. No DTDs,
 * CDATA or processing instructions other than the XML declaration.
 */

/** A parsed element. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The concatenated text directly inside the element, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/;
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (FORBIDDEN_CHAR.test(raw)) throw new Error(`${where}: a character XML forbids`);
  if (raw.includes('<')) throw new Error(`${where}: raw "<"`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`${where}: "&" not starting an entity`);
    if (body in ENTITIES) return ENTITIES[body];
    const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (!num) throw new Error(`${where}: unknown entity &${body};`);
    const code = parseInt(num[1], body.startsWith('#x') ? 16 : 10);
    const ok =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) throw new Error(`${where}: character reference to a character XML forbids`);
    return String.fromCodePoint(code);
  });
}

/** Parses a whole XML document; throws with the position of the first error. */
export function parseStrictXml(xml: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`XML error at ${i}: ${what}`);
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    if (!/^<\?xml version="1\.[0-9]"( encoding="[A-Za-z][\w.-]*")?( standalone="(yes|no)")?\s*\?>$/.test(xml.slice(0, end + 2)))
      fail('malformed XML declaration');
    i = end + 2;
  }
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected "<"');
    i++;
    const name = NAME.exec(xml.slice(i))?.[0] ?? fail('expected an element name');
    i += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const attr = NAME.exec(xml.slice(i))?.[0] ?? fail('expected an attribute name');
      i += attr.length;
      skipSpace();
      if (xml[i] !== '=') fail(`expected "=" after ${attr}`);
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('attribute value must be quoted');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      if (attr in attributes) fail(`duplicate attribute ${attr}`);
      attributes[attr] = decode(xml.slice(i + 1, end), `attribute ${attr}`);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const next = xml.indexOf('<', i);
      if (next < 0) fail(`unclosed element <${name}>`);
      text += decode(xml.slice(i, next), `text of <${name}>`);
      i = next;
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = NAME.exec(xml.slice(i))?.[0];
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        i += name.length;
        skipSpace();
        if (xml[i] !== '>') fail('expected ">"');
        i++;
        return { name, attributes, children, text };
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
        continue;
      }
      if (xml.startsWith('<!', i) || xml.startsWith('<?', i)) fail('CDATA, DTDs and processing instructions are not expected');
      children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

/** Every descendant element with this name, in document order. */
export function descendants(e: XmlElement, name: string): XmlElement[] {
  return e.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
