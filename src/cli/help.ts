/** Help texts. Kept next to the parser's option tables so the two are easy to keep in step. */

export const TOOL_HELP = `leaklens — find the secrets a web app exposes to the browser

Usage:
  leaklens scan <path...> [options]     scan files and folders (bundles, source maps, HAR, .env…)
  leaklens browse <url...> [options]    visit pages in Chromium with the LeakLens extension loaded
  leaklens help [scan|browse]           show help for a command

Options:
  -h, --help       show help (also after a command: leaklens scan --help)
  -V, --version    print the version

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 bad arguments or input.
`;

const COMMON_OPTIONS = `  --format <text|json|sarif|markdown>   report format (default: text)
  --output <file>                       write the report to a file instead of stdout
  --fail-on <severity|none>             exit 1 when a finding is at or above this severity:
                                        critical, high, medium, low, info, or none (default: high)
  -h, --help                            show this help`;

export const SCAN_HELP = `Usage: leaklens scan <path...> [options]

Scans files and folders recursively (skipping .git): .js .mjs .cjs .map .html .htm .json .env .txt .har
and files named .env*. A file named on the command line is scanned whatever its extension. Source maps
are scanned through their sourcesContent; a bundle with a local source map reports original positions;
a HAR file's requests and text responses are scanned like live traffic. Files over 64 MB are skipped
with a warning.

Options:
${COMMON_OPTIONS}
`;

export const BROWSE_HELP = `Usage: leaklens browse <url...> [options]

Launches Chromium with the built LeakLens extension in a throwaway profile, visits each URL, waits until
scanning settles and prints the report.

Options:
${COMMON_OPTIONS}
  --browser <path>                      Chromium or Chrome executable (default: the first of chromium,
                                        chromium-browser, google-chrome, google-chrome-stable on PATH)
  --extension <dir>                     the built extension (default: dist/ in the LeakLens package)
  --ignore-https-errors                 accept self-signed certificates (local test hosts)
  --host-rules <rules>                  Chromium host resolver rules, e.g. "MAP *.example.test 127.0.0.1"
  --timeout <ms>                        page load and settle timeout per page (default: 30000)
  --settle <ms>                         quiet period with no scanning before reporting (default: 800)
`;
