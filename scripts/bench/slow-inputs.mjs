// The pathological inputs, shared by test/unit/slow-input.test.ts (bounded, catches blow-ups) and the
// bench (reports their times). `rules` is the engine's RULES (for the all-keywords inputs).
const MB = 1024 * 1024;
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const repeatTo = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export function slowInputs(rules) {
  const keywords = rules.flatMap((rule) => rule.keywords).join(' = "');
  const keywordsNonAscii = rules.flatMap((rule) => rule.keywords).join('é😀');
  return [
    ["10 MB of 'a'", () => 'a'.repeat(10 * MB)],
    ["10 MB of '='", () => '='.repeat(10 * MB)],
    ['5 MB of the base64 alphabet in long runs', () => repeatTo(`${BASE64_ALPHABET.repeat(400)}\n`, 5 * MB)],
    ['5 MB of one base64 run', () => repeatTo(BASE64_ALPHABET, 5 * MB)],
    ["2 MB of every rule's keywords, repeated", () => repeatTo(`${keywords} = "`, 2 * MB)],
    ["2 MB of every rule's keywords between non-ASCII characters", () => repeatTo(`${keywordsNonAscii}é`, 2 * MB)],
    ["2 MB of 'eyJ' repeated", () => 'eyJ'.repeat((2 * MB) / 3)],
    ["2 MB of 'eyJ.' repeated", () => 'eyJ.'.repeat((2 * MB) / 4)],
    ["1 MB of nested percent-encoding ('%25' repeated)", () => `q=${'%25'.repeat(MB / 3)}41`],
    ["1 MB of '\\u0041' escapes", () => '\\u0041'.repeat(MB / 6)],
    ["1 MB of '%41' in short runs", () => repeatTo('%41%41x', MB)],
    ["5 MB single line of minified JS with 'apiKey:\"' repeated", () => repeatTo('n.init({apiKey:"', 5 * MB)],
    [
      '5 MB single line of minified JS, keywords with near-miss values',
      () =>
        repeatTo(
          'function(t){return t.apiKey="sk_live_"+t.token,t.password=t.secret||"",t.Authorization="Bearer "+t.access_token},',
          5 * MB,
        ),
    ],
  ];
}
