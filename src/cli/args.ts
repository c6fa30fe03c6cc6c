/**
 * Command-line parsing by hand (no dependency): `leaklens <command> [options] <inputs...>`.
 * Options take `--name value` or `--name=value`; `--` ends options. Every mistake is a UsageError whose
 * one-line message says what was wrong.
 */
import { SEVERITIES, type Severity } from '../shared/finding.ts';
import { isRenderFormat, RENDER_FORMATS, type RenderFormat } from '../reports/index.ts';
import { UsageError } from './errors.ts';

export type FailOn = Severity | 'none';

export interface ReportOptions {
  format: RenderFormat;
  output?: string;
  failOn: FailOn;
}

export interface ScanCommand extends ReportOptions {
  command: 'scan';
  paths: string[];
}

export interface BrowseCommand extends ReportOptions {
  command: 'browse';
  urls: string[];
  browser?: string;
  extensionDir?: string;
  ignoreHttpsErrors: boolean;
  hostRules?: string;
  timeoutMs: number;
  settleMs: number;
}

export type ParsedCommand =
  | ScanCommand
  | BrowseCommand
  | { command: 'help'; topic?: 'scan' | 'browse' }
  | { command: 'version' };

type CommandName = 'scan' | 'browse';

/** Options that take a value, per command; anything else starting with `-` is a flag or a mistake. */
const VALUE_OPTIONS: Record<CommandName, readonly string[]> = {
  scan: ['--format', '--output', '--fail-on'],
  browse: ['--format', '--output', '--fail-on', '--browser', '--extension', '--host-rules', '--timeout', '--settle'],
};
const FLAG_OPTIONS: Record<CommandName, readonly string[]> = {
  scan: [],
  browse: ['--ignore-https-errors'],
};

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_SETTLE_MS = 800;

function isCommandName(value: string): value is CommandName {
  return value === 'scan' || value === 'browse';
}

interface RawOptions {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
  help: boolean;
}

function readOptions(command: CommandName, args: readonly string[]): RawOptions {
  const raw: RawOptions = { values: new Map(), flags: new Set(), positionals: [], help: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--') {
      raw.positionals.push(...args.slice(index + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      raw.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      raw.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (VALUE_OPTIONS[command].includes(name)) {
      const value = equals === -1 ? args[(index += 1)] : arg.slice(equals + 1);
      if (value === undefined || (equals === -1 && value.startsWith('--'))) {
        throw new UsageError(`option ${name} needs a value (see "leaklens ${command} --help")`);
      }
      raw.values.set(name, value);
    } else if (FLAG_OPTIONS[command].includes(name)) {
      if (equals !== -1) throw new UsageError(`option ${name} takes no value`);
      raw.flags.add(name);
    } else {
      throw new UsageError(`unknown option "${name}" for "leaklens ${command}" (see "leaklens ${command} --help")`);
    }
  }
  return raw;
}

function parseFormat(value: string | undefined): RenderFormat {
  if (value === undefined) return 'text';
  if (isRenderFormat(value)) return value;
  throw new UsageError(`--format must be one of ${RENDER_FORMATS.join(', ')} (got "${value}")`);
}

function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined) return 'high';
  if (value === 'none' || (SEVERITIES as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, none (got "${value}")`);
}

function parseMilliseconds(name: string, value: string | undefined, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < minimum || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${name} must be a whole number of milliseconds${minimum > 0 ? ' above 0' : ''} (got "${value}")`);
  }
  return Number(value);
}

function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`"${value}" is not a URL (give the full address, e.g. https://example.test/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`"${value}" is not an http or https URL`);
  }
  return value;
}

function reportOptions(raw: RawOptions): ReportOptions {
  const options: ReportOptions = {
    format: parseFormat(raw.values.get('--format')),
    failOn: parseFailOn(raw.values.get('--fail-on')),
  };
  const output = raw.values.get('--output');
  if (output !== undefined) {
    if (output === '') throw new UsageError('--output needs a file name');
    options.output = output;
  }
  return options;
}

function parseCommand(command: CommandName, args: readonly string[]): ParsedCommand {
  const raw = readOptions(command, args);
  if (raw.help) return { command: 'help', topic: command };
  if (command === 'scan') {
    if (raw.positionals.length === 0) throw new UsageError('scan needs at least one file or folder (see "leaklens scan --help")');
    return { command: 'scan', paths: raw.positionals, ...reportOptions(raw) };
  }
  if (raw.positionals.length === 0) throw new UsageError('browse needs at least one URL (see "leaklens browse --help")');
  const browse: BrowseCommand = {
    command: 'browse',
    urls: raw.positionals.map(checkUrl),
    ...reportOptions(raw),
    ignoreHttpsErrors: raw.flags.has('--ignore-https-errors'),
    timeoutMs: parseMilliseconds('--timeout', raw.values.get('--timeout'), DEFAULT_TIMEOUT_MS, 1),
    settleMs: parseMilliseconds('--settle', raw.values.get('--settle'), DEFAULT_SETTLE_MS, 0),
  };
  const browser = raw.values.get('--browser');
  if (browser !== undefined) browse.browser = browser;
  const extensionDir = raw.values.get('--extension');
  if (extensionDir !== undefined) browse.extensionDir = extensionDir;
  const hostRules = raw.values.get('--host-rules');
  if (hostRules !== undefined) browse.hostRules = hostRules;
  return browse;
}

export function parseArgs(argv: readonly string[]): ParsedCommand {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command: scan or browse (see "leaklens --help")');
  if (first === '-h' || first === '--help') return { command: 'help' };
  if (first === '-V' || first === '--version') return { command: 'version' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (isCommandName(topic)) return { command: 'help', topic };
    throw new UsageError(`unknown command "${topic}" (commands: scan, browse)`);
  }
  if (isCommandName(first)) return parseCommand(first, rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option "${first}" (see "leaklens --help")`);
  throw new UsageError(`unknown command "${first}" (commands: scan, browse; see "leaklens --help")`);
}
