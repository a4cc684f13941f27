import type { InputErrorRecord } from '../schema/check-report.ts';
import type { Finding, Severity } from './finding.ts';
import { RULES } from './rules/index.ts';

/**
 * Where each rule is explained: docs/checks.md has one `### <rule-id>` heading per rule, and GitHub
 * turns it into the anchor `#<rule-id>`. SARIF wants an absolute URI here.
 */
export const CHECKS_DOC_URL = 'https://github.com/pledge/pledge/blob/main/docs/checks.md';

/** The rule id of an input error (bad YAML, a wrong type...) in SARIF and GitLab reports. */
export const INPUT_ERROR_RULE = 'input-error';

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const satisfies Record<Severity, string>;

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
}

/** Every rule pledge has, plus input-error: code scanning shows their descriptions beside each result. */
function sarifRules(): SarifRule[] {
  const describe = (id: string, summary: string, severity: Severity, full: string): SarifRule => ({
    id,
    shortDescription: { text: summary },
    fullDescription: { text: full },
    help: { text: `${full} See ${CHECKS_DOC_URL}#${id} for an example that triggers it and its fix.` },
    helpUri: `${CHECKS_DOC_URL}#${id}`,
    defaultConfiguration: { level: SARIF_LEVEL[severity] },
  });
  return [
    ...RULES.map((rule) => describe(rule.id, rule.summary, rule.severity,
      `pledge check finds ${rule.summary}. Default severity: ${rule.severity} (change it in content/rules.yaml).`)),
    describe(INPUT_ERROR_RULE, 'an input file pledge cannot read or validate', 'error',
      'An input file is malformed or invalid (bad YAML, a wrong type, an unknown key...): nothing was checked. pledge check exits 2.'),
  ];
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function fileUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function sarifResult(ruleId: string, ruleIndex: number, level: string, at: { file: string; line: number; column: number }, text: string) {
  return {
    ruleId,
    ruleIndex,
    level,
    message: { text },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: fileUri(at.file), uriBaseId: '%SRCROOT%' },
        region: { startLine: at.line, startColumn: at.column },
      },
    }],
  };
}

/**
 * `--format sarif`: SARIF 2.1.0 (GitHub code scanning, Azure DevOps, most CI dashboards). Findings and
 * input errors are results; an input error has ruleId `input-error` and marks the run unsuccessful.
 * Paths are relative to where pledge ran (`%SRCROOT%`): run it from the repository root.
 */
export function formatSarif(findings: readonly Finding[], errors: readonly InputErrorRecord[] = [], version = ''): string {
  const rules = sarifRules();
  const indexOf = (id: string) => rules.findIndex((rule) => rule.id === id);
  const results = [
    ...errors.map((e) => sarifResult(INPUT_ERROR_RULE, indexOf(INPUT_ERROR_RULE), 'error', e, `${e.message} ${e.hint}`)),
    ...findings.map((f) => sarifResult(f.rule, indexOf(f.rule), SARIF_LEVEL[f.severity], f, `${f.message} ${f.hint}`)),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'pledge', ...(version ? { version } : {}), informationUri: CHECKS_DOC_URL, rules } },
      // Columns count UTF-16 code units, as JavaScript strings do.
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: errors.length === 0 }],
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

const GITLAB_SEVERITY = { error: 'critical', warning: 'minor', info: 'info' } as const satisfies Record<Severity, string>;

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * `--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality). error findings are
 * `critical`, warnings `minor`, info `info`, input errors `blocker`. The fingerprint hashes the check,
 * file and message (not the line), so an issue keeps its identity when lines above it move; a repeat
 * of the same text in one file gets its occurrence number added.
 */
export function formatGitlab(findings: readonly Finding[], errors: readonly InputErrorRecord[] = []): string {
  const entries = [
    ...errors.map((e) => ({ check: INPUT_ERROR_RULE, severity: 'blocker' as const, at: e, text: `${e.message} ${e.hint}` })),
    ...findings.map((f) => ({ check: f.rule, severity: GITLAB_SEVERITY[f.severity], at: f, text: `${f.message} ${f.hint}` })),
  ];
  const seen = new Map<string, number>();
  const issues: GitlabIssue[] = entries.map(({ check, severity, at, text }) => {
    const key = `${check}\u0000${at.file}\u0000${text}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      description: text,
      check_name: check,
      fingerprint: stableHash(`${key}\u0000${occurrence}`),
      severity,
      location: { path: at.file.split('\\').join('/'), lines: { begin: at.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/**
 * 128 bits of FNV-1a (four 32-bit lanes with different offsets), as 32 hex digits: stable across runs
 * and machines, and pure (the core has no node:crypto). Not for security, only for identity.
 */
export function stableHash(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return [0x811c9dc5, 0x01000193, 0x050c5d1f, 0x1b873593].map((seed) => {
    let hash = seed >>> 0;
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  }).join('');
}
