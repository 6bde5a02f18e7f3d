// How a problem reads: for people and editors, gcc style (`file:line:column: severity: reason
// (rule)`, which editors and terminals link to the line); for GitHub Actions, a workflow command
// (`::error file=…,line=…,col=…::…`) that annotates the manuscript's line in the release workflow.
import type { Diagnostic } from '../problems/diagnostic.js';

export type ReporterFormat = 'text' | 'json' | 'github';
export const REPORTER_FORMATS: ReporterFormat[] = ['text', 'json', 'github'];

export function formatText(diagnostic: Diagnostic): string {
  const rule = diagnostic.source === 'avim-press' ? diagnostic.ruleId : `${diagnostic.ruleId}, ${diagnostic.source}`;
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.reason.replace(/\s+/g, ' ').trim()} (${rule})`;
}

// GitHub's escaping for workflow commands: data escapes %, CR, LF; property values also : and ,.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostic: Diagnostic): string {
  const command = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'notice';
  const rule = diagnostic.source === 'avim-press' ? diagnostic.ruleId : `${diagnostic.ruleId}, ${diagnostic.source}`;
  const properties = [`file=${escapeProperty(diagnostic.file)}`, `line=${diagnostic.line}`, `col=${diagnostic.column}`, `title=${escapeProperty(rule)}`];
  return `::${command} ${properties.join(',')}::${escapeData(diagnostic.reason)}`;
}

/** The link an editor opens at the problem's place (VS Code's URL scheme). */
export function editorUrl(absolutePath: string, place: { line: number; column: number }): string {
  return `vscode://file${encodeURI(absolutePath.startsWith('/') ? absolutePath : `/${absolutePath.replace(/\\/g, '/')}`)}:${place.line}:${place.column}`;
}
