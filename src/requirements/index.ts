/** Public API of the requirement parsers (pip requirements files, PEP 508, markers, pyproject). */
export { normalizeName, isValidProjectName } from './normalize.ts';
export { parseRequirementString, normalizeMarkerString } from './pep508.ts';
export { evaluateMarker, targetEnvironment } from './markers.ts';
export {
  parseRequirementsText,
  scanRequirementsText,
  type ParsedRequirementsText,
  type RequirementsInclude,
  type RequirementsOption,
  type RequirementsTextOptions,
  type ScannedLine,
} from './requirements-file.ts';
export { parsePyprojectDependencies } from './pyproject.ts';
export { parseRequirementsFile, decodeRequirementsBytes, type ReadRequirementsOptions, type RequirementsFiles } from './read-files.ts';
