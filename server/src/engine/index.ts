/** The engine's public API, shared by the CLI and the language server. */
export { lint, type LintOptions, type LintResult } from './linter.js';
export {
  ConfigError,
  ConfigLoader,
  resolveConfig,
  readConfigFile,
  findConfigFile,
  checkConfig,
  SCHEMA_PATH,
  CONFIG_FILES,
  layerIgnores,
  type SourcelintConfig,
  type ResolvedConfig,
  type ConfigLayer,
} from './config.js';
export { RULES, RULE_IDS, ruleById, ruleDocsUrl } from './rules/index.js';
export type {
  Finding,
  Suggestion,
  Edit,
  Span,
  Severity,
  ActiveSeverity,
  RuleMeta,
  RuleAction,
  Family,
  Problem,
} from './types.js';
export { FAMILIES } from './types.js';
export { LintCache } from './cache.js';
export { escapeControls } from './strings.js';
export { shippedFile } from './paths.js';
export {
  typedFixEdits,
  fixUntilStable,
  fixAllToStable,
  applyEdits,
  FIX_TYPES,
  SAFE_FIXES,
  type FixType,
} from './fix.js';
export { readRegularFile, readRegularTextFile, FileReadError, DEFAULT_MAX_FILE_BYTES } from './read-file.js';
export { insideRoots } from './workspace-paths.js';
export {
  addFootnote,
  attributeToSource,
  reviewMark,
  reviewMarkOffset,
  citeKey,
  markCitationNeeded,
  disableLine,
  disableInFile,
  renumberFootnotes,
  lineEnding,
  rankEntries,
  allowTermInConfig,
} from './edits.js';
export { formatReference, formatShortReference, type BibEntry, type Bibliography } from './bibliography.js';
export type { AnalyzedDocument, Sentence } from './document.js';
export { reviewClaims, claimAt, type ReviewClaim, type ClaimSource } from './review.js';
export type { ClaimStatus } from './claims.js';
export { listSources, sourceAt, type ListedSource, type ListedStatus, type SourceSummary } from './source-list.js';
export type { SourceStatus } from './sources.js';
export { prepareSourceCopies, type PrepareOptions, type PreparedCopies } from './evidence/prepare.js';
export { citedUrls, urlKey } from './evidence/urls.js';
export { NO_SOURCE_COPIES, type SourceCopies, type SourceText } from './evidence/copies.js';
export { copyKind, INDEX_FILE } from './evidence/locate.js';
